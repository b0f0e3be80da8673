/**
 * Self-check of the generated files, read back as written: the generator fails loudly when a
 * polygon is invalid, overlaps another, leaves the district or touches water, or when a
 * project's history or sub-district is wrong.
 */
import { area, bbox, booleanClockwise, booleanIntersects, booleanPointInPolygon, booleanWithin, centroid, difference, featureCollection, intersect, kinks, length, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Manifest } from '../../src/domain/plan/manifest';
import type { SampleFeature } from './planLayers';
import { AS_OF } from './lifecycle';
import { lifecycleOf } from './lifecycle';

export interface CheckInput {
  manifest: Manifest;
  layers: ReadonlyMap<string, SampleFeature[]>;
  district: Feature<Polygon>;
  water: Feature<Polygon | MultiPolygon>[];
  streets: Feature<Polygon | MultiPolygon>[];
  /** Existing roads of the basemap. */
  roads: Feature<LineString>[];
}

/** Project sizes, in hectares, that make a believable district (a village of 3–15 ha, a park of 0.5–20 ha); lakeshore zones have none. */
const AREA_RANGES_HA: Record<string, [number, number]> = {
  'urban-villages': [3, 15],
  'old-neighborhoods': [2, 8],
  'green-space': [0.5, 20],
  'idle-land': [0.5, 8],
  'major-projects': [3, 30],
  quarries: [2, 15],
  'model-villages': [5, 40],
};

type Box = [number, number, number, number];

function boxOf(feature: Feature<Polygon>): Box {
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = bbox(feature);
  return [minX, minY, maxX, maxY];
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function checkHistory(layerId: string, feature: SampleFeature, manifest: Manifest, problems: string[]): void {
  const layer = manifest.layers.find((l) => l.id === layerId);
  if (layer === undefined) return;
  const { history, status } = feature.properties;
  const where = `${layerId} ${feature.id}`;
  const first = history[0];
  const last = history[history.length - 1];
  if (first === undefined || last === undefined) return void problems.push(`${where}: empty history`);
  if (last.status !== status) problems.push(`${where}: status ${status} is not the last history entry's`);
  if (first.date < '2024-01-01' || first.date > '2024-03-31') problems.push(`${where}: first entry dated ${first.date}`);
  const lifecycles = layer.doneStatuses.map((done) => lifecycleOf(layer, done)).filter((cycle) => history.every((h, i) => cycle[i] === h.status));
  if (lifecycles.length === 0) problems.push(`${where}: history ${history.map((h) => h.status).join('>')} follows no lifecycle`);
  history.forEach((h, i) => {
    const previous = history[i - 1];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date)) problems.push(`${where}: bad date ${h.date}`);
    if (previous !== undefined && h.date <= previous.date) problems.push(`${where}: dates not increasing at ${h.date}`);
    if (h.date > AS_OF) problems.push(`${where}: date ${h.date} after ${AS_OF}`);
  });
  const plan = feature.properties.plan;
  if (layerId === 'urban-villages') {
    const planned = plan === 'demolish' ? 'demolished' : plan === 'renovate' ? 'renovated' : undefined;
    if (planned === undefined || !lifecycles.some((cycle) => cycle[cycle.length - 1] === planned)) problems.push(`${where}: history does not fit plan ${String(plan)}`);
  }
}

function ringsOf(geometry: Polygon): Position[][] {
  return geometry.coordinates;
}

function checkPolygon(where: string, feature: Feature<Polygon>, input: CheckInput, problems: string[]): void {
  for (const [i, ring] of ringsOf(feature.geometry).entries()) {
    const a = ring[0];
    const z = ring[ring.length - 1];
    if (a === undefined || z === undefined || a[0] !== z[0] || a[1] !== z[1]) problems.push(`${where}: ring ${i} not closed`);
    const clockwise = booleanClockwise(ring);
    if ((i === 0) === clockwise) problems.push(`${where}: ring ${i} has the wrong orientation`);
  }
  if (kinks(feature).features.length > 0) problems.push(`${where}: self-intersecting`);
  if (!booleanWithin(feature, input.district)) problems.push(`${where}: not inside the district`);
  for (const water of input.water) {
    if (booleanIntersects(feature, water)) problems.push(`${where}: touches ${String(water.properties?.name)}`);
  }
}

export function checkSample(input: CheckInput): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const polygons: { where: string; layerId: string; feature: Feature<Polygon>; box: Box }[] = [];
  for (const [layerId, features] of input.layers) {
    const names = new Set<string>();
    for (const feature of features) {
      const where = `${layerId} ${feature.id}`;
      if (ids.has(feature.id)) problems.push(`${where}: duplicate id`);
      ids.add(feature.id);
      if (names.has(feature.properties.name)) problems.push(`${where}: duplicate name ${feature.properties.name}`);
      names.add(feature.properties.name);
      checkHistory(layerId, feature, input.manifest, problems);
      const geometry = feature.geometry;
      if (geometry === null) {
        problems.push(`${where}: no geometry`);
        continue;
      }
      const center = centroid(geometry);
      const street = input.streets.find((s) => booleanPointInPolygon(center, s));
      if (street?.properties?.name !== feature.properties.street) problems.push(`${where}: street ${String(feature.properties.street)}, centroid in ${String(street?.properties?.name)}`);
      if (geometry.type === 'Polygon') {
        const polygonFeature: Feature<Polygon> = { type: 'Feature', properties: {}, geometry };
        checkPolygon(where, polygonFeature, input, problems);
        const hectares = area(polygonFeature) / 10000;
        const range = AREA_RANGES_HA[layerId];
        if (range !== undefined && (hectares < range[0] || hectares > range[1])) problems.push(`${where}: ${hectares.toFixed(2)} ha outside ${range.join('-')} ha`);
        polygons.push({ where, layerId, feature: polygonFeature, box: boxOf(polygonFeature) });
      } else if (geometry.type === 'LineString') {
        const line: Feature = { type: 'Feature', properties: {}, geometry };
        if (!booleanWithin(line, input.district)) problems.push(`${where}: road leaves the district`);
        const lake = input.water.find((w) => w.properties?.kind === 'lake');
        if (lake !== undefined && booleanIntersects(line, lake)) problems.push(`${where}: road crosses the lake`);
        if (length(line) < 0.2) problems.push(`${where}: road shorter than 200 m`);
      } else if (geometry.type === 'Point') {
        if (!booleanPointInPolygon(geometry.coordinates, input.district)) problems.push(`${where}: not inside the district`);
        for (const water of input.water) {
          if (booleanPointInPolygon(geometry.coordinates, water)) problems.push(`${where}: in ${String(water.properties?.name)}`);
        }
      }
    }
  }
  // Overlap anywhere, within a layer or across layers: a pair sharing more than a square metre.
  for (let i = 0; i < polygons.length; i += 1) {
    const a = polygons[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < polygons.length; j += 1) {
      const b = polygons[j];
      if (b === undefined || !boxesOverlap(a.box, b.box)) continue;
      const shared = intersect(featureCollection([a.feature, b.feature]));
      if (shared !== null && area(shared) > 1) problems.push(`${a.where} overlaps ${b.where} by ${area(shared).toFixed(1)} m²`);
    }
  }
  checkSubDistricts(input, problems);
  checkConnections(input, problems);
  return problems;
}

/** Sub-districts must tile the district's land: no overlaps, no gaps. */
function checkSubDistricts(input: CheckInput, problems: string[]): void {
  const { streets } = input;
  for (let i = 0; i < streets.length; i += 1) {
    for (let j = i + 1; j < streets.length; j += 1) {
      const a = streets[i];
      const b = streets[j];
      if (a === undefined || b === undefined) continue;
      const shared = intersect(featureCollection([a, b]));
      if (shared !== null && area(shared) > 1) problems.push(`sub-districts ${String(a.properties?.name)} and ${String(b.properties?.name)} overlap`);
    }
  }
  const lake = input.water.find((w) => w.properties?.kind === 'lake');
  const land = lake === undefined ? input.district : difference(featureCollection([input.district, lake]));
  const landArea = land === null ? 0 : area(land);
  const tiled = streets.reduce((sum, s) => sum + area(s), 0);
  if (Math.abs(tiled - landArea) > 1e-4 * landArea) problems.push(`sub-districts cover ${tiled.toFixed(0)} m² of ${landArea.toFixed(0)} m² of land`);
}

/** Every new road starts or ends on an existing road, and both its ends meet some road or the district line. */
function checkConnections(input: CheckInput, problems: string[]): void {
  const reach = 0.03;
  const newRoads = (input.layers.get('roads') ?? []).filter((f) => f.geometry?.type === 'LineString');
  const outline = polygonToLine(input.district);
  const boundary = outline.type === 'Feature' && outline.geometry.type === 'LineString' ? (outline as Feature<LineString>) : null;
  const nearest = (p: Position, lines: readonly Feature<LineString>[]): number =>
    Math.min(Infinity, ...lines.map((l) => pointToLineDistance(point(p), l, { units: 'kilometers' })));
  for (const road of newRoads) {
    if (road.geometry?.type !== 'LineString') continue;
    const coordinates = road.geometry.coordinates;
    const others = newRoads.filter((r) => r !== road).flatMap((r) => (r.geometry?.type === 'LineString' ? [{ type: 'Feature' as const, properties: {}, geometry: r.geometry }] : []));
    const ends = [coordinates[0], coordinates[coordinates.length - 1]].filter((p): p is Position => p !== undefined);
    const onExisting = ends.map((p) => nearest(p, input.roads) <= reach);
    if (!onExisting.some(Boolean)) problems.push(`roads ${road.id}: neither end meets an existing road`);
    ends.forEach((p, i) => {
      const met = onExisting[i] === true || nearest(p, others) <= reach || (boundary !== null && pointToLineDistance(point(p), boundary, { units: 'kilometers' }) <= reach);
      if (!met) problems.push(`roads ${road.id}: an end leads nowhere`);
    });
  }
}
