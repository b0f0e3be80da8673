/** 城市绿地 inland: parks on whole or merged blocks, pocket parks on block corners, riverside greenways. */
import type { Block } from './blocks';
import { NameCounter, chineseNumber } from './chineseOrdinal';
import type { DraftFeature } from './drafts';
import { at, compactness, distance, distanceToPolyline, polyArea, ringCentroid, type Point, type Poly } from './geometry';
import { PARK_NAMES } from './names';
import { cornersToRing, rectCorners } from './outline';
import type { Random } from './random';
import type { Sites } from './sites';
import type { GridRect } from './streetGrid';
import { subDistrictAt } from './subDistricts';
import type { World } from './world';

const PARK_COUNT = 10;
const POCKET_COUNT = 22;
const RIVERSIDE_COUNT = 18;

const POCKET_NAMES = [
  '翠竹', '海棠', '樱花', '桂香', '银杏', '紫藤', '月季', '兰馨', '梧桐', '茶花', '玉兰', '杜鹃', '丁香', '石榴', '柳岸',
  '荷风', '竹韵', '松涛', '枫林', '梅园', '桃李', '栀子', '芙蓉', '蔷薇', '茉莉', '木棉', '紫薇', '金桂',
] as const;
const POCKET_SUFFIXES = ['游园', '口袋公园', '街心花园'] as const;

function nearWater(world: World, p: Point): number {
  return Math.min(...world.rivers.map((r) => distanceToPolyline(p, r.centerLine)), ...world.hills.map((h) => distance(p, h.summit) - 400));
}

/** Parks of 5-20 ha: a whole block, or two neighbouring blocks merged, preferably by a river or a hill. */
export function planParks(world: World, sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const centers: Point[] = [];
  const names = random.shuffle(PARK_NAMES);
  const candidates = sites
    .freeBlocks((b) => b.whole && b.quarter !== 'industrial')
    .map((block) => ({ block, score: nearWater(world, ringCentroid(at(block.poly, 0))) / 1000 + random.range(0, 1.2) }))
    .sort((a, b) => a.score - b.score);
  for (const { block } of candidates) {
    if (drafts.length >= PARK_COUNT) break;
    const partner = partnerOf(sites, block);
    const blocks = block.areaSquareMeters < 60000 && partner !== undefined ? [block, partner] : [block];
    const rect: GridRect = {
      s0: Math.min(...blocks.map((b) => b.rect.s0)) + 3,
      v0: Math.min(...blocks.map((b) => b.rect.v0)) + 3,
      s1: Math.max(...blocks.map((b) => b.rect.s1)) - 3,
      v1: Math.max(...blocks.map((b) => b.rect.v1)) - 3,
    };
    const poly: Poly = [cornersToRing(world.grid, rectCorners(rect))];
    const hectares = polyArea(poly) / 10000;
    const center = ringCentroid(at(poly, 0));
    if (hectares < 5 || hectares > 20 || centers.some((c) => distance(c, center) < 1200)) continue;
    sites.take(blocks.map((b) => b.cell.id), `park-${drafts.length}`);
    centers.push(center);
    drafts.push({ geometry: { type: 'polygon', poly }, name: names[drafts.length] ?? `公园${drafts.length}`, attributes: { kind: 'park' }, doneStatus: 'built' });
  }
  return drafts;
}

/** The block to the north or east in the same tile, if free and whole. */
function partnerOf(sites: Sites, block: Block): Block | undefined {
  const { tileId, column, row } = block.cell;
  return sites.freeWhole(`${tileId}:${column + 1}-${row}`) ?? sites.freeWhole(`${tileId}:${column}-${row + 1}`);
}

/** Pocket parks of 0.5-2 ha on a corner of a block in the dense town. */
export function planPocketParks(world: World, sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const centers: Point[] = [];
  const names = random.shuffle(POCKET_NAMES);
  const blocks = random.shuffle(sites.freeBlocks((b) => b.whole && (b.quarter === 'old-town' || b.quarter === 'urban')));
  for (const block of blocks) {
    if (drafts.length >= POCKET_COUNT) break;
    const r = block.rect;
    const w = Math.min(r.s1 - r.s0 - 40, random.range(75, 140));
    const h = Math.min(r.v1 - r.v0 - 40, random.range(70, 130));
    const s0 = random.chance(0.5) ? r.s0 : r.s1 - w;
    const v0 = random.chance(0.5) ? r.v0 : r.v1 - h;
    const poly: Poly = [cornersToRing(world.grid, rectCorners({ s0, v0, s1: s0 + w, v1: v0 + h }), 30)];
    const hectares = polyArea(poly) / 10000;
    const center = ringCentroid(at(poly, 0));
    if (hectares < 0.5 || hectares > 2 || centers.some((c) => distance(c, center) < 700)) continue;
    sites.take([block.cell.id]);
    centers.push(center);
    const name = `${names[drafts.length] ?? '湖滨'}${random.pick(POCKET_SUFFIXES)}`;
    drafts.push({ geometry: { type: 'polygon', poly }, name, attributes: { kind: 'pocket' }, doneStatus: 'built' });
  }
  return drafts;
}

/** Riverside greenways: the green-line strips left between blocks and the rivers' banks. */
export function planRiverside(world: World, sites: Sites, random: Random): DraftFeature[] {
  const strips = sites.blocks.flatMap((block) =>
    block.riverside.map((strip) => ({ ...strip, hectares: polyArea(strip.poly) / 10000 })),
  );
  const usable = strips.filter((s) => s.hectares >= 0.6 && s.hectares <= 12 && compactness(at(s.poly, 0)) > 0.12);
  const chosen = random.shuffle(usable).slice(0, RIVERSIDE_COUNT);
  const counter = new NameCounter();
  return chosen
    .map((strip) => ({ strip, center: ringCentroid(at(strip.poly, 0)) }))
    .sort((a, b) => a.strip.river.localeCompare(b.strip.river) || b.center[1] - a.center[1])
    .map(({ strip, center }) => {
      const place = (subDistrictAt(world.subDistricts, center)?.name ?? '湖滨街道').replace('街道', '');
      const n = counter.next(`${strip.river}${place}`);
      return {
        geometry: { type: 'polygon', poly: strip.poly },
        name: `${strip.river}绿道（${place}${n === 1 ? '' : chineseNumber(n)}段）`,
        attributes: { kind: 'riverside' },
        doneStatus: 'built',
      };
    });
}
