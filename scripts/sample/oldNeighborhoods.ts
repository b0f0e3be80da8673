/** 老旧小区: 1980s-90s residential compounds filling the old town's blocks, one to three per block. */
import { OLD_TOWN } from './design';
import type { DraftFeature } from './drafts';
import { distance, polyArea, type Poly } from './geometry';
import { compoundNames } from './names';
import { cornersToRing, notchedCorners, type Corner } from './outline';
import type { Random } from './random';
import type { Sites } from './sites';
import { rectInBlock, splitRect } from './subdivide';
import type { World } from './world';

const COUNT = 120;
const LANE_METERS = 12;

export function planOldNeighborhoods(world: World, sites: Sites, random: Random): DraftFeature[] {
  const reach = OLD_TOWN.radiusMeters + 700;
  const middle = (b: { rect: { s0: number; s1: number; v0: number; v1: number } }): [number, number] => [(b.rect.s0 + b.rect.s1) / 2, (b.rect.v0 + b.rect.v1) / 2];
  const candidates = sites
    .freeBlocks((b) => (b.quarter === 'old-town' || b.quarter === 'urban') && distance(middle(b), OLD_TOWN.center) < reach)
    .map((block) => ({ block, score: distance(middle(block), OLD_TOWN.center) / reach + random.range(0, 0.55) }))
    .sort((a, b) => a.score - b.score);
  const names = compoundNames(random, COUNT);
  const drafts: DraftFeature[] = [];
  for (const { block } of candidates) {
    if (drafts.length >= COUNT) break;
    const hectares = block.areaSquareMeters / 10000;
    if (hectares < 2.2) continue;
    let parts = hectares > 15 ? 3 : hectares > 8 ? 2 : hectares > 5 && random.chance(0.45) ? 2 : 1;
    parts = Math.min(parts, COUNT - drafts.length);
    const polys: Poly[] = [];
    for (const rect of splitRect(block.rect, parts, LANE_METERS, random)) {
      let poly = rectInBlock(world.grid, block, rect);
      if (poly !== null && block.whole && random.chance(0.3)) {
        // A corner given to shops, a school or a later tower: compounds are rarely perfect rectangles.
        const corner = random.pick<Corner>(['sw', 'se', 'ne', 'nw']);
        const ns = corner === 'sw' || corner === 'nw' ? rect.s0 + (rect.s1 - rect.s0) * random.range(0.25, 0.4) : rect.s1 - (rect.s1 - rect.s0) * random.range(0.25, 0.4);
        const nv = corner === 'sw' || corner === 'se' ? rect.v0 + (rect.v1 - rect.v0) * random.range(0.25, 0.4) : rect.v1 - (rect.v1 - rect.v0) * random.range(0.25, 0.4);
        poly = [cornersToRing(world.grid, notchedCorners(rect, corner, [ns, nv]))];
      }
      if (poly === null) continue;
      const area = polyArea(poly) / 10000;
      if (area >= 2 && area <= 8) polys.push(poly);
    }
    if (polys.length === 0) continue;
    sites.take([block.cell.id]);
    const nearness = distance(middle(block), OLD_TOWN.center) / reach;
    for (const poly of polys) {
      const households = Math.round((polyArea(poly) / 10000) * random.range(140, 260));
      drafts.push({
        geometry: { type: 'polygon', poly },
        name: names[drafts.length] ?? `小区${drafts.length}`,
        attributes: {
          builtYear: Math.max(1980, Math.min(2000, Math.round(1980 + nearness * 16 + random.range(-3, 5)))),
          households,
          buildings: Math.max(4, Math.round(households / random.range(28, 60))),
        },
        doneStatus: 'completed',
      });
    }
  }
  if (drafts.length !== COUNT) throw new Error(`only ${drafts.length} old neighbourhoods fit`);
  return drafts;
}
