import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSideOf } from '../../domain/validation/pointInRing';

/*
 * A shapefile polygon record is a flat list of rings. ESRI Shapefile Technical Description
 * (1998), p. 8: "The order of vertices or orientation for a ring indicates which side of the
 * ring is the interior of the polygon... Vertices of rings defining holes in polygons are in a
 * counterclockwise direction", outer rings clockwise. Which outer ring a hole belongs to is not
 * recorded: it is the smallest outer ring containing it.
 */

/** Twice the signed area (shoelace): positive counterclockwise, negative clockwise, with y pointing north. */
export function signedDoubleArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, previous = ring.length - 1; i < ring.length; previous = i++) {
    const [x1 = 0, y1 = 0] = ring[previous] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

export interface ShapefilePolygon {
  geometry: Polygon | MultiPolygon | null;
  /** Counter-clockwise rings no outer ring contains, kept as polygons of their own. */
  orphanHoles: number;
}

/**
 * Groups rings into a Polygon (one outer ring) or a MultiPolygon, each outer ring followed by
 * its holes. Rings are reversed to RFC 7946 order (exterior counterclockwise, holes clockwise):
 * the same positions, read the other way round, so the validator has nothing to rewind.
 */
export function polygonFromShapefileRings(rings: readonly Position[][]): ShapefilePolygon {
  const outers: { ring: Position[]; area: number; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const area = signedDoubleArea(ring);
    // A degenerate ring (area 0) is kept as an outer ring; the validator reports it.
    if (area > 0) holes.push(ring);
    else outers.push({ ring, area: -area, holes: [] });
  }
  let orphanHoles = 0;
  for (const hole of holes) {
    let owner: (typeof outers)[number] | undefined;
    for (const outer of outers) {
      if (owner && outer.area >= owner.area) continue;
      if (ringSideOf(hole, outer.ring) !== 'outside') owner = outer;
    }
    if (owner) owner.holes.push(hole);
    else {
      // Counter-clockwise with nothing around it: a writer that ignored the orientation rule.
      // Kept as an outer ring rather than dropped; the data stays, the warning says why.
      orphanHoles++;
      outers.push({ ring: hole.slice().reverse(), area: signedDoubleArea(hole), holes: [] });
    }
  }
  const polygons = outers.map((outer) => [outer.ring.slice().reverse(), ...outer.holes.map((hole) => hole.slice().reverse())]);
  if (polygons.length === 0) return { geometry: null, orphanHoles };
  const [only] = polygons;
  if (polygons.length === 1 && only) return { geometry: { type: 'Polygon', coordinates: only }, orphanHoles };
  return { geometry: { type: 'MultiPolygon', coordinates: polygons }, orphanHoles };
}
