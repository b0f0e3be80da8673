import { useMemo } from 'react';
import type { FeatureRef } from '../map/PlanMapController';
import type { Manifest } from '../domain/plan/manifest';
import type { TiledLayerGroups } from '../domain/progress/districtStats';
import type { TiledProject } from '../data/fetchTiledProject';
import type { TiledLayers } from './useGeodata';
import { useTiledLayerGroups } from './useTiledLayerGroups';
import { useTiledProject } from './useTiledProject';
import { useTiledLayerDays } from './useTiledLayerDays';
import type { DayGroup } from '../domain/progress/targetSeriesFromDays';

export interface TiledView {
  /** The database's groups of each tiled layer on the day shown. */
  groups: TiledLayerGroups;
  /** The selected project when it is a tiled layer's, read from the server; null otherwise or while it loads. */
  project: TiledProject | null;
  /** Whether the selection is a tiled layer's project. */
  selectionTiled: boolean;
  /** Each tiled layer's changes per day, for its targets over time. */
  days: ReadonlyMap<string, readonly DayGroup[]>;
  /** The plan without its tiled layers: what staff edit as whole layers. */
  editableManifest: Manifest;
}

/** What the browse screen reads of its tiled layers from the server, in one place. */
export function useTiledView(manifest: Manifest, tiled: TiledLayers, asOfDate: string, selected: FeatureRef | null): TiledView {
  const { groups } = useTiledLayerGroups(tiled, asOfDate);
  const project = useTiledProject(manifest, tiled, selected);
  const days = useTiledLayerDays(tiled);
  const editableManifest = useMemo(() => (tiled.ids.size === 0 ? manifest : { ...manifest, layers: manifest.layers.filter((layer) => !tiled.ids.has(layer.id)) }), [manifest, tiled]);
  return {
    groups,
    project,
    days,
    selectionTiled: selected !== null && tiled.ids.has(selected.layerId),
    editableManifest,
  };
}
