import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch, type RefObject } from 'react';
import { addDrawnFeature } from '../../domain/edits/addDrawnFeature';
import type { NewFeatureProperties } from '../../domain/edits/addFeature';
import type { AttributeCheck } from '../../domain/edits/attributeSchemaCheck';
import { deleteFeatures } from '../../domain/edits/deleteFeatures';
import { dragVertex } from '../../domain/edits/dragVertex';
import type { SketchEvent } from '../../domain/edits/drawingSketch';
import { moveVertex } from '../../domain/edits/moveVertex';
import { snapPoint } from '../../domain/edits/snapPoint';
import { vertexHandles } from '../../domain/edits/vertexHandles';
import type { GeometryKind, LocalizedText, Manifest } from '../../domain/plan/manifest';
import { EditPointer, type EditMode } from '../../map/EditPointer';
import type { PlanMapController } from '../../map/PlanMapController';
import { translate } from '../messages';
import type { ViewAction } from '../viewReducer';
import type { ViewState } from '../viewState';
import { mapToolReducer, NO_TOOL, type MapTool } from './mapToolReducer';
import { useEditKeys } from './useEditKeys';
import { useSnapIndexes } from './useSnapIndexes';
import type { StaffEditing } from './useStaffEditing';

export interface MapEditing {
  tool: MapTool;
  /** Why the last drag or delete was refused, until the next action. */
  message: LocalizedText | null;
  startDrawing: (layerId: string, kind: GeometryKind) => void;
  sketch: (event: SketchEvent) => void;
  toggleVertices: () => void;
  deleteSelected: () => void;
  /** Adds the finished sketch with the user's attributes, checked by `check` when given; returns why not when refused. */
  describe: (properties: NewFeatureProperties, statusId: string, isoDate: string, check?: AttributeCheck) => LocalizedText | undefined;
  stop: () => void;
  /** The map's click belonged to drawing or a handle, and must not select a feature. */
  capturesClick: () => boolean;
}

interface MapEditingInput {
  manifest: Manifest;
  editing: StaffEditing;
  controllerRef: RefObject<PlanMapController | null>;
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
  enabled: boolean;
}

/** Drawing new features and reshaping one, for editors: the tool state, the map's pointer overlay and the keys. */
export function useMapEditing({ manifest, editing, controllerRef, view, dispatch, enabled }: MapEditingInput): MapEditing {
  const [tool, toolDispatch] = useReducer(mapToolReducer, NO_TOOL);
  const [message, setMessage] = useState<LocalizedText | null>(null);
  const pointerRef = useRef<EditPointer | null>(null);
  const snapIndexes = useSnapIndexes(editing.state.layers, view.hiddenLayerIds);
  const latest = useRef({ editing, tool, view });
  latest.current = { editing, tool, view };
  const selected = view.selected && editing.canEditFeature(view.selected) ? view.selected : null;

  useEffect(() => {
    const controller = controllerRef.current;
    if (!enabled || !controller) return;
    const pointer = new EditPointer(controller, {
      snap: (position, toleranceMeters, exclude) => snapPoint(position, toleranceMeters, snapIndexes(), exclude ? { excludeFeature: exclude } : {}),
      onDrawClick: (position, toleranceMeters) => toolDispatch({ type: 'sketch', event: { type: 'click', position, toleranceMeters } }),
      onDrawFinish: () => toolDispatch({ type: 'sketch', event: { type: 'finish' } }),
      onVertexMoved: (path, position) => {
        const current = latest.current.tool;
        if (current.kind !== 'vertices') return;
        const reason = latest.current.editing.edit(current.layerId, (collection) => moveVertex(collection, current.featureId, path, position));
        setMessage(reason ?? null);
      },
    });
    pointerRef.current = pointer;
    return () => {
      pointer.destroy();
      pointerRef.current = null;
    };
  }, [enabled, controllerRef, snapIndexes]);

  const working = tool.kind === 'vertices' ? editing.state.layers[tool.layerId]?.working : undefined;
  const mode = useMemo((): EditMode => {
    if (tool.kind === 'draw') return { kind: 'draw', sketchKind: tool.sketch.kind, points: tool.sketch.points, refused: tool.sketch.problem !== undefined };
    if (tool.kind === 'describe') return { kind: 'preview', geometry: tool.geometry };
    const feature = tool.kind === 'vertices' ? working?.features.find((candidate) => candidate.id === tool.featureId) : undefined;
    if (tool.kind !== 'vertices' || !working || !feature) return { kind: 'idle' };
    const { layerId, featureId } = tool;
    return { kind: 'vertices', layerId, featureId, handles: vertexHandles(feature.geometry), drag: (path, position) => dragVertex(working, featureId, path, position) };
  }, [tool, working]);
  useEffect(() => {
    pointerRef.current?.setMode(mode);
  }, [mode, enabled]);

  // Handles belong to the selected feature: another selection, or none, ends vertex editing.
  const selectedKey = selected ? `${selected.layerId}/${selected.featureId}` : '';
  useEffect(() => {
    const current = latest.current.tool;
    if (current.kind === 'vertices' && `${current.layerId}/${current.featureId}` !== selectedKey) toolDispatch({ type: 'stop' });
  }, [selectedKey]);
  useEffect(() => {
    if (!enabled) toolDispatch({ type: 'stop' });
  }, [enabled]);

  const startDrawing = useCallback((layerId: string, kind: GeometryKind) => {
    const definition = manifest.layers.find((layer) => layer.id === layerId);
    if (definition?.geometry !== kind) return;
    setMessage(null);
    dispatch({ type: 'select', feature: null });
    // The new feature must be seen as it is drawn, and snapped to its own layer.
    if (latest.current.view.hiddenLayerIds.includes(layerId)) dispatch({ type: 'toggleLayer', layerId });
    toolDispatch({ type: 'startDrawing', layerId, kind });
  }, [manifest, dispatch]);

  const deleteSelected = useCallback(() => {
    if (!selected || !window.confirm(translate(latest.current.view.locale, 'confirmDelete'))) return;
    const reason = editing.edit(selected.layerId, (collection) => deleteFeatures(collection, [selected.featureId]));
    setMessage(reason ?? null);
    if (!reason) dispatch({ type: 'select', feature: null });
  }, [selected, editing, dispatch]);

  const describe = useCallback<MapEditing['describe']>((properties, statusId, isoDate, check) => {
    if (tool.kind !== 'describe') return undefined;
    let addedId: string | undefined;
    const reason = editing.edit(tool.layerId, (collection, layer) => {
      const result = addDrawnFeature(collection, layer, tool.geometry, properties, statusId, isoDate, check);
      if (result.ok) addedId = result.moment.putFeatures[0]?.id;
      return result;
    });
    if (reason) return reason;
    toolDispatch({ type: 'stop' });
    if (addedId) dispatch({ type: 'select', feature: { layerId: tool.layerId, featureId: addedId } });
    return undefined;
  }, [tool, editing, dispatch]);

  const sketch = useCallback((event: SketchEvent) => toolDispatch({ type: 'sketch', event }), []);
  const stop = useCallback(() => toolDispatch({ type: 'stop' }), []);
  const toggleVertices = useCallback(() => {
    setMessage(null);
    if (tool.kind === 'vertices' || !selected) toolDispatch({ type: 'stop' });
    else toolDispatch({ type: 'startVertices', layerId: selected.layerId, featureId: selected.featureId });
  }, [tool.kind, selected]);

  useEditKeys(enabled, {
    onEscape: () => {
      if (tool.kind === 'draw') sketch({ type: 'cancel' });
      else if (tool.kind === 'vertices') stop();
      else return false;
      return true;
    },
    onEnter: () => {
      if (tool.kind !== 'draw') return false;
      sketch({ type: 'finish' });
      return true;
    },
    onBackspace: () => {
      if (tool.kind !== 'draw') return false;
      sketch({ type: 'removeLast' });
      return true;
    },
    onDelete: () => {
      if (tool.kind === 'draw' || tool.kind === 'describe' || !selected) return false;
      deleteSelected();
      return true;
    },
  });

  return {
    tool,
    message,
    startDrawing,
    sketch,
    toggleVertices,
    deleteSelected,
    describe,
    stop,
    capturesClick: () => pointerRef.current?.capturesClick() ?? false,
  };
}
