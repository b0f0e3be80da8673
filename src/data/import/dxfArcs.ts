import type { Position } from 'geojson';

/*
 * Arcs in DXF become straight segments: a polyline vertex's bulge (group 42) is the tangent of a
 * quarter of the arc's included angle, positive counter-clockwise (AutoCAD DXF Reference,
 * LWPOLYLINE); hatch arc edges give a centre, a radius and angles in degrees (HATCH, "Boundary
 * path data"). Arcs are cut into steps of at most 4°, which keeps a 100 m radius within 6 cm of
 * the true arc (sagitta r·(1 − cos 2°)).
 */

const STEP_RADIANS = (4 * Math.PI) / 180;

/** The points strictly between `from` and `to` on the arc of `bulge`; none for a straight segment. */
export function bulgePoints(from: Position, to: Position, bulge: number): Position[] {
  if (!Number.isFinite(bulge) || Math.abs(bulge) < 1e-12) return [];
  const [x1 = 0, y1 = 0] = from;
  const [x2 = 0, y2 = 0] = to;
  const chord = Math.hypot(x2 - x1, y2 - y1);
  if (chord === 0) return [];
  const angle = 4 * Math.atan(bulge);
  const radius = chord / (2 * Math.sin(Math.abs(angle) / 2));
  // The centre lies on the chord's perpendicular bisector, on the left for a counter-clockwise arc.
  const midX = (x1 + x2) / 2;
  const midY = (y1 + y2) / 2;
  // Beyond a half circle the cosine turns negative and puts the centre on the other side, as it should.
  const toCentre = radius * Math.cos(Math.abs(angle) / 2) * Math.sign(bulge);
  const centreX = midX - ((y2 - y1) / chord) * toCentre;
  const centreY = midY + ((x2 - x1) / chord) * toCentre;
  const start = Math.atan2(y1 - centreY, x1 - centreX);
  return arcPoints(centreX, centreY, radius, start, start + angle).slice(1, -1);
}

/** Points along an arc from `startRadians` to `endRadians` (either direction), both ends included. */
export function arcPoints(centreX: number, centreY: number, radius: number, startRadians: number, endRadians: number): Position[] {
  const sweep = endRadians - startRadians;
  const steps = Math.max(1, Math.ceil(Math.abs(sweep) / STEP_RADIANS));
  const points: Position[] = [];
  for (let step = 0; step <= steps; step++) {
    const angle = startRadians + (sweep * step) / steps;
    points.push([centreX + radius * Math.cos(angle), centreY + radius * Math.sin(angle)]);
  }
  return points;
}

/**
 * A hatch's circular arc edge. Counter-clockwise edges run from the start angle up to the end
 * angle; clockwise ones store their angles mirrored, so they run from −start down to −end.
 */
export function hatchArcPoints(centreX: number, centreY: number, radius: number, startDegrees: number, endDegrees: number, counterClockwise: boolean): Position[] {
  const radians = Math.PI / 180;
  if (counterClockwise) {
    let end = endDegrees;
    while (end <= startDegrees) end += 360;
    return arcPoints(centreX, centreY, radius, startDegrees * radians, end * radians);
  }
  const start = -startDegrees;
  let end = -endDegrees;
  while (end >= start) end -= 360;
  return arcPoints(centreX, centreY, radius, start * radians, end * radians);
}
