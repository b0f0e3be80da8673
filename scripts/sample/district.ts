/** The district boundary (admin lines run through the lake, then along ridges and fields) and its land. */
import { DISTRICT_LAKE_EDGE_POINTS, DISTRICT_OUTLINE } from './design';
import { at, distance, lerp, orientPoly, perpendicular, normalize, sub, add, scale, type Point, type Poly } from './geometry';
import { buffer, polygon } from '@turf/turf';
import { largestPiece, subtractPolys } from './clip';
import { toLonLat, toMeters } from './projection';
import type { GridMap } from './gridMap';
import type { Random } from './random';

/** Midpoint displacement: the jagged look of boundaries that follow ridges, ditches and field edges. */
function roughen(from: Point, to: Point, random: Random, out: Point[]): void {
  const l = distance(from, to);
  if (l < 70) {
    out.push(to);
    return;
  }
  const normal = perpendicular(normalize(sub(to, from)));
  const middle = add(lerp(from, to, random.range(0.4, 0.6)), scale(normal, random.range(-0.11, 0.11) * l));
  roughen(from, middle, random, out);
  roughen(middle, to, random, out);
}

export interface District {
  boundary: Poly;
  /** The district minus the lake. */
  land: Poly;
  /**
   * The land a few metres in from the boundary: projects are cut to it, so that rounding
   * coordinates to 7 decimals can never push a vertex across the district line.
   */
  innerLand: Poly;
}

const INNER_MARGIN_METERS = 3;

function shrink(poly: Poly): Poly {
  const lonLat = polygon(poly.map((ring) => [...ring, at(ring, 0)].map((p) => toLonLat(p, 9))));
  const shrunk = buffer(lonLat, -INNER_MARGIN_METERS, { units: 'meters' });
  if (shrunk === undefined || shrunk.geometry.type !== 'Polygon') throw new Error('shrinking the district failed');
  return orientPoly(shrunk.geometry.coordinates.map((ring) => ring.slice(0, -1).map(toMeters)));
}

export function buildDistrict(grid: GridMap, lake: Poly, random: Random): District {
  const corners = DISTRICT_OUTLINE.map(([s, v]) => grid.chordToMetric(s, v));
  const ring: Point[] = [];
  for (let i = 0; i < corners.length; i += 1) {
    const from = at(corners, i);
    const to = at(corners, (i + 1) % corners.length);
    ring.push(from);
    if (i < DISTRICT_LAKE_EDGE_POINTS - 1) continue;
    const detail: Point[] = [];
    roughen(from, to, random, detail);
    ring.push(...detail.slice(0, -1));
  }
  const boundary = orientPoly([ring]);
  const land = largestPiece(subtractPolys(boundary, [lake]));
  if (land === null) throw new Error('the district has no land');
  const innerLand = largestPiece(subtractPolys(shrink(boundary), [lake]));
  if (innerLand === null) throw new Error('the district has no inner land');
  return { boundary, land: orientPoly(land), innerLand: orientPoly(innerLand) };
}

