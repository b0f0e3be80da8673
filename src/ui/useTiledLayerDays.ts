import { useEffect, useMemo, useState } from 'react';
import { fetchLayerDays } from '../data/fetchLayerDays';
import type { DayGroup } from '../domain/progress/targetSeriesFromDays';
import type { TiledLayers } from './useGeodata';

/** Each tiled layer's changes per day, read once per version of the layer (a save reads them again). */
export function useTiledLayerDays(tiled: TiledLayers): ReadonlyMap<string, readonly DayGroup[]> {
  const [fetched, setFetched] = useState<ReadonlyMap<string, { version: string; days: readonly DayGroup[] }>>(new Map());
  const wanted = [...tiled.ids].map((layerId) => ({ layerId, version: tiled.versions[layerId] ?? '' }));
  const wantedKey = wanted.map(({ layerId, version }) => `${layerId}=${version}`).join(',');
  useEffect(() => {
    if (wanted.length === 0) return undefined;
    const controller = new AbortController();
    const apiBaseUrl = new URL('api/', document.baseURI).href;
    for (const { layerId, version } of wanted) {
      void fetchLayerDays(apiBaseUrl, layerId, controller.signal)
        .then((days) => setFetched((shown) => new Map(shown).set(layerId, { version, days })))
        // Unreadable now: the chart stays away until the next save asks again.
        .catch(() => undefined);
    }
    return () => controller.abort();
    // wantedKey names every input of the requests.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedKey]);
  return useMemo(() => new Map([...fetched].map(([layerId, { days }]) => [layerId, days])), [fetched]);
}
