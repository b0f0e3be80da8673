import geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';
import { gaussKrugerZoneOf } from '../../../../src/domain/export/gaussKrugerZone';
import { gaussKrugerProjection } from '../../../../src/domain/export/gaussKrugerProjection';
import { exportLayer } from '../../../../src/domain/export/exportLayer';
import { rewindGeometry } from '../../../../src/domain/validation/rewindGeometry';
import { layerById, sampleLayers } from './sampleLayers';

let layers: MeasuredLayer[] = [];
beforeAll(async () => { layers = await sampleLayers(); });

/** GRS 80, the CGCS2000 ellipsoid: a and 1/f from the EPSG registry (EPSG:7019). */
const GRS80 = new geographiclib.Geodesic.Geodesic(6378137, 1 / 298.257222101);

/** EPSG:4543 written out here from the registry's parameters, independently of the app's table. */
const EPSG_4543 = '+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

interface ProjectedCollection {
  crs: { type: string; properties: { name: string } };
  features: { id: string; geometry: { type: string; coordinates: unknown } | null }[];
}

function positionsOf(coordinates: unknown): Position[] {
  if (coordinates !== null && typeof coordinates === 'object' && 'coordinates' in coordinates) return positionsOf(coordinates.coordinates);
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [coordinates as Position];
  return coordinates.flatMap(positionsOf);
}

describe('the CGCS2000 Gauss-Krüger zone of the data', () => {
  it('is the 3° zone around the centre longitude, with both EPSG codes', () => {
    expect(gaussKrugerZoneOf(102.69)).toEqual({ zone: 34, centralMeridianDegrees: 102, epsg: 4543, prefixedEpsg: 4522 });
    expect(gaussKrugerZoneOf(75)).toEqual({ zone: 25, centralMeridianDegrees: 75, epsg: 4534, prefixedEpsg: 4513 });
    expect(gaussKrugerZoneOf(134.9)).toEqual({ zone: 45, centralMeridianDegrees: 135, epsg: 4554, prefixedEpsg: 4533 });
    expect(gaussKrugerZoneOf(103.6)?.zone).toBe(35);
    expect(gaussKrugerZoneOf(2.35)).toBeUndefined();
    expect(gaussKrugerZoneOf(Number.NaN)).toBeUndefined();
  });
});

describe('projecting to a Gauss-Krüger zone', () => {
  it('matches a reference definition of EPSG:4543 within 1 mm, and the meridian arc on the central meridian', () => {
    const projection = gaussKrugerProjection(4543);
    if (!projection) throw new Error('EPSG:4543 is a CGCS2000 Gauss-Krüger zone');
    const reference = proj4('EPSG:4326', EPSG_4543);
    for (const [longitude, latitude] of [[102.6959, 24.997], [100.51, 22.1], [103.49, 28.9], [102, 25]] as const) {
      const [easting, northing] = projection.forward(longitude, latitude);
      const [referenceEasting = Number.NaN, referenceNorthing = Number.NaN] = reference.forward([longitude, latitude]);
      expect(Math.abs(easting - referenceEasting)).toBeLessThan(0.001);
      expect(Math.abs(northing - referenceNorthing)).toBeLessThan(0.001);
    }
    // On the central meridian (k = 1) the northing is the meridian arc from the equator.
    const [easting, northing] = projection.forward(102, 25);
    expect(Math.abs(easting - 500000)).toBeLessThan(0.001);
    expect(Math.abs(northing - (GRS80.Inverse(0, 102, 25, 102).s12 ?? Number.NaN))).toBeLessThan(0.001);
  });

  it('puts the zone number in front of the easting for EPSG:4513–4533', () => {
    const plain = gaussKrugerProjection(4543);
    const prefixed = gaussKrugerProjection(4522);
    if (!plain || !prefixed) throw new Error('both zone-34 codes are Gauss-Krüger');
    const [x, y] = plain.forward(102.7, 25.0);
    const [prefixedX, prefixedY] = prefixed.forward(102.7, 25.0);
    expect(prefixedX - x).toBeCloseTo(34_000_000, 6);
    expect(prefixedY).toBeCloseTo(y, 6);
    expect(gaussKrugerProjection(3857)).toBeUndefined();
  });
});

describe('exporting a layer in its Gauss-Krüger zone', () => {
  it('reports EPSG:4543 for the sample district, writes a crs member QGIS reads and millimetres', () => {
    const layer = layerById(layers, 'urban-villages');
    const result = exportLayer(layer, { format: 'gauss-kruger', scope: { kind: 'layer' }, locale: 'zh', date: '2026-01-15' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.file).toMatchObject({ epsg: 4543, zone: 34, fileName: 'urban-villages-2026-01-15-cgcs2000-gk-34.geojson', featureCount: layer.features.length });
    const parsed = JSON.parse(result.file.text) as ProjectedCollection;
    expect(parsed.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4543' } });
    const decimals = [...result.file.text.matchAll(/\d+\.(\d+)/g)].map((match) => match[1]?.length ?? 0);
    expect(Math.max(...decimals)).toBe(3);
  });

  it('projects every position so that projecting back lands within 1e-7 degrees of the original', () => {
    const reference = proj4('EPSG:4326', EPSG_4543);
    for (const id of ['urban-villages', 'roads']) {
      const layer = layerById(layers, id);
      const result = exportLayer(layer, { format: 'gauss-kruger', scope: { kind: 'layer' }, locale: 'zh', date: '2026-01-15' });
      if (!result.ok) throw new Error(result.reason);
      const parsed = JSON.parse(result.file.text) as ProjectedCollection;
      parsed.features.forEach((exported, index) => {
        const geometry = layer.features[index]?.geometry;
        // Compared with the RFC 7946 winding the export writes (unchanged for this data's rings).
        const original = geometry ? positionsOf(rewindGeometry(geometry).geometry) : [];
        const projected = positionsOf(exported.geometry?.coordinates);
        expect(projected).toHaveLength(original.length);
        projected.forEach(([x = 0, y = 0], position) => {
          const [lon = Number.NaN, lat = Number.NaN] = reference.inverse([x, y]);
          const [originalLon = 0, originalLat = 0] = original[position] ?? [];
          expect(Math.abs(lon - originalLon)).toBeLessThan(1e-7);
          expect(Math.abs(lat - originalLat)).toBeLessThan(1e-7);
        });
      });
    }
  });

  it('uses the zone number as the easting prefix in the prefixed variant', () => {
    const layer = layerById(layers, 'green-space');
    const result = exportLayer(layer, { format: 'gauss-kruger-prefixed', scope: { kind: 'layer' }, locale: 'zh', date: '2026-01-15' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.epsg).toBe(4522);
    expect(result.file.fileName).toBe('green-space-2026-01-15-cgcs2000-gk-34-prefixed.geojson');
    const eastings = positionsOf((JSON.parse(result.file.text) as ProjectedCollection).features.map((exported) => exported.geometry?.coordinates)).map(([x = 0]) => x);
    expect(eastings.every((easting) => easting > 34_400_000 && easting < 34_600_000)).toBe(true);
  });

  it('refuses when there is nothing to place in a zone', () => {
    const layer = layerById(layers, 'roads');
    const none = { kind: 'filtered' as const, filter: { statuses: ['no-such-status'], streets: [] }, asOfDate: '2026-01-15' };
    expect(exportLayer(layer, { format: 'gauss-kruger', scope: none, locale: 'zh', date: '2026-01-15' })).toEqual({ ok: false, reason: 'no-gauss-kruger-zone' });
  });
});
