import { useEffect, useState } from 'react';
import { fetchTiledProject, type TiledProject } from '../data/fetchTiledProject';
import type { Manifest } from '../domain/plan/manifest';
import type { FeatureRef } from '../map/PlanMapController';
import type { TiledLayers } from './useGeodata';

/**
 * The selected project of a tiled layer, as a layer of one read from the server (its stored
 * feature and measures) with its version, for the details card and its editor; null while it loads, when nothing of a tiled
 * layer is selected, or when the project is gone. Read again after a save to its layer.
 */
export function useTiledProject(manifest: Manifest, tiled: TiledLayers, selected: FeatureRef | null): TiledProject | null {
  const [loaded, setLoaded] = useState<{ project: string; key: string; found: TiledProject | null } | null>(null);
  const definition = selected && tiled.ids.has(selected.layerId) ? manifest.layers.find((layer) => layer.id === selected.layerId) : undefined;
  const project = selected ? `${selected.layerId}/${selected.featureId}` : '';
  const key = definition ? `${project}@${tiled.versions[definition.id] ?? ''}` : null;
  useEffect(() => {
    if (!definition || !selected || key === null) return undefined;
    const controller = new AbortController();
    void fetchTiledProject(new URL('api/', document.baseURI).href, definition, selected.featureId, controller.signal)
      .then((found) => setLoaded({ project, key, found }))
      // Unreadable now: the card stays closed; choosing the project again asks again.
      .catch(() => undefined);
    return () => controller.abort();
    // key names every input of the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // After a save the card keeps the project as it was until its new version arrives.
  return key !== null && loaded?.project === project ? loaded.found : null;
}
