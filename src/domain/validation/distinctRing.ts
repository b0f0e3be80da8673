import type { Position } from 'geojson';

/** A ring without repeated consecutive points (valid in JTS; docs/input-rules.md, D8), and where each kept point was. */
export interface DistinctRing {
  positions: Position[];
  /** original[k] is the index in the input ring of positions[k], for reporting paths. */
  original: number[];
}

export function distinctRing(ring: readonly Position[]): DistinctRing {
  const positions: Position[] = [];
  const original: number[] = [];
  let previous: Position | undefined;
  ring.forEach((position, index) => {
    if (previous && previous[0] === position[0] && previous[1] === position[1]) return;
    positions.push(position);
    original.push(index);
    previous = position;
  });
  return { positions, original };
}
