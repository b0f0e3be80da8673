/**
 * Sub-districts (街道): their boundaries run along arterials, as real ones usually do, and
 * together they tile the district's land.
 */
import { intersectPolys } from './clip';
import { STREET_NAMES } from './names';
import { at, orientPoly, pointInPoly, polyArea, type Point, type Poly } from './geometry';
import type { GridMap } from './gridMap';
import type { District } from './district';
import { rectCorners } from './outline';
import type { StreetGrid } from './streetGrid';

export interface SubDistrict {
  id: string;
  name: string;
  /** Usually one polygon; more when the land is cut into pieces. */
  polys: Poly[];
}

const FAR = 12000;

/** The arterial nearest to a wanted position, so that boundaries follow real roads. */
function mainNear(lines: StreetGrid['sLines'], wanted: number): number {
  let best = at(lines, 0).value;
  for (const line of lines) if (line.kind === 'main' && Math.abs(line.value - wanted) < Math.abs(best - wanted)) best = line.value;
  return best;
}

export function buildSubDistricts(grid: GridMap, streets: StreetGrid, district: District): SubDistrict[] {
  const west = mainNear(streets.sLines, -1800);
  const east = mainNear(streets.sLines, 1400);
  const northWest = mainNear(streets.vLines, 3800);
  const northMiddle = mainNear(streets.vLines, 3800);
  const northEast = mainNear(streets.vLines, 2600);
  const lakeV = -FAR / 10;
  const rects = [
    { s0: -FAR, v0: lakeV, s1: west, v1: northWest },
    { s0: west, v0: lakeV, s1: east, v1: northMiddle },
    { s0: east, v0: lakeV, s1: FAR, v1: northEast },
    { s0: -FAR, v0: northWest, s1: west, v1: FAR },
    { s0: west, v0: northMiddle, s1: east, v1: FAR },
    { s0: east, v0: northEast, s1: FAR, v1: FAR },
  ];
  return rects.map((rect, i) => {
    const corners = rectCorners(rect);
    const ring = corners.flatMap((c, k) => grid.alignedPath(c, at(corners, (k + 1) % corners.length), 50).slice(0, -1));
    const region: Poly = orientPoly([ring]);
    const polys = intersectPolys(region, district.land).filter((p) => polyArea(p) > 10000);
    return { id: `JD-0${i + 1}`, name: STREET_NAMES[i] ?? `街道${i + 1}`, polys };
  });
}

export function subDistrictAt(subDistricts: readonly SubDistrict[], p: Point): SubDistrict | undefined {
  return subDistricts.find((d) => d.polys.some((poly) => pointInPoly(p, poly)));
}
