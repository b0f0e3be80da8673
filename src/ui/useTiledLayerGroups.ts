import { useEffect, useMemo, useState } from 'react';
import { fetchLayerGroups } from '../data/fetchLayerGroups';
import type { LayerGroups } from '../domain/progress/layerGroups';
import type { TiledLayerGroups } from '../domain/progress/districtStats';
import type { TiledLayers } from './useGeodata';

interface Fetched {
  /** The layer's version and the day the groups are for. */
  key: string;
  counted: LayerGroups;
}

const NO_GROUPS: TiledLayerGroups = new Map();

/**
 * The database's groups of each tiled layer on `asOfDate`, read again when the day changes or a
 * save gives the layer a new version. While a new day's groups are on their way the last ones
 * stay shown (marked `stale`), so the panels do not fall to zero on every timeline step.
 */
export function useTiledLayerGroups(tiled: TiledLayers, asOfDate: string): { groups: TiledLayerGroups; stale: boolean } {
  const [fetched, setFetched] = useState<ReadonlyMap<string, Fetched>>(new Map());
  const wanted = [...tiled.ids].map((layerId) => ({ layerId, key: `${tiled.versions[layerId] ?? ''}|${asOfDate}` }));
  const wantedKey = wanted.map(({ layerId, key }) => `${layerId}=${key}`).join(',');
  useEffect(() => {
    if (wanted.length === 0) return undefined;
    const controller = new AbortController();
    const apiBaseUrl = new URL('api/', document.baseURI).href;
    for (const { layerId, key } of wanted) {
      void fetchLayerGroups(apiBaseUrl, layerId, asOfDate, controller.signal)
        .then((counted) => setFetched((shown) => new Map(shown).set(layerId, { key, counted })))
        // Unreadable now (offline, the server restarting): the next day or save asks again.
        .catch(() => undefined);
    }
    return () => controller.abort();
    // wantedKey names every input of the requests.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedKey]);
  // One Map per answer, so the statistics built on it are computed once per answer.
  return useMemo(() => {
    if (wanted.length === 0) return { groups: NO_GROUPS, stale: false };
    const groups = new Map<string, LayerGroups>();
    let stale = false;
    for (const { layerId, key } of wanted) {
      const found = fetched.get(layerId);
      if (found) groups.set(layerId, found.counted);
      if (found?.key !== key) stale = true;
    }
    return { groups, stale };
    // wantedKey names every input of `wanted`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetched, wantedKey]);
}
