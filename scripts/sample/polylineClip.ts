/** Cuts a polyline to the part inside a region, finding each crossing by bisection. */
import { at, lerp, type Point } from './geometry';

export function clipPolyline(points: readonly Point[], inside: (p: Point) => boolean): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  let previous: Point | null = null;
  let previousInside = false;
  for (const point of points) {
    const pointInside = inside(point);
    if (previous !== null && pointInside !== previousInside) {
      const crossing = bisect(previous, point, previousInside, inside);
      if (pointInside) run = [crossing];
      else {
        run.push(crossing);
        runs.push(run);
        run = [];
      }
    }
    if (pointInside) run.push(point);
    previous = point;
    previousInside = pointInside;
  }
  if (run.length > 0) runs.push(run);
  return runs.filter((r) => r.length >= 2);
}

/** The last point on the inside of the segment, to about a centimetre. */
function bisect(a: Point, b: Point, aInside: boolean, inside: (p: Point) => boolean): Point {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 14; i += 1) {
    const mid = (lo + hi) / 2;
    if (inside(lerp(a, b, mid)) === aInside) lo = mid;
    else hi = mid;
  }
  return lerp(a, b, aInside ? lo : hi);
}

export function longestRun(runs: readonly Point[][]): Point[] | null {
  let best: Point[] | null = null;
  let bestLength = 0;
  for (const run of runs) {
    let l = 0;
    for (let i = 1; i < run.length; i += 1) l += Math.hypot(at(run, i)[0] - at(run, i - 1)[0], at(run, i)[1] - at(run, i - 1)[1]);
    if (l > bestLength) {
      best = run;
      bestLength = l;
    }
  }
  return best;
}
