import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lengthMeters } from '../../../../src/domain/measure/lengthMeters';
import { referenceDestination, referenceDistance, referenceLength, relativeError } from '../../../support/geodesicReference';

const lines = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'measure', 'lines.geojson'), 'utf8'),
) as FeatureCollection;

const segment = (from: [number, number], to: [number, number]): LineString => ({ type: 'LineString', coordinates: [from, to] });

describe('lengthMeters agrees with GeographicLib Inverse on the WGS84 ellipsoid', () => {
  it.each(lines.features.map((feature) => [String(feature.properties?.name), feature.geometry] as const))('%s', (_name, geometry) => {
    expect(relativeError(lengthMeters(geometry), referenceLength(geometry))).toBeLessThan(1e-8);
  });

  it('for segments of 1 m to 50 km in every direction around 25° N', () => {
    let worst = 0;
    for (const distanceMeters of [1, 10, 100, 1_000, 10_000, 30_000, 50_000]) {
      for (let azimuth = 0; azimuth < 360; azimuth += 10) {
        const from: [number, number] = [102.7, 24.95];
        const to = referenceDestination(from[0], from[1], azimuth, distanceMeters);
        worst = Math.max(worst, relativeError(lengthMeters(segment(from, to)), referenceDistance(...from, ...to)));
      }
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it('stays within 1e-6 up to 100 km at other latitudes', () => {
    for (const lat of [-70, -30, 0, 45, 70]) {
      for (const azimuth of [0, 33, 90, 145, 270]) {
        const to = referenceDestination(10, lat, azimuth, 100_000);
        expect(relativeError(lengthMeters(segment([10, lat], to)), referenceDistance(10, lat, ...to))).toBeLessThan(1e-6);
      }
    }
  });

  it('takes the short way across the antimeridian', () => {
    const line = segment([179.99, 10], [-179.99, 10]);
    expect(relativeError(lengthMeters(line), referenceDistance(179.99, 10, -179.99, 10))).toBeLessThan(1e-8);
  });
});

describe('lengthMeters of what has no length', () => {
  const cases: [string, Geometry | null | undefined][] = [
    ['null', null],
    ['undefined', undefined],
    ['an empty LineString', { type: 'LineString', coordinates: [] }],
    ['a one-point LineString', { type: 'LineString', coordinates: [[102.7, 24.9]] }],
    ['an empty MultiLineString', { type: 'MultiLineString', coordinates: [] }],
    ['a Polygon', { type: 'Polygon', coordinates: [[[102.7, 24.9], [102.71, 24.9], [102.7, 24.91], [102.7, 24.9]]] }],
    ['a Point', { type: 'Point', coordinates: [102.7, 24.9] }],
  ];
  it.each(cases)('%s measures 0', (_name, geometry) => {
    expect(lengthMeters(geometry)).toBe(0);
  });

  it('sums the parts of a MultiLineString', () => {
    const a = segment([102.7, 24.9], [102.71, 24.91]);
    const b = segment([102.72, 24.95], [102.7, 24.96]);
    expect(lengthMeters({ type: 'MultiLineString', coordinates: [a.coordinates, b.coordinates] })).toBeCloseTo(lengthMeters(a) + lengthMeters(b), 6);
  });

  it('never returns NaN or throws on malformed coordinates', () => {
    const malformed = [
      { type: 'LineString', coordinates: [[102.7, Number.NaN], [102.71, 24.9]] },
      { type: 'LineString', coordinates: [null, [102.71, 24.9]] },
      { type: 'LineString', coordinates: null },
      { type: 'MultiLineString', coordinates: [null, [[102.7]]] },
    ] as unknown as Geometry[];
    for (const geometry of malformed) expect(Number.isFinite(lengthMeters(geometry))).toBe(true);
  });
});
