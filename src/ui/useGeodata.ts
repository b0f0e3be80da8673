import { useEffect, useState } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { fetchFeatureTexts, fetchLayers, fetchManifest, type LoadedGeodata, type LoadedVersions } from '../data/fetchGeodata';
import { FIRST_FULL_RENDER_MARK } from '../map/firstFullRenderMark';
import { whenMarked } from './whenMarked';
import { openLayerEventStream } from '../data/layerEventStream';

export type GeodataState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      manifest: Manifest;
      /** Empty until every layer has arrived: the map and its basemap open meanwhile. */
      layers: MeasuredLayer[];
      layersLoaded: boolean;
      /** The version of the file each layer was read from (live updates start from it). */
      layerVersions: LoadedVersions;
      tour: LoadedGeodata['tour'];
      /** Layers drawn from the server's vector tiles, and the version each was last announced at (a save redraws it). */
      tiled: TiledLayers;
    };

export interface TiledLayers {
  ids: ReadonlySet<string>;
  /** By layer id: the newest version the server announced since the page opened ('' before). */
  versions: Readonly<Record<string, string>>;
}

const NO_TILED_LAYERS: TiledLayers = { ids: new Set(), versions: {} };

/** Marked when every layer is parsed and measured, ready to draw. */
export const GEODATA_READY_MARK = 'plan-map:geodata-ready';
/** Marked when every layer's features (properties, GeoJSON geometry) are on the page too. */
export const FEATURES_READY_MARK = 'plan-map:features-ready';

/**
 * The features' text waits for the map's first full render (a screen that never settles, a
 * kiosk tour, waits this long at most): fetched while the basemap loads, 40 MB of text at 75k
 * features took CPU from the first frames (npm run bench: first full render 2.90 s → 3.07 s).
 */
const FEATURE_TEXT_AFTER_MS = 4000;

const NO_LAYERS: MeasuredLayer[] = [];

/** Waits, then tries again: 1 s, 2 s, 4 s … up to 30 s between tries, until it works or the page moves on. */
async function retried<T>(attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) throw error;
      const waitMs = Math.min(30_000, 1000 * 2 ** failures);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the manifest first, so the map can open on the district while the load worker prepares
 * the layers (measuring each feature a single time); then the layers, all at once; then, for
 * layers the server prepared, their features once the map is drawn.
 */
export function useGeodata(): GeodataState {
  const [state, setState] = useState<GeodataState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const baseUrl = new URL('geodata/', document.baseURI).href;
    let stopFollowing: (() => void) | undefined;
    let generation = 0;
    const fail = (error: unknown) => {
      if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
    };
    /** The first load opens the map early; a reload (the plan changed) keeps the map as it is until the new plan's layers are ready. */
    const load = async (reload: boolean): Promise<void> => {
      const mine = (generation += 1);
      const current = () => !controller.signal.aborted && mine === generation;
      const { manifest, tour, layerPartsServed, eventsServed, tiledLayerIds } = await fetchManifest(baseUrl, controller.signal);
      const tiled = tiledLayerIds.size === 0 ? NO_TILED_LAYERS : { ids: tiledLayerIds, versions: {} };
      if (!reload) setState({ status: 'ready', manifest, tour, layers: NO_LAYERS, layersLoaded: false, layerVersions: {}, tiled });
      const { layers, pendingFeatureTexts, versions } = await fetchLayers(manifest, baseUrl, controller.signal, layerPartsServed, tiledLayerIds);
      if (!current()) return;
      if (!reload) performance.mark(GEODATA_READY_MARK);
      setState({ status: 'ready', manifest, tour, layers, layersLoaded: true, layerVersions: versions, tiled });
      if (eventsServed && !stopFollowing) {
        // Every page, signed in or not, shows the plan as it is now: targets, periods, labels and colours.
        const reloadPlan = () => void load(true).catch(() => undefined);
        stopFollowing = openLayerEventStream(new URL('api/events', document.baseURI).href, {
          // A tiled layer's tiles and statistics are read again; other layers are followed by the staff's live updates.
          onLayer: (change) => setState((shown) => (shown.status === 'ready' && shown.tiled.ids.has(change.layer)
            ? { ...shown, tiled: { ...shown.tiled, versions: { ...shown.tiled.versions, [change.layer]: change.version } } }
            : shown)),
          onDocument: (change) => { if (change.document === 'layers.json') reloadPlan(); },
          onOpen: (reconnected) => { if (reconnected) reloadPlan(); },
        });
      }
      if (pendingFeatureTexts.length > 0) {
        await whenMarked(FIRST_FULL_RENDER_MARK, FEATURE_TEXT_AFTER_MS, controller.signal);
        // Each layer's text on its own, retried: a failed fetch must not take down a map that works.
        await Promise.all(pendingFeatureTexts.map(async (pending) => {
          const arrived = await retried(() => fetchFeatureTexts([pending], controller.signal), controller.signal);
          const withText = new Map(arrived.layers.map((layer) => [layer.definition.id, layer]));
          if (!current()) return;
          setState((shown) => (shown.status === 'ready'
            ? { ...shown, layers: shown.layers.map((layer) => withText.get(layer.definition.id) ?? layer), layerVersions: { ...shown.layerVersions, ...arrived.versions } }
            : shown));
        }));
      }
      if (!reload && !controller.signal.aborted) performance.mark(FEATURES_READY_MARK);
    };
    load(false).catch(fail);
    return () => {
      controller.abort();
      stopFollowing?.();
    };
  }, []);
  return state;
}
