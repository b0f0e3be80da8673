import { useEffect, useState } from 'react';
import { fetchLayerSearch } from '../data/fetchLayerSearch';
import type { SearchHit } from '../domain/browse/searchFeatures';

/** Typing settles this long before the server is asked: a search of a million projects takes it a moment. */
const TYPING_PAUSE_MS = 250;

const NO_HITS: SearchHit[] = [];

/** The server's hits in the tiled layers for `query`, once typing pauses; the last answer's hits while a new one is on its way. */
export function useTiledSearch(tiledLayerIds: ReadonlySet<string>, query: string): SearchHit[] {
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: NO_HITS });
  const layerKey = [...tiledLayerIds].join(',');
  useEffect(() => {
    if (layerKey === '' || query.trim() === '') return undefined;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const apiBaseUrl = new URL('api/', document.baseURI).href;
      void Promise.all(layerKey.split(',').map((layerId) => fetchLayerSearch(apiBaseUrl, layerId, query, controller.signal).catch(() => NO_HITS)))
        .then((perLayer) => { if (!controller.signal.aborted) setFound({ query, hits: perLayer.flat() }); });
    }, TYPING_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [layerKey, query]);
  return query.trim() === '' || layerKey === '' ? NO_HITS : found.hits;
}
