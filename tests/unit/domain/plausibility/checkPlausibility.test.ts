/**
 * An import 8.8× the district, once saved with one click, is the case to catch. The plausibility check
 * names features mostly outside the district, features larger than it, and jumps of a layer's
 * total, with the figure, and never questions the bundled sample data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../src/data/parseGeodata';
import type { LayerDefinition } from '../../../../src/domain/plan/manifest';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';
import { checkPlausibility } from '../../../../src/domain/plausibility/checkPlausibility';
import { districtBoundaryIn, districtExtentOf, districtExtentOfBounds } from '../../../../src/domain/plausibility/districtExtent';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { projectRoot } from '../../../support/runCli';

const geodata = join(projectRoot, 'geodata');
const manifest = parseManifest(readFileSync(join(geodata, 'layers.json'), 'utf8'));
const layerOf = (id: string): LayerDefinition => {
  const layer = manifest.layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return layer;
};
const featuresOf = (id: string): PlanFeature[] => (JSON.parse(readFileSync(join(geodata, `${id}.geojson`), 'utf8')) as { features: PlanFeature[] }).features;
const boundary = districtBoundaryIn(JSON.parse(readFileSync(join(geodata, 'basemap', 'district.geojson'), 'utf8')));
if (!boundary) throw new Error('the basemap has no district boundary');
const district = districtExtentOf(boundary);

const datavFile = readFileSync(join(projectRoot, 'tests', 'fixtures', 'import', 'datav-530112.json'));

const polygon = (id: string, ring: Position[]): Feature<Geometry> => ({ type: 'Feature', id, properties: { name: id }, geometry: { type: 'Polygon', coordinates: [ring] } });
const line = (id: string, positions: Position[]): Feature<Geometry> => ({ type: 'Feature', id, properties: { name: id }, geometry: { type: 'LineString', coordinates: positions } });
const box = (west: number, south: number, east: number, north: number): Position[] => [[west, south], [east, south], [east, north], [west, north], [west, south]];

describe('the sample district as the check sees it', () => {
  it('measures the basemap boundary on the ellipsoid: about 10,164 ha', () => {
    expect(district.source).toBe('boundary');
    expect(district.areaSquareMeters / 10_000).toBeCloseTo(10_164.4, 0);
  });

  it.each(manifest.layers.map((layer) => layer.id))('finds nothing in the bundled layer %s, saved over itself or checked alone', (layerId) => {
    const features = featuresOf(layerId);
    expect(checkPlausibility({ layer: layerOf(layerId), district, incoming: features })).toEqual({ problems: [], confirmation: null });
    expect(checkPlausibility({ layer: layerOf(layerId), district, incoming: features, saved: features })).toEqual({ problems: [], confirmation: null });
  });
});

describe('a DataV district boundary imported into green space', () => {
  const report = validateGeoJson(datavFile, { layer: layerOf('green-space'), manifest, convertFrom: 'gcj02' });
  const incoming = report.collection?.features ?? [];
  const saved = featuresOf('green-space');
  const checked = checkPlausibility({ layer: layerOf('green-space'), district, incoming, saved, result: [...saved, ...incoming] });

  it('is larger than the district, mostly outside it, and grows the layer 300-fold, each with its figure', () => {
    expect(checked.problems.map((problem) => [problem.code, problem.featureIndex])).toEqual([
      ['LAYER_TOTAL_JUMP', undefined],
      ['LARGER_THAN_DISTRICT', 0],
      ['MOSTLY_OUTSIDE_DISTRICT', 0],
    ]);
    const [total, larger, outside] = checked.problems;
    expect(larger?.message.en).toMatch(/^feature 1 \("西山区"\): covers 89,4\d\d\.\d\d ha, 8\.8× the district's 10,164\.4 ha: is it the district boundary, or in the wrong CRS or layer\?$/);
    expect(larger?.message.zh).toMatch(/^要素 1（“西山区”）：面积 89,4\d\d\.\d\d 公顷，是全区 10,164\.4 公顷的 8\.8 倍/);
    expect(outside?.message.en).toMatch(/: 89% of its area \(79,\d{3}\.\d\d ha of 89,4\d\d\.\d\d ha\) lies outside the district boundary/);
    expect(total?.message.en).toMatch(/^this changes the layer's total area from 280\.19 ha to 89,7\d\d\.\d\d ha \(\+89,4\d\d\.\d\d ha, \+31,9\d\d%\)/);
    expect(larger?.location).toBeDefined();
  });

  it('asks a save to name the counts and the change it confirms', () => {
    expect(checked.confirmation).toMatch(/^larger:1;outside:1;change:\+894\d\d\.\d\dha$/);
  });
});

describe('features partly outside', () => {
  // The manifest's bounds as the district: shares of a box across its east edge are exact.
  const rectangle = districtExtentOfBounds([102.619, 24.932, 102.771, 25.057]);
  const layer = layerOf('urban-villages');
  const across = (outsideShare: number) => polygon('UV-X', box(102.771 - 0.01 * (1 - outsideShare), 25.0, 102.771 + 0.01 * outsideShare, 25.01));

  it('passes a parcel 40 % outside and names one 60 % outside, against the bounds when there is no boundary', () => {
    expect(checkPlausibility({ layer, district: rectangle, incoming: [across(0.4)] }).problems).toEqual([]);
    const [problem] = checkPlausibility({ layer, district: rectangle, incoming: [across(0.6)] }).problems;
    expect(problem?.code).toBe('MOSTLY_OUTSIDE_DISTRICT');
    expect(problem?.message.en).toContain("60% of its area");
    expect(problem?.message.en).toContain("lies outside the district's bounds");
  });

  it('measures a road by its length outside the district boundary', () => {
    const roads = layerOf('roads');
    // From inside the district due south, two thirds of the way beyond its southern edge.
    const inside = 24.96;
    const southEdge = 24.932;
    const road = line('RD-X', [[102.7, inside], [102.7, southEdge - 2 * (inside - southEdge)]]);
    const [problem] = checkPlausibility({ layer: roads, district: rectangle, incoming: [road] }).problems;
    expect(problem?.code).toBe('MOSTLY_OUTSIDE_DISTRICT');
    expect(problem?.message.en).toMatch(/67% of its length \(6\.2\d* km of 9\.3\d* km\) lies outside/);
  });

  it('names a line longer than the district boundary itself', () => {
    const zigzag = Array.from({ length: 12 }, (_, index): Position => [102.63 + (index % 2) * 0.12, 24.94 + index * 0.009]);
    const problems = checkPlausibility({ layer: layerOf('roads'), district, incoming: [line('RD-Z', zigzag)] }).problems;
    expect(problems.map((problem) => problem.code)).toEqual(['LARGER_THAN_DISTRICT']);
    expect(problems[0]?.message.en).toMatch(/is 1\d\d\.\d+ km long, longer than the district's whole boundary \(40\.2 km\)/);
  });
});

describe('changes of a layer\'s total', () => {
  const layer = layerOf('green-space');
  const saved = featuresOf('green-space');

  it('names a replacement that removes most of the layer', () => {
    const kept = saved.slice(0, 10);
    const checked = checkPlausibility({ layer, district, incoming: kept, saved });
    expect(checked.problems.map((problem) => problem.code)).toEqual(['LAYER_TOTAL_JUMP']);
    expect(checked.problems[0]?.message.en).toMatch(/from 280\.19 ha to \d+\.\d+ ha \(−\d+\.\d+ ha, −\d\d%\)/);
    expect(checked.confirmation).toMatch(/^change:-\d+\.\d\dha$/);
  });

  it('lets a layer grow by less than half, or by less than 1 % of the district', () => {
    const parcel = polygon('GS-NEW', box(102.70, 25.0, 102.71, 25.01));
    expect(checkPlausibility({ layer, district, incoming: [...saved, parcel], saved }).problems).toEqual([]);
    // An empty layer has no share to compare: 100 ha into it is under the floor of ~101.6 ha.
    const hundredHectares = polygon('GS-100', box(102.70, 25.0, 102.70 + 0.00992, 25.0 + 0.009));
    expect(checkPlausibility({ layer, district, incoming: [hundredHectares], saved: [] }).problems).toEqual([]);
  });

  it('does not question a project saved before and left as it was', () => {
    const huge = { ...polygon('GS-HUGE', box(102.5, 24.8, 102.9, 25.2)) };
    const others = saved.slice(0, 3);
    expect(checkPlausibility({ layer, district, incoming: [...others, huge], saved: [...others, huge] }).problems).toEqual([]);
    const moved = { ...huge, geometry: { type: 'Polygon' as const, coordinates: [box(102.5, 24.8, 102.9, 25.21)] } };
    expect(checkPlausibility({ layer, district, incoming: [...others, moved], saved: [...others, huge] }).problems.map((problem) => problem.code)).toEqual(['LARGER_THAN_DISTRICT', 'MOSTLY_OUTSIDE_DISTRICT']);
  });

  it('leaves an emptied layer to its own confirmation', () => {
    expect(checkPlausibility({ layer, district, incoming: [], saved }).problems).toEqual([]);
  });
});
