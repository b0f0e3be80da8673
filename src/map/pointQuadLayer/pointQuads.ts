/** Points as four vertices and two triangles each, for PointQuadLayer. */
export interface PointQuads {
  pointCount: number;
  /** 4 × point: where each point's vertices start (pointCount + 1 entries). */
  vertexStarts: Uint32Array;
  /** Per vertex: the corner of the point's square, x and y in −1 or 1. */
  corners: Float32Array;
  /** Per vertex, the point's position as the layer's position offsets. */
  centers: Float32Array;
  /** Six per point: two triangles. */
  indices: Uint32Array;
}

const CORNERS = [-1, -1, -1, 1, 1, -1, 1, 1];
const TRIANGLES = [0, 1, 2, 1, 3, 2];

/** A square around each point of `positions` (x, y pairs, as the layer's offsets). */
export function pointQuads(positions: Float32Array): PointQuads {
  const pointCount = Math.floor(positions.length / 2);
  const quads: PointQuads = {
    pointCount,
    vertexStarts: new Uint32Array(pointCount + 1),
    corners: new Float32Array(pointCount * 8),
    centers: new Float32Array(pointCount * 8),
    indices: new Uint32Array(pointCount * 6),
  };
  for (let point = 0; point < pointCount; point++) {
    const x = positions[2 * point] ?? 0;
    const y = positions[2 * point + 1] ?? 0;
    for (let corner = 0; corner < 4; corner++) {
      const at = 8 * point + 2 * corner;
      quads.corners[at] = CORNERS[2 * corner] ?? 0;
      quads.corners[at + 1] = CORNERS[2 * corner + 1] ?? 0;
      quads.centers[at] = x;
      quads.centers[at + 1] = y;
    }
    for (let index = 0; index < 6; index++) quads.indices[6 * point + index] = 4 * point + (TRIANGLES[index] ?? 0);
    quads.vertexStarts[point + 1] = 4 * (point + 1);
  }
  return quads;
}
