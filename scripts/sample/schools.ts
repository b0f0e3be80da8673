/**
 * 学校: new and extended schools as points in built-up blocks, each with its new seats in 万
 * (`seats_10k`, the unit the speech and its sum target use).
 */
import type { DraftFeature } from './drafts';
import { at, distance, pointInPoly, ringCentroid, type Point } from './geometry';
import { SCHOOL_STEMS } from './projectNames';
import type { Random } from './random';
import type { Sites } from './sites';
import type { Quarter } from './zoning';

const QUARTERS: readonly Quarter[] = ['urban', 'old-town', 'new-town'];
const SCHOOL_COUNT = 16;
const MIN_SPACING_METERS = 600;

type Level = 'primary' | 'junior' | 'nine-year';
const LEVEL_NAMES: Record<Level, string> = { primary: '小学', junior: '中学', 'nine-year': '学校' };
/** Seats of a new school: classes of 45 (primary) or 50 (junior), 24 to 54 classes. */
const NEW_SEATS: Record<Level, [number, number]> = { primary: [1080, 2430], junior: [1200, 2400], 'nine-year': [2160, 3240] };
/** An extension adds a wing: 12 to 24 classes. */
const EXTENSION_SEATS: [number, number] = [540, 1080];

export function planSchools(sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const centers: Point[] = [];
  const stems = random.shuffle(SCHOOL_STEMS);
  const candidates = random.shuffle(sites.freeBlocks((b) => b.whole && QUARTERS.includes(b.quarter) && b.areaSquareMeters >= 20000));
  for (const block of candidates) {
    if (drafts.length >= SCHOOL_COUNT) break;
    const point = ringCentroid(at(block.poly, 0));
    if (!pointInPoly(point, block.poly) || centers.some((c) => distance(c, point) < MIN_SPACING_METERS)) continue;
    sites.take([block.cell.id]);
    centers.push(point);
    const level = random.pick<Level>(['primary', 'primary', 'junior', 'nine-year']);
    // New schools go where the town grows; old-town schools can only grow on their own ground.
    const plan = block.quarter === 'new-town' || (block.quarter === 'urban' && random.chance(0.6)) ? 'new' : 'extend';
    const seats = plan === 'new' ? random.int(...NEW_SEATS[level]) : random.int(...EXTENSION_SEATS);
    const stem = stems[drafts.length] ?? `湖滨${drafts.length}`;
    const name = `${stem}${level === 'nine-year' ? '九年一贯制' : ''}${LEVEL_NAMES[level]}${plan === 'extend' ? '改扩建' : ''}`;
    drafts.push({
      geometry: { type: 'point', point },
      name,
      attributes: { level, plan, seats_10k: Math.round(seats / 10) / 1000, unit_in_charge: '区教体局' },
      doneStatus: 'open',
    });
  }
  return drafts;
}
