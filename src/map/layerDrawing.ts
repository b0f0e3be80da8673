import type { MeasuredLayer } from '../domain/measuredLayer';
import { geometryColumns, type GeometryColumns } from '../domain/geometryColumns';

/**
 * A layer's geometry as the GPU takes it, plus per-vertex lookups for the edge layers (outlines,
 * roads): an edge runs from vertex i to vertex i + 1 unless vertex i ends its ring or path.
 */
export interface LayerDrawing {
  geometry: GeometryColumns;
  /** The feature index of every vertex. */
  vertexFeature: Uint32Array;
  /** 1 where vertex i and vertex i + 1 form an edge of the same ring or path. */
  edgeValid: Uint8Array;
  /** deck.gl's binary polygon input: parts by vertex start, triangles given, so nothing is tessellated on the page. */
  polygonData: { length: number; startIndices: Uint32Array; attributes: Record<string, unknown> };
  /**
   * Segments from vertex i to vertex i + 1, read from the same position array with an offset
   * (no copy). The same object every time: deck.gl rebuilds every attribute on new data.
   */
  edgeData: { length: number; attributes: Record<string, unknown> };
}

const cache = new WeakMap<MeasuredLayer, LayerDrawing>();

function vertexFeatureOf(geometry: GeometryColumns): Uint32Array {
  const vertexFeature = new Uint32Array(geometry.vertexCount);
  for (let part = 0; part < geometry.partCount; part++) {
    vertexFeature.fill(geometry.partFeature[part] ?? 0, geometry.partStart[part], geometry.partStart[part + 1]);
  }
  return vertexFeature;
}

function edgeValidOf(geometry: GeometryColumns): Uint8Array {
  const edgeValid = new Uint8Array(Math.max(0, geometry.vertexCount - 1)).fill(1);
  // The last vertex of each ring (or path) starts no edge: the next vertex begins another ring.
  for (let ring = 1; ring < geometry.ringStart.length; ring++) {
    const last = (geometry.ringStart[ring] ?? 0) - 1;
    if (last >= 0 && last < edgeValid.length) edgeValid[last] = 0;
  }
  return edgeValid;
}

/** Built once per layer object: from the load worker's arrays, or from the features (edited layers). */
export function layerDrawing(layer: MeasuredLayer): LayerDrawing {
  let drawing = cache.get(layer);
  if (!drawing) {
    const geometry = layer.geometry ?? geometryColumns(layer.features, layer.definition.geometry === 'line' ? 'line' : 'polygon');
    drawing = {
      geometry,
      vertexFeature: vertexFeatureOf(geometry),
      edgeValid: edgeValidOf(geometry),
      polygonData: {
        length: geometry.partCount,
        startIndices: geometry.partStart,
        attributes: { getPolygon: { value: geometry.positions, size: 2 }, indices: geometry.triangles },
      },
      edgeData: {
        length: Math.max(0, geometry.vertexCount - 1),
        attributes: {
          getSourcePosition: { value: geometry.positions, size: 2, stride: 8, offset: 0 },
          getTargetPosition: { value: geometry.positions, size: 2, stride: 8, offset: 8 },
        },
      },
    };
    cache.set(layer, drawing);
  }
  return drawing;
}
