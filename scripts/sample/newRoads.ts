/**
 * 新建道路: the new town's planned streets that are not built yet, each a run of grid-line pieces
 * that starts and ends at a junction with the existing network, plus the lakeside avenue's
 * extension.
 */
import { LAKESIDE_ROAD_V } from './design';
import type { DraftFeature } from './drafts';
import { polylineLength, type Point } from './geometry';
import { NEW_ROAD_NAMES } from './names';
import { longestRun } from './polylineClip';
import type { Random } from './random';
import { piecesToLines, roadGround, type RoadPiece } from './roadNetwork';
import type { LineKind } from './streetGrid';
import type { World } from './world';

const COUNT = 15;
const MIN_LENGTH_METERS = 350;

const GRADE: Record<LineKind, string> = { main: 'arterial', secondary: 'secondary', local: 'branch' };
/** Right-of-way widths that fit the gaps the blocks leave (see HALF_WIDTH_METERS). */
const WIDTHS_METERS: Record<LineKind, readonly number[]> = { main: [36, 40], secondary: [20, 24], local: [12, 14] };

interface Chain {
  pieces: RoadPiece[];
  kind: LineKind;
  line: Point[];
  lakeside: boolean;
}

/** Consecutive not-yet-built pieces of one grid line. */
function chainsOf(pieces: readonly RoadPiece[]): RoadPiece[][] {
  const byLine = new Map<string, RoadPiece[]>();
  for (const piece of pieces) {
    if (piece.existing) continue;
    const key = `${piece.lineKey}@${piece.value}`;
    byLine.set(key, [...(byLine.get(key) ?? []), piece]);
  }
  const chains: RoadPiece[][] = [];
  for (const key of [...byLine.keys()].sort()) {
    const sorted = [...(byLine.get(key) ?? [])].sort((a, b) => a.from - b.from);
    let current: RoadPiece[] = [];
    for (const piece of sorted) {
      const last = current[current.length - 1];
      if (last !== undefined && Math.abs(last.to - piece.from) > 1e-6) {
        chains.push(current);
        current = [];
      }
      current.push(piece);
    }
    if (current.length > 0) chains.push(current);
  }
  return chains;
}

export function planNewRoads(world: World, pieces: readonly RoadPiece[], random: Random): DraftFeature[] {
  const ground = roadGround(world);
  const chains: Chain[] = [];
  for (const chainPieces of chainsOf(pieces)) {
    const first = chainPieces[0];
    if (first === undefined) continue;
    const line = longestRun(piecesToLines(world, chainPieces, ground));
    if (line === null || polylineLength(line) < MIN_LENGTH_METERS) continue;
    chains.push({ pieces: chainPieces, kind: first.kind, line, lakeside: first.axis === 'v' && first.value === LAKESIDE_ROAD_V });
  }
  const rank = (c: Chain): number => (c.lakeside ? 0 : c.kind === 'main' ? 1 : c.kind === 'secondary' ? 2 : 3);
  const ordered = chains
    .map((chain) => ({ chain, key: rank(chain) * 10 + random.next() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, COUNT)
    .map((c) => c.chain);
  const names = [...NEW_ROAD_NAMES];
  const lakesideName = names.shift() ?? '滨湖大道延长线';
  const otherNames = random.shuffle(names);
  return ordered.map((chain, i) => ({
    geometry: { type: 'line', line: chain.line },
    name: chain.lakeside ? lakesideName : (otherNames[i] ?? `新建路${i}`),
    attributes: {
      grade: GRADE[chain.kind],
      widthMeters: chain.lakeside ? 50 : random.pick(WIDTHS_METERS[chain.kind]),
    },
    doneStatus: 'open',
  }));
}
