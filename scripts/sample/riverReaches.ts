/**
 * 河道“双控”: each river's course through the district, from the lake shore upstream, cut into
 * reaches of about a kilometre and a half; each reach has its blue and green lines (水域蓝线、
 * 绿化绿线) drawn and then enforced.
 */
import { chineseNumber } from './chineseOrdinal';
import type { DraftFeature } from './drafts';
import { distance, lerp, pointInPoly, polylineLength, type Point } from './geometry';
import { clipPolyline, longestRun } from './polylineClip';
import type { World } from './world';

const REACH_METERS = 1500;
const MOUTH_SETBACK_METERS = 60;

/** The polyline without its first `meters`. */
function trimStart(line: readonly Point[], meters: number): Point[] {
  let walked = 0;
  for (let i = 1; i < line.length; i += 1) {
    const a = line[i - 1] ?? [0, 0];
    const b = line[i] ?? a;
    const step = distance(a, b);
    if (walked + step > meters) return [lerp(a, b, (meters - walked) / step), ...line.slice(i)];
    walked += step;
  }
  return [...line];
}

/** Cuts a polyline into `parts` pieces of equal length. */
function cutInto(line: readonly Point[], parts: number): Point[][] {
  const total = polylineLength(line);
  const pieces: Point[][] = [];
  let current: Point[] = [line[0] ?? [0, 0]];
  let walked = 0;
  let boundary = total / parts;
  for (let i = 1; i < line.length; i += 1) {
    const a = line[i - 1] ?? [0, 0];
    const b = line[i] ?? a;
    const step = distance(a, b);
    while (pieces.length < parts - 1 && walked + step >= boundary) {
      const cut = lerp(a, b, (boundary - walked) / step);
      current.push(cut);
      pieces.push(current);
      current = [cut];
      boundary += total / parts;
    }
    current.push(b);
    walked += step;
  }
  pieces.push(current);
  return pieces;
}

export function planRiverReaches(world: World): DraftFeature[] {
  const drafts: DraftFeature[] = [];
  for (const river of world.rivers) {
    const run = longestRun(clipPolyline(river.centerLine, (p) => pointInPoly(p, world.district.innerLand)));
    if (run === null) continue;
    // Reaches are numbered from the mouth upstream, as the river chiefs' rolls list them.
    // The run ends on the lake's edge; the reach ends a little short of it, on the bank.
    const upstream = trimStart([...run].reverse(), MOUTH_SETBACK_METERS);
    const parts = Math.max(1, Math.round(polylineLength(upstream) / REACH_METERS));
    cutInto(upstream, parts).forEach((piece, k) => {
      drafts.push({
        geometry: { type: 'line', line: [...piece].reverse() },
        name: `${river.name}${chineseNumber(k + 1)}段`,
        attributes: { river: river.name, unit_in_charge: '区水务局' },
        doneStatus: 'controlled',
      });
    });
  }
  return drafts;
}
