import { layerNamedInFileName } from '../../domain/import/layerNamedInFileName';
import type { Manifest } from '../../domain/plan/manifest';
import type { ViewState } from '../viewState';

/** The layer an import panel opens on, and why, so the panel can say so. */
export type ImportTarget =
  | { layerId: string; reason: 'file-name'; matched: string }
  | { layerId: string; reason: 'in-view' | 'first' };

/**
 * The layer the user is looking at: the layer of the project open in the details card, else the
 * only layer switched on. With several layers on and nothing open there is no telling.
 */
export function layerInViewOf(manifest: Manifest, view: Pick<ViewState, 'selected' | 'hiddenLayerIds'>): string | null {
  if (view.selected && manifest.layers.some((layer) => layer.id === view.selected?.layerId)) return view.selected.layerId;
  const shown = manifest.layers.filter((layer) => !view.hiddenLayerIds.includes(layer.id));
  return shown.length === 1 && shown[0] ? shown[0].id : null;
}

/** What the file's name suggests first (it says what the file is), else the layer in view, else the first. */
export function initialImportTarget(fileName: string, manifest: Manifest, inView: string | null): ImportTarget {
  const named = layerNamedInFileName(fileName, manifest.layers);
  if (named) return { layerId: named.layerId, reason: 'file-name', matched: named.matched };
  if (inView) return { layerId: inView, reason: 'in-view' };
  return { layerId: manifest.layers[0]?.id ?? '', reason: 'first' };
}
