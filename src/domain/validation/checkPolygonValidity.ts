import type { Position } from 'geojson';
import { formatLonLat } from './formatLonLat';
import type { ValidationCode, ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { forEachNearSegmentPair } from './forEachNearSegmentPair';
import { intersectSegments } from './intersectSegments';
import { isCrossingAtNode } from './isCrossingAtNode';
import { ringSideOf } from './pointInRing';
import { distinctRing, type DistinctRing } from './distinctRing';

/*
 * Validity of the polygons of one Polygon or MultiPolygon with the semantics of JTS IsValidOp
 * (and GEOS): rings closed, at least 3 distinct points, no ring crossing or touching itself
 * (spikes and punctures included), rings of a polygon meeting at most at isolated points and
 * never crossing, holes inside their shell and not inside each other, an interior that stays
 * connected, and parts of a MultiPolygon that neither cross, share an edge nor nest (touching at
 * points is allowed). Repeated consecutive points are valid and ignored. The first problem is
 * reported, as IsValidOp does, with its location.
 */

interface Ring extends DistinctRing {
  polygon: number;
  indexInPolygon: number;
  path: string;
  bbox: [number, number, number, number];
}

interface Touch {
  a: number;
  b: number;
  x: number;
  y: number;
}

export function checkPolygonValidity(
  polygons: readonly (readonly (readonly Position[])[])[],
  coordinatesPointer: string,
  isMulti: boolean,
  label: FeatureLabel,
): ValidationIssue | undefined {
  const issue = (code: ValidationCode, path: string, zh: string, en: string, location?: [number, number]): ValidationIssue =>
    featureIssue(label, code, path, zh, en, location);
  const rings: Ring[] = [];
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p] ?? [];
    const polygonPath = isMulti ? `${coordinatesPointer}/${p}` : coordinatesPointer;
    if (polygon.length === 0) return issue('TOO_FEW_POINTS', polygonPath, '面没有外环', 'the polygon has no exterior ring');
    for (let r = 0; r < polygon.length; r++) {
      const path = `${polygonPath}/${r}`;
      const what = r === 0 ? { zh: '外环', en: 'the exterior ring' } : { zh: `第 ${r} 个内环（洞）`, en: `hole ${r}` };
      const positions = polygon[r] ?? [];
      const first = positions[0];
      const last = positions[positions.length - 1];
      if (!first || !last) return issue('TOO_FEW_POINTS', path, `${what.zh}没有坐标`, `${what.en} has no positions`);
      if (first[0] !== last[0] || first[1] !== last[1])
        return issue('RING_NOT_CLOSED', path, `${what.zh}未闭合：最后一个坐标须与第一个相同，请在末尾补上 [${first.join(', ')}]`, `${what.en} is not closed: its last position must equal its first; append [${first.join(', ')}]`, lonLat(first));
      const ring = distinctRing(positions);
      if (positions.length < 4 || ring.positions.length < 4)
        return issue('TOO_FEW_POINTS', path, `${what.zh}少于 3 个不同的点（含闭合点至少 4 个坐标），构不成面`, `${what.en} has fewer than 3 distinct points (4 positions with the closing one); it encloses no area`, lonLat(first));
      rings.push({ ...ring, polygon: p, indexInPolygon: r, path, bbox: ringBbox(ring.positions) });
    }
  }
  const touches: Touch[] = [];
  const crossing = findCrossing(rings, touches, issue);
  if (crossing) return crossing;
  return findContainmentProblem(rings, touches, polygons.length, issue);
}

type IssueMaker = (code: ValidationCode, path: string, zh: string, en: string, location?: [number, number]) => ValidationIssue;

function findCrossing(rings: readonly Ring[], touches: Touch[], issue: IssueMaker): ValidationIssue | undefined {
  let count = 0;
  for (const ring of rings) count += ring.positions.length - 1;
  const minX = new Float64Array(count);
  const maxX = new Float64Array(count);
  const minY = new Float64Array(count);
  const maxY = new Float64Array(count);
  const segmentRing = new Int32Array(count);
  const segmentIndex = new Int32Array(count);
  let next = 0;
  rings.forEach((ring, ringIndex) => {
    for (let s = 0; s < ring.positions.length - 1; s++) {
      const [x1 = 0, y1 = 0] = ring.positions[s] ?? [];
      const [x2 = 0, y2 = 0] = ring.positions[s + 1] ?? [];
      minX[next] = Math.min(x1, x2);
      maxX[next] = Math.max(x1, x2);
      minY[next] = Math.min(y1, y2);
      maxY[next] = Math.max(y1, y2);
      segmentRing[next] = ringIndex;
      segmentIndex[next] = s;
      next++;
    }
  });
  const seenTouches = new Set<string>();
  let found: ValidationIssue | undefined;
  forEachNearSegmentPair(minX, maxX, minY, maxY, (i, j) => {
    const ringA = rings[segmentRing[i] ?? 0];
    const ringB = rings[segmentRing[j] ?? 0];
    if (!ringA || !ringB) return false;
    const sa = segmentIndex[i] ?? 0;
    const sb = segmentIndex[j] ?? 0;
    const [ax1 = 0, ay1 = 0] = ringA.positions[sa] ?? [];
    const [ax2 = 0, ay2 = 0] = ringA.positions[sa + 1] ?? [];
    const [bx1 = 0, by1 = 0] = ringB.positions[sb] ?? [];
    const [bx2 = 0, by2 = 0] = ringB.positions[sb + 1] ?? [];
    const meeting = intersectSegments(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
    if (!meeting) return false;
    // Reported to 1e-9° (0.1 mm): the computed crossing point carries float noise beyond that.
    const location: [number, number] = [roundDegrees(meeting.x), roundDegrees(meeting.y)];
    const vertexPath = (ring: Ring, segment: number): string => `${ring.path}/${ring.original[segment] ?? 0}`;
    if (ringA === ringB) {
      const segments = ringA.positions.length - 1;
      const low = Math.min(sa, sb);
      const high = Math.max(sa, sb);
      const adjacent = high - low === 1 || (low === 0 && high === segments - 1);
      if (adjacent && meeting.kind !== 'overlap') return false;
      // A spike is reported at its tip, the vertex where the ring turns back on itself.
      if (adjacent) [location[0], location[1]] = lonLat(ringA.positions[high - low === 1 ? high : 0] ?? [0, 0]);
      found = issue('SELF_INTERSECTION', vertexPath(ringA, high), `环在 ${formatLonLat(location)} 处自相交（${adjacent ? '回折的尖刺' : '边交叉或自接触'}），请改正该处的顶点`, `the ring intersects itself at ${formatLonLat(location)} (${adjacent ? 'a spike that doubles back' : 'crossing or self-touching edges'}); fix the vertices there`, location);
      return true;
    }
    const samePolygon = ringA.polygon === ringB.polygon;
    const crosses = meeting.kind !== 'touch' || isCrossingAtNode(location, ...nodeEdges(ringA, sa, location), ...nodeEdges(ringB, sb, location));
    if (crosses) {
      found = samePolygon
        ? issue('SELF_INTERSECTION', vertexPath(ringB, sb), `面的环在 ${formatLonLat(location)} 处${meeting.kind === 'overlap' ? '有重合的边' : '相交'}；洞与外环只能在孤立点相接`, `rings of the polygon ${meeting.kind === 'overlap' ? 'share an edge' : 'cross'} at ${formatLonLat(location)}; a hole may touch its shell only at single points`, location)
        : issue('OVERLAPPING_PARTS', vertexPath(ringB, sb), `多面的第 ${ringA.polygon} 与第 ${ringB.polygon} 部分在 ${formatLonLat(location)} 处${meeting.kind === 'overlap' ? '共用一条边' : '相交重叠'}；请合并（dissolve）或分开`, `parts ${ringA.polygon} and ${ringB.polygon} of the MultiPolygon ${meeting.kind === 'overlap' ? 'share an edge' : 'overlap'} at ${formatLonLat(location)}; dissolve them into one polygon or separate them`, location);
      return true;
    }
    if (samePolygon) {
      const a = Math.min(segmentRing[i] ?? 0, segmentRing[j] ?? 0);
      const b = Math.max(segmentRing[i] ?? 0, segmentRing[j] ?? 0);
      const key = `${a}|${b}|${meeting.x}|${meeting.y}`;
      if (!seenTouches.has(key)) {
        seenTouches.add(key);
        touches.push({ a, b, x: meeting.x, y: meeting.y });
      }
    }
    return false;
  });
  return found;
}

/** The two edges of `ring` at a point of its segment `segment`: [from, to]. */
function nodeEdges(ring: Ring, segment: number, node: readonly [number, number]): [readonly [number, number], readonly [number, number]] {
  const positions = ring.positions;
  const last = positions.length - 1;
  const at = (index: number): [number, number] => lonLat(positions[((index % last) + last) % last] ?? [0, 0]);
  const start = at(segment);
  const end = at(segment + 1);
  if (end[0] === node[0] && end[1] === node[1]) return [start, at(segment + 2)];
  if (start[0] === node[0] && start[1] === node[1]) return [at(segment - 1), end];
  return [start, end];
}

function findContainmentProblem(rings: readonly Ring[], touches: readonly Touch[], polygonCount: number, issue: IssueMaker): ValidationIssue | undefined {
  const byPolygon: Ring[][] = Array.from({ length: polygonCount }, () => []);
  for (const ring of rings) byPolygon[ring.polygon]?.push(ring);
  for (const polygon of byPolygon) {
    const [shell, ...holes] = polygon;
    if (!shell) continue;
    for (const hole of holes)
      if (!contains(shell.bbox, hole.bbox) || ringSideOf(hole.positions, shell.positions) === 'outside')
        return issue('HOLE_OUTSIDE_SHELL', hole.path, `第 ${hole.indexInPolygon} 个内环（洞）不在外环之内（或比外环还大）`, `hole ${hole.indexInPolygon} lies outside its exterior ring (or is larger than it)`, lonLat(hole.positions[0] ?? [0, 0]));
    for (const inner of holes)
      for (const outer of holes)
        if (inner !== outer && contains(outer.bbox, inner.bbox) && ringSideOf(inner.positions, outer.positions) === 'inside')
          return issue('NESTED_HOLES', inner.path, `第 ${inner.indexInPolygon} 个洞位于第 ${outer.indexInPolygon} 个洞之内；洞里的岛须作为多面的另一部分`, `hole ${inner.indexInPolygon} lies inside hole ${outer.indexInPolygon}; an island in a hole must be another part of a MultiPolygon`, lonLat(inner.positions[0] ?? [0, 0]));
  }
  // JTS ConnectedInteriorTester / PolygonTopologyAnalyzer: rings touching in a cycle cut the interior apart.
  const parent = rings.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  for (const touch of touches) {
    const a = find(touch.a);
    const b = find(touch.b);
    const ring = rings[touch.b];
    if (a === b && ring)
      return issue('DISCONNECTED_INTERIOR', ring.path, `洞与外环或其他洞在 [${touch.x}, ${touch.y}] 等多处相接，把面分割成了不相连的几块`, `holes touch the shell or each other at [${touch.x}, ${touch.y}] and elsewhere, splitting the interior into pieces`, [touch.x, touch.y]);
    parent[a] = b;
  }
  for (const inner of byPolygon)
    for (const outer of byPolygon) {
      const innerShell = inner[0];
      const outerShell = outer[0];
      if (!innerShell || !outerShell || inner === outer || !contains(outerShell.bbox, innerShell.bbox)) continue;
      if (ringSideOf(innerShell.positions, outerShell.positions) !== 'inside') continue;
      if (outer.slice(1).some((hole) => ringSideOf(innerShell.positions, hole.positions) === 'inside')) continue;
      return issue('OVERLAPPING_PARTS', innerShell.path, `多面的第 ${innerShell.polygon} 部分位于第 ${outerShell.polygon} 部分之内（重叠）`, `part ${innerShell.polygon} of the MultiPolygon lies inside part ${outerShell.polygon} (they overlap)`, lonLat(innerShell.positions[0] ?? [0, 0]));
    }
  return undefined;
}

function roundDegrees(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function lonLat(position: Position): [number, number] {
  return [position[0] ?? 0, position[1] ?? 0];
}

function ringBbox(positions: readonly Position[]): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [x = 0, y = 0] of positions) {
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return [west, south, east, north];
}

function contains(outer: readonly number[], inner: readonly number[]): boolean {
  return (outer[0] ?? 0) <= (inner[0] ?? 0) && (outer[1] ?? 0) <= (inner[1] ?? 0) && (outer[2] ?? 0) >= (inner[2] ?? 0) && (outer[3] ?? 0) >= (inner[3] ?? 0);
}
