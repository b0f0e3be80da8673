import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { geometryColumns, type GeometryColumns } from '../domain/columns/geometryColumns';
import { segmentQuads, type SegmentQuads } from './segmentQuadLayer/segmentQuads';
import type { PartMesh } from './partMeshLayer/PartMeshLayer';

/** A layer's geometry as the GPU takes it: fills, and outlines or road quads. */
export interface LayerDrawing {
  geometry: GeometryColumns;
  /** One data row per part (the same object every time: deck.gl rebuilds every attribute when `data` is a new object). */
  partRows: { length: number };
  /** Polygon parts with their triangles, as the load worker made them: nothing is tessellated on the page. */
  fills: PartMesh;
  /** The same for the overview geometry (drawn below OVERVIEW_MAX_ZOOM); null for lines. */
  overviewFills: PartMesh | null;
  /**
   * Set once the full-detail fills have been drawn: from then on they stay prepared while the
   * map shows the overview, so zooming back in costs no upload.
   */
  detailDrawn: boolean;
  /** Per deck layer id: the update triggers its attributes were last computed with (planDeckLayers). */
  drawnTriggers: Map<string, unknown[]>;
  /**
   * Paths (roads) as quads for SegmentQuadLayer, and ring edges over the fills' own vertices for
   * outlines: each built the first time it is drawn, then the same objects every time (deck.gl
   * rebuilds every attribute when `data` is a new object).
   */
  segments: () => { rows: { length: number }; quads: SegmentQuads };
  edges: () => PartMesh;
}

function fillsOf(partCount: number, parts: { partStart: Uint32Array; positions: Float32Array; triangles: Uint32Array }): PartMesh {
  return { partCount, partStart: parts.partStart, positions: parts.positions, indices: parts.triangles };
}

/** An edge from vertex i to vertex i + 1 within each ring (the last vertex of a ring starts none). */
function ringEdges(geometry: GeometryColumns): PartMesh {
  const { ringStart } = geometry;
  let edgeCount = 0;
  for (let ring = 0; ring + 1 < ringStart.length; ring++) edgeCount += Math.max(0, (ringStart[ring + 1] ?? 0) - (ringStart[ring] ?? 0) - 1);
  const edges = new Uint32Array(edgeCount * 2);
  let at = 0;
  for (let ring = 0; ring + 1 < ringStart.length; ring++) {
    const end = ringStart[ring + 1] ?? 0;
    for (let vertex = ringStart[ring] ?? 0; vertex + 1 < end; vertex++) {
      edges[at++] = vertex;
      edges[at++] = vertex + 1;
    }
  }
  return { partCount: geometry.partCount, partStart: geometry.partStart, positions: geometry.positions, indices: edges };
}

/**
 * A layer's drawing before anything is drawn: from the load worker's arrays, or from the features
 * (edited layers). A map keeps one per layer (PlanDrawingState).
 */
export function layerDrawing(layer: MeasuredLayer): LayerDrawing {
  const geometry = layer.geometry ?? geometryColumns(layer.features, layer.definition.geometry);
  let segments: ReturnType<LayerDrawing['segments']> | undefined;
  let edges: PartMesh | undefined;
  return {
    geometry,
    partRows: { length: geometry.partCount },
    fills: fillsOf(geometry.partCount, geometry),
    overviewFills: geometry.overview ? fillsOf(geometry.partCount, geometry.overview) : null,
    detailDrawn: false,
    drawnTriggers: new Map(),
    segments: () => {
      if (!segments) {
        const quads = segmentQuads(geometry);
        segments = { rows: { length: quads.segmentCount }, quads };
      }
      return segments;
    },
    edges: () => {
      edges ??= ringEdges(geometry);
      return edges;
    },
  };
}
