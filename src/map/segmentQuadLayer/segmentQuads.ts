import type { GeometryColumns } from '../../domain/columns/geometryColumns';

/** Every segment of a layer's paths as four vertices and two triangles, for SegmentQuadLayer. */
export interface SegmentQuads {
  segmentCount: number;
  /** The feature index of each segment. */
  segmentFeature: Uint32Array;
  /** 4 × segment: where each segment's vertices start (segmentCount + 1 entries). */
  vertexStarts: Uint32Array;
  /** Per vertex: x 0 at the source end, 1 at the target end; y −1 left, 1 right. */
  corners: Float32Array;
  /** Per vertex, the segment's two ends as the layer's position offsets. */
  sourcePositions: Float32Array;
  targetPositions: Float32Array;
  /** Six per segment: two triangles. */
  indices: Uint32Array;
}

const CORNERS = [0, -1, 0, 1, 1, -1, 1, 1];
const TRIANGLES = [0, 1, 2, 1, 3, 2];

/** The segments between consecutive vertices of each path (ring starts end a path: no segment joins two). */
export function segmentQuads(geometry: GeometryColumns): SegmentQuads {
  const { positions, ringStart, partFeature, partStart } = geometry;
  let segmentCount = 0;
  for (let ring = 0; ring + 1 < ringStart.length; ring++) segmentCount += Math.max(0, (ringStart[ring + 1] ?? 0) - (ringStart[ring] ?? 0) - 1);
  const quads: SegmentQuads = {
    segmentCount,
    segmentFeature: new Uint32Array(segmentCount),
    vertexStarts: new Uint32Array(segmentCount + 1),
    corners: new Float32Array(segmentCount * 8),
    sourcePositions: new Float32Array(segmentCount * 8),
    targetPositions: new Float32Array(segmentCount * 8),
    indices: new Uint32Array(segmentCount * 6),
  };
  let segment = 0;
  let part = 0;
  for (let ring = 0; ring + 1 < ringStart.length; ring++) {
    const first = ringStart[ring] ?? 0;
    const end = ringStart[ring + 1] ?? 0;
    while (part + 1 < partStart.length && (partStart[part + 1] ?? 0) <= first) part++;
    for (let vertex = first; vertex + 1 < end; vertex++, segment++) {
      quads.segmentFeature[segment] = partFeature[part] ?? 0;
      quads.vertexStarts[segment + 1] = 4 * (segment + 1);
      for (let corner = 0; corner < 4; corner++) {
        const at = 8 * segment + 2 * corner;
        quads.corners[at] = CORNERS[2 * corner] ?? 0;
        quads.corners[at + 1] = CORNERS[2 * corner + 1] ?? 0;
        quads.sourcePositions[at] = positions[2 * vertex] ?? 0;
        quads.sourcePositions[at + 1] = positions[2 * vertex + 1] ?? 0;
        quads.targetPositions[at] = positions[2 * vertex + 2] ?? 0;
        quads.targetPositions[at + 1] = positions[2 * vertex + 3] ?? 0;
      }
      for (let index = 0; index < 6; index++) quads.indices[6 * segment + index] = 4 * segment + (TRIANGLES[index] ?? 0);
    }
  }
  return quads;
}
