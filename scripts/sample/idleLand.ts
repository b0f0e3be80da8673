/**
 * 闲置/低效用地: idle plots (granted, never built) mostly in the new town, and inefficient ones
 * (old works, yards, village-collective land) mostly in the industrial quarter.
 */
import type { DraftFeature } from './drafts';
import { polyArea, ringCentroid, at, sub, type Poly } from './geometry';
import { FACTORY_NAMES, LAND_USE_IDLE, LAND_USE_INEFFICIENT } from './names';
import type { Random } from './random';
import type { Sites } from './sites';
import { parcelRects, rectInBlock } from './subdivide';
import { subDistrictAt } from './subDistricts';
import type { World } from './world';
import type { Quarter } from './zoning';

type Category = 'idle' | 'inefficient';

interface Quota {
  quarters: Quarter[];
  idle: number;
  inefficient: number;
  /** Largest parcel before it is split again. */
  parcelSquareMeters: [number, number];
  /** Share of a block's parcels that are projects; the rest are in ordinary use. */
  share: number;
}

const QUOTAS: readonly Quota[] = [
  { quarters: ['new-town'], idle: 50, inefficient: 12, parcelSquareMeters: [25000, 60000], share: 0.7 },
  { quarters: ['industrial'], idle: 12, inefficient: 90, parcelSquareMeters: [20000, 50000], share: 0.75 },
  { quarters: ['urban', 'fringe', 'old-town'], idle: 8, inefficient: 28, parcelSquareMeters: [12000, 30000], share: 0.35 },
];

const FENCE_GAP_METERS = 10;

function landUse(category: Category, quarter: Quarter, random: Random): string {
  if (category === 'idle') return random.pick(LAND_USE_IDLE);
  if (quarter === 'industrial') return random.pick(['工业', '工业', '工业', '仓储', '物流']);
  if (quarter === 'fringe') return random.pick(['村集体建设用地', '村集体建设用地', '仓储', '工业']);
  return random.pick(LAND_USE_INEFFICIENT);
}

export function planIdleLand(world: World, sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  for (const quota of QUOTAS) {
    let idle = quota.idle;
    let inefficient = quota.inefficient;
    const blocks = random.shuffle(sites.freeBlocks((b) => quota.quarters.includes(b.quarter)));
    for (const block of blocks) {
      if (idle + inefficient === 0) break;
      const rects = parcelRects(block.rect, random, random.range(...quota.parcelSquareMeters), FENCE_GAP_METERS);
      const chosen: { poly: Poly; category: Category }[] = [];
      for (const rect of rects) {
        if (idle + inefficient === 0 || !random.chance(quota.share)) continue;
        const poly = rectInBlock(world.grid, block, rect);
        if (poly === null) continue;
        const hectares = polyArea(poly) / 10000;
        if (hectares < 0.5 || hectares > 8) continue;
        const category: Category = random.next() * (idle + inefficient) < idle ? 'idle' : 'inefficient';
        if (category === 'idle') idle -= 1;
        else inefficient -= 1;
        chosen.push({ poly, category });
      }
      if (chosen.length === 0) continue;
      sites.take([block.cell.id]);
      for (const { poly, category } of chosen) {
        drafts.push({
          geometry: { type: 'polygon', poly },
          name: '',
          attributes: { category, landUse: landUse(category, block.quarter, random) },
          doneStatus: 'revitalized',
        });
      }
    }
  }
  nameParcels(world, drafts, random);
  return drafts;
}

const DIRECTIONS = ['东', '北', '西', '南'] as const;

/**
 * Names like 金湖东片区3号地块; old works keep their name (原云光机械厂地块), as planning
 * documents call them.
 */
function nameParcels(world: World, drafts: DraftFeature[], random: Random): void {
  const factories = random.shuffle(FACTORY_NAMES);
  const counters = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.geometry.type !== 'polygon') continue;
    const center = ringCentroid(at(draft.geometry.poly, 0));
    const use = draft.attributes.landUse;
    if ((use === '工业' || use === '仓储') && draft.attributes.category === 'inefficient' && factories.length > 0 && random.chance(0.5)) {
      draft.name = `原${factories.pop() ?? ''}地块`;
      continue;
    }
    const subDistrict = subDistrictAt(world.subDistricts, center);
    const base = (subDistrict?.name ?? '湖滨街道').replace('街道', '');
    const middle = subDistrict === undefined ? center : ringCentroid(at(at(subDistrict.polys, 0), 0));
    const d = sub(center, middle);
    const angle = Math.atan2(d[1], d[0]);
    const direction = DIRECTIONS[((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4] ?? '东';
    const key = `${base}${direction}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    draft.name = `${key}片区${n}号地块`;
  }
}
