/**
 * Local metres <-> lon/lat. An equirectangular projection scaled for the WGS84 ellipsoid at the
 * origin's latitude: over ±8 km its scale error stays below 0.05 %, and being affine it keeps
 * straight edges straight, so polygons that do not overlap in metres do not overlap in degrees.
 */
import { ORIGIN_LON_LAT } from './design';
import { at, orientPoly, type Point, type Poly } from './geometry';
import type { Position } from 'geojson';

const A = 6378137;
const E2 = 0.00669437999014;
const LAT0 = (ORIGIN_LON_LAT[1] * Math.PI) / 180;
const W = 1 - E2 * Math.sin(LAT0) ** 2;
const METERS_PER_DEGREE_LAT = ((Math.PI / 180) * A * (1 - E2)) / W ** 1.5;
const METERS_PER_DEGREE_LON = ((Math.PI / 180) * A * Math.cos(LAT0)) / Math.sqrt(W);

export function toLonLat(p: Point, decimals: number): Position {
  const f = 10 ** decimals;
  return [
    Math.round((ORIGIN_LON_LAT[0] + p[0] / METERS_PER_DEGREE_LON) * f) / f,
    Math.round((ORIGIN_LON_LAT[1] + p[1] / METERS_PER_DEGREE_LAT) * f) / f,
  ];
}

export function toMeters(position: Position): Point {
  return [(at(position, 0) - ORIGIN_LON_LAT[0]) * METERS_PER_DEGREE_LON, (at(position, 1) - ORIGIN_LON_LAT[1]) * METERS_PER_DEGREE_LAT];
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Rounds a line, dropping points that rounding made identical to their predecessor. */
export function lineToLonLat(line: readonly Point[], decimals: number): Position[] {
  const result: Position[] = [];
  for (const p of line) {
    const position = toLonLat(p, decimals);
    const last = result[result.length - 1];
    if (last === undefined || !samePosition(last, position)) result.push(position);
  }
  return result;
}

/** A closed RFC 7946 polygon: exterior counter-clockwise, holes clockwise, first point repeated. */
export function polyToLonLat(poly: Poly, decimals: number): Position[][] {
  return orientPoly(poly).map((ring) => {
    const positions = lineToLonLat(ring, decimals);
    const first = positions[0];
    while (positions.length > 1 && first !== undefined && samePosition(at(positions, -1), first)) positions.pop();
    if (first !== undefined) positions.push([at(first, 0), at(first, 1)]);
    return positions;
  });
}
