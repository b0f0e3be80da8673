/** The existing road network for the basemap: named arterials and secondaries, unnamed local streets. */
import { type Point } from './geometry';
import { ALONG_ROAD_NAMES, CROSS_ROAD_NAMES, EXPRESSWAY_NAME, SECONDARY_ROAD_NAMES } from './names';
import type { Random } from './random';
import { piecesToLines, roadGround, type RoadPiece } from './roadNetwork';
import type { World } from './world';

export type RoadClass = 'expressway' | 'arterial' | 'secondary' | 'local';

export interface BasemapRoad {
  name: string;
  roadClass: RoadClass;
  line: Point[];
}

/** The urban expressway runs along the arterial nearest this distance from the shore. */
const EXPRESSWAY_V = 4800;
const MIN_LENGTH_METERS = 60;

export function buildBasemapRoads(world: World, pieces: readonly RoadPiece[], random: Random): BasemapRoad[] {
  const ground = roadGround(world);
  const groups = new Map<string, RoadPiece[]>();
  for (const piece of pieces) {
    if (!piece.existing) continue;
    groups.set(piece.lineKey, [...(groups.get(piece.lineKey) ?? []), piece]);
  }
  const mainV = world.streets.vLines.filter((l) => l.kind === 'main');
  const expresswayV = mainV.reduce((best, l) => (Math.abs(l.value - EXPRESSWAY_V) < Math.abs(best - EXPRESSWAY_V) ? l.value : best), Infinity);
  const crossNames = [...CROSS_ROAD_NAMES];
  const alongNames = [...ALONG_ROAD_NAMES];
  const secondaryNames = random.shuffle(SECONDARY_ROAD_NAMES);
  const roads: BasemapRoad[] = [];
  // Global lines first, in grid order, so that names run west to east and from the lake inland.
  const keys = [...groups.keys()].sort((a, b) => keyOrder(a) - keyOrder(b) || a.localeCompare(b));
  for (const key of keys) {
    const group = groups.get(key) ?? [];
    const first = group[0];
    if (first === undefined) continue;
    const lines = piecesToLines(world, group, ground).filter((l) => lineLength(l) >= MIN_LENGTH_METERS);
    if (lines.length === 0) continue;
    let name = '';
    let roadClass: RoadClass = 'local';
    if (first.kind === 'main' && first.axis === 'v' && first.value === expresswayV) {
      name = EXPRESSWAY_NAME;
      roadClass = 'expressway';
    } else if (first.kind === 'main') {
      name = (first.axis === 's' ? crossNames.shift() : alongNames.shift()) ?? '';
      roadClass = 'arterial';
    } else if (first.kind === 'secondary') {
      name = secondaryNames.shift() ?? '';
      roadClass = 'secondary';
    }
    for (const line of lines) roads.push({ name, roadClass, line });
  }
  return roads;
}

function keyOrder(key: string): number {
  const match = /^([sv]):(\d+)$/.exec(key);
  if (match === null) return 1e6;
  return (match[1] === 's' ? 0 : 1000) + Number(match[2]);
}

function lineLength(line: readonly Point[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i += 1) {
    const a = line[i - 1];
    const b = line[i];
    if (a !== undefined && b !== undefined) sum += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return sum;
}
