import type { LineString, Polygon, Position } from 'geojson';
import type { SeededRandom } from './random';

/** Metres east and north of the city centre, turned into lon/lat by a local equirectangular frame. */
export interface LocalFrame {
  centerLongitude: number;
  centerLatitude: number;
}

/** Spherical-enough metres per degree near the centre: shapes only need to look plausible. */
function metersPerDegree(frame: LocalFrame): { x: number; y: number } {
  return { x: 111320 * Math.cos((frame.centerLatitude * Math.PI) / 180), y: 110574 };
}

/** Seven decimals (about 1 cm), as the bundled sample district is written. */
function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

export function toLonLat(frame: LocalFrame, east: number, north: number): Position {
  const scale = metersPerDegree(frame);
  return [round7(frame.centerLongitude + east / scale.x), round7(frame.centerLatitude + north / scale.y)];
}

/** The lon/lat box of a square of `halfSideMeters` around the centre. */
export function boundsAround(frame: LocalFrame, halfSideMeters: number): [number, number, number, number] {
  const [west = 0, south = 0] = toLonLat(frame, -halfSideMeters, -halfSideMeters);
  const [east = 0, north = 0] = toLonLat(frame, halfSideMeters, halfSideMeters);
  return [west, south, east, north];
}

/**
 * A parcel in the grid cell whose south-west corner is (x0, y0): a jittered quadrilateral inset
 * from the cell edges (streets between parcels), with extra vertices along its sides for 5 to
 * 12 vertices in all, counter-clockwise as RFC 7946 asks. Some get a courtyard hole.
 */
export function parcelPolygon(
  random: SeededRandom,
  frame: LocalFrame,
  x0: number,
  y0: number,
  cellMeters: number,
  holeChance: number,
): Polygon {
  const inset = cellMeters * 0.08;
  const jitter = cellMeters * 0.07;
  const corners: [number, number][] = [
    [x0 + inset, y0 + inset],
    [x0 + cellMeters - inset, y0 + inset],
    [x0 + cellMeters - inset, y0 + cellMeters - inset],
    [x0 + inset, y0 + cellMeters - inset],
  ].map(([x = 0, y = 0]) => [x + random.range(-jitter, jitter), y + random.range(-jitter, jitter)]);
  const vertexCount = random.int(5, 12);
  // Extra vertices go on the sides, slightly pushed out so that the shape is not a plain box.
  const extraPerSide = [0, 0, 0, 0];
  for (let extra = 0; extra < vertexCount - 4; extra++) extraPerSide[extra % 4] = (extraPerSide[extra % 4] ?? 0) + 1;
  const ring: Position[] = [];
  corners.forEach((corner, side) => {
    const next = corners[(side + 1) % 4] ?? corner;
    ring.push(toLonLat(frame, corner[0], corner[1]));
    const extras = extraPerSide[side] ?? 0;
    for (let step = 1; step <= extras; step++) {
      const t = step / (extras + 1);
      const bulge = random.range(-0.4, 0.6) * inset;
      // Outward normal of a counter-clockwise side: (dy, -dx) normalised.
      const dx = next[0] - corner[0];
      const dy = next[1] - corner[1];
      const length = Math.hypot(dx, dy) || 1;
      ring.push(toLonLat(frame, corner[0] + dx * t + (dy / length) * bulge, corner[1] + dy * t - (dx / length) * bulge));
    }
  });
  ring.push(ring[0] ?? [0, 0]);
  const rings: Position[][] = [ring];
  if (random.chance(holeChance)) {
    const centerX = x0 + cellMeters / 2;
    const centerY = y0 + cellMeters / 2;
    const half = cellMeters * random.range(0.08, 0.18);
    // Holes run clockwise (RFC 7946).
    const hole = [
      toLonLat(frame, centerX - half, centerY - half),
      toLonLat(frame, centerX - half, centerY + half),
      toLonLat(frame, centerX + half, centerY + half),
      toLonLat(frame, centerX + half, centerY - half),
    ];
    rings.push([...hole, hole[0] ?? [0, 0]]);
  }
  return { type: 'Polygon', coordinates: rings };
}

/**
 * A new road along a grid line: `cells` cells long from (x0, y0), eastward or northward,
 * one vertex per cell with a little wobble so that it is not a single straight segment.
 */
export function roadLine(
  random: SeededRandom,
  frame: LocalFrame,
  x0: number,
  y0: number,
  cellMeters: number,
  cells: number,
  eastward: boolean,
): LineString {
  const coordinates: Position[] = [];
  for (let step = 0; step <= cells; step++) {
    const along = step * cellMeters;
    const wobble = step === 0 || step === cells ? 0 : random.range(-0.05, 0.05) * cellMeters;
    coordinates.push(eastward ? toLonLat(frame, x0 + along, y0 + wobble) : toLonLat(frame, x0 + wobble, y0 + along));
  }
  return { type: 'LineString', coordinates };
}
