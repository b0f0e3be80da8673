/**
 * 城中村: villages the city grew around. Each sits on a few merged blocks (the grid's local
 * streets never went through), with a ragged outline of lanes and houses.
 */
import { distance, polyArea, ringCentroid, type Point, type Ring } from './geometry';
import type { DraftFeature } from './drafts';
import { VILLAGE_NAMES } from './names';
import { notchedCorners, organicRing, rectCorners, type Corner } from './outline';
import type { Random } from './random';
import type { Sites } from './sites';
import type { GridRect } from './streetGrid';
import { HALF_WIDTH_METERS } from './streetGrid';
import type { World } from './world';
import type { Quarter } from './zoning';

export interface Village {
  draft: DraftFeature;
  center: Point;
}

/** How many villages each quarter gets, and how likely each is to be demolished. */
const QUOTA: Record<Quarter, { count: number; demolishShare: number }> = {
  urban: { count: 13, demolishShare: 0.55 },
  fringe: { count: 7, demolishShare: 0.2 },
  'new-town': { count: 5, demolishShare: 1 },
  'old-town': { count: 3, demolishShare: 0.9 },
  industrial: { count: 2, demolishShare: 1 },
};

const MIN_SPACING_METERS = 700;
const SETBACK_METERS = 5;

interface Candidate {
  cellIds: string[];
  corners: Point[];
  quarter: Quarter;
}

function candidatesInTile(sites: Sites, world: World, tileId: string, random: Random): Candidate[] {
  const tile = world.streets.tiles.find((t) => t.id === tileId);
  if (tile === undefined || tile.density === 'none') return [];
  const columns = tile.sSplits.length + 1;
  const rows = tile.vSplits.length + 1;
  const result: Candidate[] = [];
  for (let c = 0; c < columns; c += 1) {
    for (let r = 0; r < rows; r += 1) {
      const spans: [number, number][] = tile.density === 'dense' ? [[2, 2], [2, 2], [2, 1], [1, 2], [1, 1]] : [[1, 1]];
      for (const [cw, rh] of spans) {
        if (c + cw > columns || r + rh > rows) continue;
        const ids: string[] = [];
        for (let dc = 0; dc < cw; dc += 1) for (let dr = 0; dr < rh; dr += 1) ids.push(`${tile.id}:${c + dc}-${r + dr}`);
        const blocks = ids.map((id) => sites.freeWhole(id));
        if (blocks.some((b) => b === undefined)) continue;
        const first = blocks[0];
        if (first === undefined) continue;
        const rect: GridRect = { s0: Infinity, v0: Infinity, s1: -Infinity, v1: -Infinity };
        for (const b of blocks) {
          if (b === undefined) continue;
          rect.s0 = Math.min(rect.s0, b.rect.s0 + SETBACK_METERS);
          rect.v0 = Math.min(rect.v0, b.rect.v0 + SETBACK_METERS);
          rect.s1 = Math.max(rect.s1, b.rect.s1 - SETBACK_METERS);
          rect.v1 = Math.max(rect.v1, b.rect.v1 - SETBACK_METERS);
        }
        const width = rect.s1 - rect.s0;
        const height = rect.v1 - rect.v0;
        let corners: Point[];
        let siteIds = tile.density === 'sparse' ? [first.cell.id] : ids;
        if (tile.density === 'sparse') {
          // A big rural-scale cell: the village takes one corner of it, fields and sheds the rest.
          const w = Math.min(width - 60, random.range(260, 400));
          const h = Math.min(height - 60, random.range(230, 360));
          if (w < 150 || h < 150) continue;
          const west = random.chance(0.5);
          const south = random.chance(0.5);
          const s0 = west ? rect.s0 : rect.s1 - w;
          const v0 = south ? rect.v0 : rect.v1 - h;
          corners = rectCorners({ s0, v0, s1: s0 + w, v1: v0 + h });
        } else if (cw === 2 && rh === 2 && random.chance(0.6)) {
          const corner = random.pick<Corner>(['sw', 'se', 'ne', 'nw']);
          const mid = blocks[3];
          if (mid === undefined) continue;
          // The notch follows the local streets that still run between the merged blocks.
          const ns = corner === 'sw' || corner === 'nw' ? mid.cell.s0 + HALF_WIDTH_METERS.local + SETBACK_METERS : mid.cell.s0 - HALF_WIDTH_METERS.local - SETBACK_METERS;
          const nv = corner === 'sw' || corner === 'se' ? mid.cell.v0 + HALF_WIDTH_METERS.local + SETBACK_METERS : mid.cell.v0 - HALF_WIDTH_METERS.local - SETBACK_METERS;
          corners = notchedCorners(rect, corner, [ns, nv]);
          const missing = { sw: 0, nw: 1, se: 2, ne: 3 }[corner];
          siteIds = ids.filter((_, i) => i !== missing);
        } else {
          corners = rectCorners(rect);
        }
        result.push({ cellIds: siteIds, corners, quarter: first.quarter });
      }
    }
  }
  return result;
}

export function planUrbanVillages(world: World, sites: Sites, random: Random): Village[] {
  const villages: Village[] = [];
  const names = random.shuffle(VILLAGE_NAMES);
  const tileIds = random.shuffle(world.streets.tiles.map((t) => t.id));
  const perQuarter = new Map<Quarter, number>();
  for (const tileId of tileIds) {
    // Larger merged sites first: villages are clusters of several small blocks.
    const candidates = candidatesInTile(sites, world, tileId, random)
      .map((candidate) => ({ candidate, key: candidate.cellIds.length + random.range(0, 2.5) }))
      .sort((a, b) => b.key - a.key)
      .map((c) => c.candidate);
    for (const candidate of candidates) {
      const quota = QUOTA[candidate.quarter];
      if ((perQuarter.get(candidate.quarter) ?? 0) >= quota.count) break;
      if (!candidate.cellIds.every((id) => sites.isFree(id))) continue;
      const span = Math.min(...['s', 'v'].map((axis) => {
        const values = candidate.corners.map((c) => (axis === 's' ? c[0] : c[1]));
        return Math.max(...values) - Math.min(...values);
      }));
      const ring: Ring = organicRing(world.grid, candidate.corners, random, Math.min(70, span * 0.2));
      const areaHectares = polyArea([ring]) / 10000;
      if (areaHectares < 3 || areaHectares > 15) continue;
      const center = ringCentroid(ring);
      if (villages.some((v) => distance(v.center, center) < MIN_SPACING_METERS)) continue;
      sites.take(candidate.cellIds, `village-${villages.length}`);
      perQuarter.set(candidate.quarter, (perQuarter.get(candidate.quarter) ?? 0) + 1);
      const demolish = random.chance(quota.demolishShare);
      villages.push({
        center,
        draft: {
          geometry: { type: 'polygon', poly: [ring] },
          name: names[villages.length] ?? `村${villages.length}`,
          attributes: { plan: demolish ? 'demolish' : 'renovate', households: Math.round(areaHectares * random.range(45, 95)) },
          doneStatus: demolish ? 'demolished' : 'renovated',
        },
      });
      break;
    }
  }
  balancePlans(villages, 18, random);
  return villages;
}

/** The plan asks for a fixed number of demolitions; flip the least committed villages to match. */
function balancePlans(villages: Village[], demolishCount: number, random: Random): void {
  const order = random.shuffle(villages);
  let demolish = villages.filter((v) => v.draft.attributes.plan === 'demolish').length;
  for (const village of order) {
    if (demolish === demolishCount) return;
    const isDemolish = village.draft.attributes.plan === 'demolish';
    if (demolish > demolishCount && isDemolish) {
      village.draft.attributes.plan = 'renovate';
      village.draft.doneStatus = 'renovated';
      demolish -= 1;
    } else if (demolish < demolishCount && !isDemolish) {
      village.draft.attributes.plan = 'demolish';
      village.draft.doneStatus = 'demolished';
      demolish += 1;
    }
  }
}
