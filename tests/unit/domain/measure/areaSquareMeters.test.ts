import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area as turfArea } from '@turf/turf';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { referenceArea, referenceDestination, relativeError } from '../../../support/geodesicReference';

const fixture = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'measure', name), 'utf8')) as FeatureCollection;

/** A closed ring of `vertices` points `radiusMeters` around (lon, lat), laid out geodesically. */
function circleRing(lon: number, lat: number, radiusMeters: number, vertices: number, phaseDegrees = 17): Position[] {
  const ring = Array.from({ length: vertices }, (_, i) => referenceDestination(lon, lat, phaseDegrees + (360 * i) / vertices, radiusMeters));
  return [...ring, ring[0] ?? [lon, lat]];
}

const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const reversed = (ring: Position[]): Position[] => [...ring].reverse();

describe('areaSquareMeters agrees with GeographicLib on the WGS84 ellipsoid', () => {
  it.each(fixture('polygons.geojson').features.map((feature) => [String(feature.properties?.name), feature.geometry] as const))(
    '%s',
    (_name, geometry) => {
      const expected = referenceArea(geometry);
      expect(expected).toBeGreaterThan(90);
      // GeographicLib itself carries ~2e-5 m² of rounding, i.e. ~2e-7 relative at 100 m².
      expect(relativeError(areaSquareMeters(geometry), expected)).toBeLessThan(expected > 1e4 ? 1e-7 : 1e-6);
    },
  );

  it('for polygons from 100 m² to 1000 km² around 25° N, triangles to 40-gons', () => {
    let worst = 0;
    for (const radiusMeters of [6, 10, 30, 100, 1_000, 5_000, 17_800]) {
      for (const vertices of [3, 4, 5, 8, 40]) {
        for (const [lon, lat] of [[102.7, 24.95], [102.62, 25.01], [102.78, 24.89]] as const) {
          const geometry = polygon(circleRing(lon, lat, radiusMeters, vertices));
          worst = Math.max(worst, relativeError(areaSquareMeters(geometry), referenceArea(geometry)));
        }
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('for 1000 km² triangles and rectangles at every orientation, where edges are 30–100 km', () => {
    let worst = 0;
    for (const aspect of [1, 2, 4]) {
      for (let azimuth = 0; azimuth < 180; azimuth += 15) {
        const longMeters = Math.sqrt(2e9 * aspect);
        const [lon, lat] = [102.7, 25];
        const end = referenceDestination(lon, lat, azimuth, longMeters);
        const foot = referenceDestination(lon, lat, azimuth, 0.3 * longMeters);
        const apex = referenceDestination(foot[0], foot[1], azimuth + 90, 2e9 / longMeters);
        const triangle = polygon([[lon, lat], end, apex, [lon, lat]]);
        const side = Math.sqrt(1e9 * aspect);
        const corner = referenceDestination(lon, lat, azimuth + 90, 1e9 / side);
        const sideEnd = referenceDestination(lon, lat, azimuth, side);
        const far = referenceDestination(sideEnd[0], sideEnd[1], azimuth + 90, 1e9 / side);
        const rectangle = polygon([[lon, lat], sideEnd, far, corner, [lon, lat]]);
        for (const geometry of [triangle, rectangle]) {
          worst = Math.max(worst, relativeError(areaSquareMeters(geometry), referenceArea(geometry)));
        }
      }
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it('stays sane elsewhere: other latitudes and hemispheres, polygons up to 30 km across', () => {
    for (const lat of [-70, -45, -10, 0, 10, 45, 70]) {
      for (const radiusMeters of [50, 2_000, 15_000]) {
        const geometry = polygon(circleRing(-60 + lat, lat, radiusMeters, 7));
        expect(relativeError(areaSquareMeters(geometry), referenceArea(geometry))).toBeLessThan(1e-6);
      }
    }
  });

  it('measures a polygon across the antimeridian by its short side', () => {
    const geometry = polygon([[179.9, 10], [-179.9, 10], [-179.9, 10.2], [179.9, 10.2], [179.9, 10]]);
    expect(relativeError(areaSquareMeters(geometry), referenceArea(geometry))).toBeLessThan(1e-6);
  });

  it('measures a ring around a pole as the polar cap', () => {
    const ring = Array.from({ length: 361 }, (_, i): Position => [-180 + i, 80]);
    const geometry = polygon(ring);
    expect(relativeError(areaSquareMeters(geometry), referenceArea(geometry))).toBeLessThan(1e-6);
  });

  it('reads about 0.2 % below the spherical turf.area at 25° N', () => {
    const geometry = polygon(circleRing(102.7, 24.95, 1_000, 40));
    const ratio = turfArea(geometry) / areaSquareMeters(geometry);
    expect(ratio).toBeGreaterThan(1.001);
    expect(ratio).toBeLessThan(1.003);
  });
});

describe('areaSquareMeters of rings and parts', () => {
  const outer = circleRing(102.7, 24.95, 500, 24);
  const hole = circleRing(102.7, 24.95, 200, 12);
  const other = circleRing(102.75, 24.98, 300, 9);

  it('does not depend on ring orientation', () => {
    const counterClockwise = areaSquareMeters(polygon(outer));
    expect(areaSquareMeters(polygon(reversed(outer)))).toBeCloseTo(counterClockwise, 6);
    expect(areaSquareMeters(polygon(outer, hole))).toBeCloseTo(areaSquareMeters(polygon(reversed(outer), reversed(hole))), 6);
  });

  it('subtracts holes exactly: outer − hole', () => {
    const expected = areaSquareMeters(polygon(outer)) - areaSquareMeters(polygon(hole));
    expect(relativeError(areaSquareMeters(polygon(outer, hole)), expected)).toBeLessThan(1e-12);
    expect(relativeError(areaSquareMeters(polygon(outer, reversed(hole))), expected)).toBeLessThan(1e-12);
  });

  it('sums the parts of a MultiPolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer, hole], [reversed(other)]] };
    const expected = areaSquareMeters(polygon(outer, hole)) + areaSquareMeters(polygon(other));
    expect(relativeError(areaSquareMeters(multi), expected)).toBeLessThan(1e-12);
    expect(relativeError(areaSquareMeters(multi), referenceArea(multi))).toBeLessThan(1e-7);
  });

  it('closes an unclosed ring instead of dropping a vertex', () => {
    expect(areaSquareMeters(polygon(outer.slice(0, -1)))).toBeCloseTo(areaSquareMeters(polygon(outer)), 6);
  });
});

describe('areaSquareMeters of what has no area', () => {
  const cases: [string, Geometry | null | undefined][] = [
    ['null', null],
    ['undefined', undefined],
    ['an empty Polygon', { type: 'Polygon', coordinates: [] }],
    ['a Polygon with an empty ring', { type: 'Polygon', coordinates: [[]] }],
    ['a degenerate two-point ring', { type: 'Polygon', coordinates: [[[102.7, 24.9], [102.71, 24.9], [102.7, 24.9]]] }],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }],
    ['a LineString', { type: 'LineString', coordinates: [[102.7, 24.9], [102.71, 24.91]] }],
    ['a Point', { type: 'Point', coordinates: [102.7, 24.9] }],
  ];
  it.each(cases)('%s measures 0', (_name, geometry) => {
    expect(areaSquareMeters(geometry)).toBe(0);
  });

  it('never returns NaN or throws on malformed coordinates', () => {
    const malformed = [
      { type: 'Polygon', coordinates: [[[102.7, Number.NaN], [102.71, 24.9], [102.7, 24.91], [102.7, 24.9]]] },
      { type: 'Polygon', coordinates: [[[102.7], [102.71, 24.9], [102.7, 24.91], [102.7]]] },
      { type: 'Polygon', coordinates: [[null, [102.71, 24.9], [102.7, 24.91]]] },
      { type: 'Polygon', coordinates: null },
      { type: 'MultiPolygon', coordinates: [null, [[]]] },
    ] as unknown as Geometry[];
    for (const geometry of malformed) {
      const area = areaSquareMeters(geometry);
      expect(Number.isFinite(area)).toBe(true);
    }
  });
});
