import type { CrsDefinition } from '../crs/crsDefinition';
import { sourceGeodetic } from '../crs/sourceGeodetic';
import type { BursaWolfProfile, ControlPoint, PlaneFourProfile } from './datumShiftProfile';
import { GRS80, geodeticToGeocentric } from './geocentric';
import { solveLeastSquares } from './solveLeastSquares';

/*
 * Least-squares parameters from control points known in both systems, as a bureau computes them
 * (docs/input-rules.md, C12).
 * Four parameters (at least 2 points): with a = k cos θ and b = k sin θ the similarity
 * E′ = dE + aE − bN, N′ = dN + bE + aN is linear in (dE, dN, a, b).
 * Seven parameters (at least 3 points): the Bursa-Wolf model linearised for small rotations and
 * scale (EPSG Guidance Note 7-2, 9606), X′ − X = T + s·X + r × X, linear in (T, r, s); the
 * neglected products of rotation and scale are below a millimetre for arc-seconds and ppm.
 * Coordinates are taken relative to the points' centroid for the plane fit, which keeps the
 * numbers small; the geocentric fit is solved by QR (solveLeastSquares).
 */

const ARC_SECONDS = Math.PI / (180 * 3600);

export type PlaneFourParameters = Pick<PlaneFourProfile, 'dxMeters' | 'dyMeters' | 'rotationArcSeconds' | 'scalePpm'>;
export type BursaWolfParameters = Pick<BursaWolfProfile, 'convention' | 'dxMeters' | 'dyMeters' | 'dzMeters' | 'rxArcSeconds' | 'ryArcSeconds' | 'rzArcSeconds' | 'scalePpm'>;

export function estimatePlaneFour(points: readonly ControlPoint[]): PlaneFourParameters | undefined {
  if (points.length < 2) return undefined;
  const rows: number[][] = [];
  const rhs: number[] = [];
  const [e0, n0] = points[0]?.source ?? [0, 0];
  for (const { source: [e, n], target: [targetE, targetN] } of points) {
    rows.push([1, 0, e - e0, -(n - n0)], [0, 1, n - n0, e - e0]);
    rhs.push(targetE - e0, targetN - n0);
  }
  const solution = solveLeastSquares(rows, rhs);
  if (!solution) return undefined;
  const [shiftE = 0, shiftN = 0, a = 1, b = 0] = solution;
  // Back from the centred form: E′ = e0 + shiftE + a(E − e0) − b(N − n0).
  return {
    dxMeters: e0 + shiftE - a * e0 + b * n0,
    dyMeters: n0 + shiftN - b * e0 - a * n0,
    rotationArcSeconds: Math.atan2(b, a) / ARC_SECONDS,
    scalePpm: (Math.hypot(a, b) - 1) * 1e6,
  };
}

/** Each control point as geocentric X, Y, Z in both systems, height 0 on each ellipsoid. */
function geocentricPairs(points: readonly ControlPoint[], source: Pick<CrsDefinition, 'proj4'>, target: Pick<CrsDefinition, 'proj4'>): [number, number, number][][] | undefined {
  const fromSource = sourceGeodetic(source);
  const fromTarget = sourceGeodetic(target);
  const pairs: [number, number, number][][] = [];
  for (const point of points) {
    const s = fromSource.toGeodetic(...point.source);
    const t = fromTarget.toGeodetic(...point.target);
    if (!s || !t) return undefined;
    pairs.push([geodeticToGeocentric(fromSource.ellipsoid, s[0], s[1]), geodeticToGeocentric(GRS80, t[0], t[1])]);
  }
  return pairs;
}

/** `target` is the CRS the points' target coordinates are in, on CGCS2000 (EPSG:4490 or one of its planes). */
export function estimateBursaWolf(points: readonly ControlPoint[], source: Pick<CrsDefinition, 'proj4'>, target: Pick<CrsDefinition, 'proj4'>, convention: BursaWolfProfile['convention']): BursaWolfParameters | undefined {
  if (points.length < 3) return undefined;
  const pairs = geocentricPairs(points, source, target);
  if (!pairs) return undefined;
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (const [[x, y, z] = [0, 0, 0], [tx, ty, tz] = [0, 0, 0]] of pairs) {
    // Unknowns: dx, dy, dz, rx, ry, rz (radians, position vector), s (dimensionless).
    rows.push([1, 0, 0, 0, z, -y, x], [0, 1, 0, -z, 0, x, y], [0, 0, 1, y, -x, 0, z]);
    rhs.push(tx - x, ty - y, tz - z);
  }
  const solution = solveLeastSquares(rows, rhs);
  if (!solution) return undefined;
  const [dx = 0, dy = 0, dz = 0, rx = 0, ry = 0, rz = 0, s = 0] = solution;
  const sign = convention === 'position-vector' ? 1 : -1;
  return {
    convention,
    dxMeters: dx,
    dyMeters: dy,
    dzMeters: dz,
    rxArcSeconds: (sign * rx) / ARC_SECONDS,
    ryArcSeconds: (sign * ry) / ARC_SECONDS,
    rzArcSeconds: (sign * rz) / ARC_SECONDS,
    scalePpm: s * 1e6,
  };
}
