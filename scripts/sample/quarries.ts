/**
 * 五采区生态修复: former quarries, sand pits and clay pits on the hills' slopes, irregular scars
 * of a few hectares each, being re-vegetated.
 */
import { chineseNumber } from './chineseOrdinal';
import { intersectPolys, largestPiece } from './clip';
import type { DraftFeature } from './drafts';
import { add, at, boxOf, boxesOverlap, distance, distanceToPolyline, orientPoly, polyArea, type Point, type Poly, type Ring } from './geometry';
import { QUARRY_KIND_NAMES, QUARRY_KINDS } from './projectNames';
import type { Random } from './random';
import type { World } from './world';

const PER_HILL = 5;
const TRIES_PER_HILL = 80;
const SCAR_RADIUS_METERS: [number, number] = [95, 165];
const VERTICES = 14;
const MIN_HECTARES = 2;
const RIVER_CLEARANCE_METERS = 220;

const SIDES = ['东坡', '南麓', '西坡', '北麓'] as const;

/** A star-shaped outline: radii vary with angle, so it never crosses itself. */
function scar(center: Point, radius: number, random: Random): Ring {
  const ring: Ring = [];
  for (let i = 0; i < VERTICES; i += 1) {
    const theta = (2 * Math.PI * i) / VERTICES;
    const r = radius * random.range(0.7, 1.15);
    ring.push(add(center, [r * Math.cos(theta), r * Math.sin(theta)]));
  }
  return ring;
}

function sideOf(from: Point, to: Point): string {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  return SIDES[((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4] ?? '东坡';
}

/** `occupied`: every plan polygon already placed, so a scar never overlaps another project. */
export function planQuarries(world: World, occupied: readonly Poly[], random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const placed: Poly[] = [];
  const counts = new Map<string, number>();
  for (const [h, hill] of world.hills.entries()) {
    const center = world.grid.hills[h]?.centerMeters ?? hill.summit;
    const radius = world.grid.hills[h]?.radiusMeters ?? 500;
    let made = 0;
    for (let attempt = 0; attempt < TRIES_PER_HILL && made < PER_HILL; attempt += 1) {
      const theta = random.range(0, 2 * Math.PI);
      // Quarries bite into the lower slopes and the foot, where stone and soil were easy to haul.
      const reach = radius * random.range(0.55, 1.05);
      const middle = add(center, [reach * Math.cos(theta), reach * Math.sin(theta)]);
      if (world.rivers.some((river) => distanceToPolyline(middle, river.centerLine) < RIVER_CLEARANCE_METERS)) continue;
      const poly = largestPiece(intersectPolys(orientPoly([scar(middle, random.range(...SCAR_RADIUS_METERS), random)]), world.district.innerLand));
      if (poly === null || polyArea(poly) < MIN_HECTARES * 10000) continue;
      const box = boxOf(at(poly, 0));
      const clash = [...occupied, ...placed].some((other) => boxesOverlap(box, boxOf(at(other, 0)), 30) && intersectPolys(poly, other).some((piece) => polyArea(piece) > 0.5));
      if (clash || placed.some((other) => distance(at(at(other, 0), 0), middle) < 60)) continue;
      placed.push(poly);
      made += 1;
      const kind = random.pick(QUARRY_KINDS);
      const base = `${hill.name}${sideOf(center, middle)}${QUARRY_KIND_NAMES[kind]}`;
      const n = (counts.get(base) ?? 0) + 1;
      counts.set(base, n);
      drafts.push({
        geometry: { type: 'polygon', poly },
        name: n === 1 ? base : `${base}${chineseNumber(n)}号`,
        attributes: { kind, unit_in_charge: '区自然资源局' },
        doneStatus: 'restored',
      });
    }
  }
  return drafts;
}
