/**
 * 乡村振兴示范村: villages on the rural edge (the fringe quarter towards the hills and the west),
 * each built around one trade, with its households.
 */
import type { DraftFeature } from './drafts';
import { at, distance, polyArea, ringCentroid, type Point } from './geometry';
import { MODEL_VILLAGE_NAMES, VILLAGE_THEMES } from './projectNames';
import type { Random } from './random';
import type { Sites } from './sites';

const VILLAGE_COUNT = 10;
const MIN_SPACING_METERS = 900;
const HECTARES: [number, number] = [8, 30];

export function planModelVillages(sites: Sites, random: Random): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  const centers: Point[] = [];
  const names = random.shuffle(MODEL_VILLAGE_NAMES);
  const candidates = random.shuffle(sites.freeBlocks((b) => b.quarter === 'fringe' && b.areaSquareMeters >= HECTARES[0] * 10000 && b.areaSquareMeters <= HECTARES[1] * 10000));
  for (const block of candidates) {
    if (drafts.length >= VILLAGE_COUNT) break;
    const center = ringCentroid(at(block.poly, 0));
    if (centers.some((c) => distance(c, center) < MIN_SPACING_METERS)) continue;
    sites.take([block.cell.id]);
    centers.push(center);
    const hectares = polyArea(block.poly) / 10000;
    drafts.push({
      geometry: { type: 'polygon', poly: block.poly },
      name: names[drafts.length] ?? `示范村${drafts.length}`,
      attributes: { theme: random.pick(VILLAGE_THEMES), households: Math.round(hectares * random.range(12, 28)), unit_in_charge: '区农业农村局' },
      doneStatus: 'accepted',
    });
  }
  return drafts;
}
