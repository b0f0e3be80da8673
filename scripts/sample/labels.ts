/** Basemap labels: district, sub-districts, lake, hills, places and a few landmarks, ranked for collisions. */
import type { Block } from './blocks';
import { OLD_TOWN } from './design';
import { at, distance, pointInPoly, polyArea, ringCentroid, type Point, type Poly } from './geometry';
import { LAKE_NAME } from './lake';
import type { Random } from './random';
import type { World } from './world';
import type { Quarter } from './zoning';

export type LabelKind = 'district' | 'street' | 'place' | 'lake' | 'hill' | 'poi';

export interface Label {
  name: string;
  kind: LabelKind;
  rank: number;
  point: Point;
}

/** A point well inside a polygon: its centroid, or the nearest inside point of a coarse scan. */
function inside(poly: Poly): Point {
  const c = ringCentroid(at(poly, 0));
  if (pointInPoly(c, poly)) return c;
  let best: Point = at(at(poly, 0), 0);
  let bestDistance = Infinity;
  for (const p of at(poly, 0)) {
    for (const q of at(poly, 0)) {
      const m: Point = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
      if (pointInPoly(m, poly) && distance(m, c) < bestDistance) {
        best = m;
        bestDistance = distance(m, c);
      }
    }
  }
  return best;
}

const LANDMARKS: readonly { name: string; quarter: Quarter }[] = [
  { name: '湖滨区人民政府', quarter: 'old-town' },
  { name: '湖滨区人民医院', quarter: 'old-town' },
  { name: '湖滨第一中学', quarter: 'urban' },
  { name: '湖滨体育中心', quarter: 'new-town' },
  { name: '金湖会展中心', quarter: 'new-town' },
  { name: '湖滨汽车客运站', quarter: 'urban' },
  { name: '湖滨工业园管委会', quarter: 'industrial' },
  { name: '云南湖滨职业技术学院', quarter: 'fringe' },
];

export function buildLabels(world: World, freeBlocks: readonly Block[], villages: readonly { name: string; center: Point }[], random: Random): Label[] {
  const labels: Label[] = [];
  labels.push({ name: '湖滨区', kind: 'district', rank: 1, point: world.grid.toMetric(OLD_TOWN.center[0] + 600, OLD_TOWN.center[1] + 900) });
  labels.push({ name: LAKE_NAME, kind: 'lake', rank: 1, point: world.grid.chordToMetric(-1200, -1700) });
  for (const subDistrict of world.subDistricts) {
    const largest = [...subDistrict.polys].sort((a, b) => polyArea(b) - polyArea(a))[0];
    if (largest !== undefined) labels.push({ name: subDistrict.name, kind: 'street', rank: 2, point: inside(largest) });
  }
  for (const hill of world.hills) labels.push({ name: hill.name, kind: 'hill', rank: 3, point: hill.summit });
  labels.push({ name: '太和老城', kind: 'place', rank: 3, point: world.grid.toMetric(OLD_TOWN.center[0] - 300, OLD_TOWN.center[1] - 500) });
  labels.push({ name: '金湖新城', kind: 'place', rank: 3, point: world.grid.toMetric(2750, 1550) });
  labels.push({ name: '湖滨工业园', kind: 'place', rank: 3, point: world.grid.toMetric(4300, 3600) });
  for (const village of villages) labels.push({ name: village.name, kind: 'place', rank: 4, point: village.center });
  for (const landmark of LANDMARKS) {
    const options = freeBlocks.filter((b) => b.quarter === landmark.quarter && b.whole);
    if (options.length === 0) continue;
    const block = random.pick(options);
    labels.push({ name: landmark.name, kind: 'poi', rank: 5, point: ringCentroid(at(block.poly, 0)) });
  }
  return labels;
}
