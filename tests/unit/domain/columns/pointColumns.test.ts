import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../src/data/parseGeodata';
import { layerPartsFromBytes } from '../../../../src/data/layerPartsFromBytes';
import { decodeLayerParts, encodeLayerParts } from '../../../../src/data/layerPartsCodec';
import { measuredLayerFromParts } from '../../../../src/domain/measure/measuredLayer';
import { geometryFromColumns } from '../../../../src/domain/columns/geometryFromColumns';
import { pointClusters } from '../../../../src/domain/columns/pointClusters';
import { filterMask, type LayerFilter } from '../../../../src/domain/browse/featureFilter';
import { statusCodesAsOf } from '../../../../src/domain/progress/statusCodesAsOf';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'points');
const manifest = parseManifest(readFileSync(join(FIXTURES, 'layers.json'), 'utf8'));
const [definition] = manifest.layers;

/** The facilities layer as the page gets it from the server: parts computed from the file's bytes, encoded and decoded. */
function facilities() {
  if (!definition) throw new Error('the fixture has a layer');
  const parts = layerPartsFromBytes(definition, readFileSync(join(FIXTURES, 'facilities.geojson')), 'facilities.geojson');
  const { featureText, ...encoded } = parts;
  const decoded = decodeLayerParts(encodeLayerParts(encoded, 'etag').slice().buffer);
  if (!decoded || !featureText) throw new Error('the parts decode');
  return measuredLayerFromParts(definition, { ...decoded.parts, featureText });
}

describe('a point layer flattened for the GPU', () => {
  const layer = facilities();
  const geometry = layer.geometry;

  it('has one part of one vertex per point, a MultiPoint giving one per site', () => {
    expect(geometry?.kind).toBe('point');
    expect(geometry?.partCount).toBe(6);
    expect([...(geometry?.partFeature ?? [])]).toEqual([0, 1, 2, 3, 3, 4]);
    expect([...(geometry?.partStart ?? [])]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(geometry?.triangles).toHaveLength(0);
    expect(geometry?.overview).toBeUndefined();
  });

  it('measures no area or length: a point layer counts', () => {
    expect([...layer.areaSquareMeters]).toEqual([0, 0, 0, 0, 0]);
    expect([...layer.lengthMeters]).toEqual([0, 0, 0, 0, 0]);
  });

  it('gives back each feature as a Point or MultiPoint to the centimetre', () => {
    if (!geometry) throw new Error('geometry');
    const first = geometryFromColumns(geometry, 0);
    expect(first?.type).toBe('Point');
    const [lon, lat] = first?.type === 'Point' ? first.coordinates : [];
    expect(lon).toBeCloseTo(102.7001, 6);
    expect(lat).toBeCloseTo(24.9501, 6);
    const sites = geometryFromColumns(geometry, 3);
    expect(sites?.type).toBe('MultiPoint');
    expect(sites?.type === 'MultiPoint' ? sites.coordinates.length : 0).toBe(2);
  });
});

describe('point clusters', () => {
  const layer = facilities();
  const geometry = layer.geometry;
  if (!geometry) throw new Error('geometry');
  const statusIds = layer.columns.statusIds;
  const clustersFor = (filter: LayerFilter | undefined, date: string, zoom: number) => {
    const codes = statusCodesAsOf(layer.columns, date);
    return pointClusters(geometry, filterMask(layer, filter, codes), codes, statusIds.length, zoom, 60);
  };
  const pointsIn = (clusters: ReturnType<typeof clustersFor>) => [...clusters.pointCount].sort((a, b) => b - a);

  it('gather the nearby points and leave the far one alone when zoomed out', () => {
    const clusters = clustersFor(undefined, '2026-01-01', 12);
    expect(pointsIn(clusters)).toEqual([5, 1]);
  });

  it('take the colour of the status most of their points have', () => {
    const clusters = clustersFor(undefined, '2026-01-01', 12);
    const big = clusters.pointCount.indexOf(5);
    // Two opened points, one building, a MultiPoint of two planned sites: planned and opened tie at 2, the earlier status wins.
    expect(statusIds[clusters.statusCode[big] ?? -1]).toBe('planned');
    const opened = clustersFor({ statuses: ['opened', 'building'], streets: [] }, '2026-01-01', 12);
    expect(statusIds[opened.statusCode[opened.pointCount.indexOf(3)] ?? -1]).toBe('opened');
  });

  it('count only the points the status and sub-district filters show', () => {
    expect(pointsIn(clustersFor({ statuses: ['opened'], streets: [] }, '2026-01-01', 12))).toEqual([2]);
    expect(pointsIn(clustersFor({ statuses: [], streets: ['西街道'] }, '2026-01-01', 12))).toEqual([3]);
    expect(clustersFor({ statuses: ['opened'], streets: ['西街道'] }, '2026-01-01', 12).count).toBe(0);
  });

  it('follow the day shown: points not in the plan yet are not counted', () => {
    // On 2024-12-31 facility 4 (planned 2025-06) is not in the plan, and none has opened.
    expect(pointsIn(clustersFor(undefined, '2024-12-31', 12))).toEqual([3, 1]);
    expect(clustersFor({ statuses: ['opened'], streets: [] }, '2024-12-31', 12).count).toBe(0);
  });

  it('split into single points when zoomed in, each standing for its feature', () => {
    const clusters = clustersFor(undefined, '2026-01-01', 20);
    expect(clusters.count).toBe(6);
    expect([...clusters.pointCount]).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...clusters.firstPart].map((part) => geometry.partFeature[part])).toEqual([0, 1, 2, 3, 3, 4]);
  });

  it('sit at the mean position of their points', () => {
    const clusters = clustersFor({ statuses: ['opened'], streets: [] }, '2026-01-01', 12);
    expect((clusters.positions[0] ?? 0) + geometry.origin[0]).toBeCloseTo(102.7002, 6);
    expect((clusters.positions[1] ?? 0) + geometry.origin[1]).toBeCloseTo(24.95015, 6);
  });
});
