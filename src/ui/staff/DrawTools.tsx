import { useState } from 'react';
import type { Manifest } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';
import { SketchPanel } from './SketchPanel';
import type { MapEditing } from './useMapEditing';
import type { StaffEditing } from './useStaffEditing';

interface DrawToolsProps {
  manifest: Manifest;
  editing: StaffEditing;
  mapEditing: MapEditing;
  /** The selected feature, when the editor may change it. */
  selected: { layerId: string; featureId: string } | null;
}

/** The edit bar's drawing part: a target layer, draw buttons for its geometry, and the selected feature's vertex and delete tools. */
export function DrawTools({ manifest, editing, mapEditing, selected }: DrawToolsProps) {
  const t = useTranslation();
  const editable = manifest.layers.filter((layer) => editing.canEdit(layer.id));
  const [layerId, setLayerId] = useState<string | null>(null);
  const target = editable.find((layer) => layer.id === layerId) ?? editable[0];
  const { tool } = mapEditing;
  const drawing = tool.kind === 'draw' ? manifest.layers.find((layer) => layer.id === tool.layerId) : undefined;
  const selectedGeometry = manifest.layers.find((layer) => layer.id === selected?.layerId)?.geometry;
  if (!target) return null;
  const busy = tool.kind === 'draw' || tool.kind === 'describe';
  return (
    <div className="draw-tools">
      <div className="edit-bar-row">
        <label className="draw-target">
          {t('drawTarget')}
          <select name="drawLayer" value={target.id} disabled={busy} onChange={(event) => setLayerId(event.target.value)}>
            {editable.map((layer) => <option key={layer.id} value={layer.id}>{t.text(layer.name)}</option>)}
          </select>
        </label>
        <button type="button" className="draw-polygon" disabled={busy || target.geometry !== 'polygon'} onClick={() => mapEditing.startDrawing(target.id, 'polygon')}>{t('drawPolygon')}</button>
        <button type="button" className="draw-line" disabled={busy || target.geometry !== 'line'} onClick={() => mapEditing.startDrawing(target.id, 'line')}>{t('drawLine')}</button>
        <button type="button" className="draw-point" disabled={busy || target.geometry !== 'point'} onClick={() => mapEditing.startDrawing(target.id, 'point')}>{t('drawPoint')}</button>
      </div>
      {selected && !busy && (
        <div className="edit-bar-row">
          <button
            type="button"
            className={tool.kind === 'vertices' ? 'edit-vertices is-active' : 'edit-vertices'}
            aria-pressed={tool.kind === 'vertices'}
            onClick={mapEditing.toggleVertices}
          >
            {t(selectedGeometry === 'point' ? 'movePoint' : 'editVertices')}
          </button>
          <button type="button" className="button-danger delete-selected" onClick={mapEditing.deleteSelected}>{t('deleteSelected')}</button>
        </div>
      )}
      {tool.kind === 'vertices' && <p className="muted vertices-hint">{t('verticesHint')}</p>}
      {tool.kind === 'draw' && drawing && <SketchPanel definition={drawing} sketch={tool.sketch} onEvent={mapEditing.sketch} />}
      {mapEditing.message && <p className="form-error" role="alert">{t.text(mapEditing.message)}</p>}
    </div>
  );
}
