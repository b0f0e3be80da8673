import { useMemo } from 'react';
import type { FeatureRef } from '../map/PlanMapController';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { Manifest } from '../domain/plan/manifest';
import type { TiledLayerGroups } from '../domain/progress/districtStats';
import type { TiledProject } from '../data/fetchTiledProject';
import type { TiledLayers } from './useGeodata';
import { useTiledLayerGroups } from './useTiledLayerGroups';
import { useTiledProject } from './useTiledProject';

export interface TiledView {
  /** The database's groups of each tiled layer on the day shown. */
  groups: TiledLayerGroups;
  /** The selected project when it is a tiled layer's, read from the server; null otherwise or while it loads. */
  project: TiledProject | null;
  /** Whether the selection is a tiled layer's project. */
  selectionTiled: boolean;
  /** The plan without its tiled layers: what staff edit as whole layers. */
  editableManifest: Manifest;
}

/** What the browse screen reads of its tiled layers from the server, in one place. */
export function useTiledView(manifest: Manifest, tiled: TiledLayers, asOfDate: string, selected: FeatureRef | null): TiledView {
  const { groups } = useTiledLayerGroups(tiled, asOfDate);
  const project = useTiledProject(manifest, tiled, selected);
  const editableManifest = useMemo(() => (tiled.ids.size === 0 ? manifest : { ...manifest, layers: manifest.layers.filter((layer) => !tiled.ids.has(layer.id)) }), [manifest, tiled]);
  return {
    groups,
    project,
    selectionTiled: selected !== null && tiled.ids.has(selected.layerId),
    editableManifest,
  };
}

/** The layers whose projects are on the page (for charts over time), without the tiled ones' empty stand-ins. */
export function layersOnPage(layers: readonly MeasuredLayer[], tiled: TiledLayers): MeasuredLayer[] {
  return layers.filter((layer) => !tiled.ids.has(layer.definition.id));
}
