import { useEffect, useState } from 'react';
import type { Manifest } from '../domain/manifest';
import type { MeasuredLayer } from '../domain/measuredLayer';
import { fetchLayers, fetchManifest, type LoadedGeodata } from '../data/fetchGeodata';

export type GeodataState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      manifest: Manifest;
      /** Empty until every layer has arrived: the map and its basemap open meanwhile. */
      layers: MeasuredLayer[];
      layersLoaded: boolean;
      tour: LoadedGeodata['tour'];
    };

/** Marked when every layer is parsed and measured, ready to draw. */
export const GEODATA_READY_MARK = 'plan-map:geodata-ready';

const NO_LAYERS: MeasuredLayer[] = [];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the manifest first, so the map can open on the district while the load worker prepares
 * the layers (measuring each feature a single time); then the layers, all at once.
 */
export function useGeodata(): GeodataState {
  const [state, setState] = useState<GeodataState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const baseUrl = new URL('geodata/', document.baseURI).href;
    const fail = (error: unknown) => {
      if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
    };
    fetchManifest(baseUrl, controller.signal)
      .then(({ manifest, tour, layerPartsServed }) => {
        setState({ status: 'ready', manifest, tour, layers: NO_LAYERS, layersLoaded: false });
        return fetchLayers(manifest, baseUrl, controller.signal, layerPartsServed).then((layers) => {
          performance.mark(GEODATA_READY_MARK);
          setState({ status: 'ready', manifest, tour, layers, layersLoaded: true });
        });
      })
      .catch(fail);
    return () => controller.abort();
  }, []);
  return state;
}
