import { useEffect, useState } from 'react';
import type { Manifest } from '../domain/manifest';
import type { MeasuredLayer } from '../domain/measuredLayer';
import { fetchGeodata, type LoadedGeodata } from '../data/fetchGeodata';

export type GeodataState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; manifest: Manifest; layers: MeasuredLayer[]; tour: LoadedGeodata['tour'] };

/** Marked when every layer is parsed and measured, ready to draw. */
export const GEODATA_READY_MARK = 'plan-map:geodata-ready';

/** Loads the manifest and every layer once, measuring each feature a single time. */
export function useGeodata(): GeodataState {
  const [state, setState] = useState<GeodataState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchGeodata(new URL('geodata/', document.baseURI).href, controller.signal)
      .then(({ manifest, layers, tour }) => {
        performance.mark(GEODATA_READY_MARK);
        setState({ status: 'ready', manifest, layers, tour });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, []);
  return state;
}
