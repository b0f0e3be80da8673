import { sketchReducer, startSketch, type SketchEvent, type SketchState } from '../../domain/edits/drawingSketch';
import type { GeometryKind } from '../../domain/plan/manifest';
import type { PlanGeometry } from '../../domain/plan/planFeature';

/** What an editor is doing on the map, besides browsing. */
export type MapTool =
  | { kind: 'none' }
  | { kind: 'draw'; layerId: string; sketch: Extract<SketchState, { phase: 'drawing' }> }
  /** A finished sketch waiting for its name, attributes and status. */
  | { kind: 'describe'; layerId: string; geometry: PlanGeometry }
  | { kind: 'vertices'; layerId: string; featureId: string };

export type MapToolAction =
  | { type: 'startDrawing'; layerId: string; kind: GeometryKind }
  | { type: 'sketch'; event: SketchEvent }
  | { type: 'startVertices'; layerId: string; featureId: string }
  | { type: 'stop' };

export const NO_TOOL: MapTool = { kind: 'none' };

export function mapToolReducer(tool: MapTool, action: MapToolAction): MapTool {
  switch (action.type) {
    case 'startDrawing': {
      const sketch = startSketch(action.kind);
      return sketch.phase === 'drawing' ? { kind: 'draw', layerId: action.layerId, sketch } : tool;
    }
    case 'sketch': {
      if (tool.kind !== 'draw') return tool;
      const next = sketchReducer(tool.sketch, action.event);
      if (next === tool.sketch) return tool;
      if (next.phase === 'finished') return { kind: 'describe', layerId: tool.layerId, geometry: next.geometry };
      if (next.phase === 'cancelled') return NO_TOOL;
      return { ...tool, sketch: next };
    }
    case 'startVertices':
      return { kind: 'vertices', layerId: action.layerId, featureId: action.featureId };
    case 'stop':
      return NO_TOOL;
  }
}
