import { useEffect, useState } from 'react';
import type { PlanFeatureCollection } from '../../../domain/plan/planFeature';
import { parseLayer } from '../../../data/parseGeodata';
import type { PlanMapApi } from '../../../data/planMapApi';

export type KeptVersion =
  /** No version was asked for (the oldest kept version has none before it). */
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; collection: PlanFeatureCollection };

/** One kept version of the layer, read from the server (a version's content never changes, so it is read once). */
export function useKeptVersion(api: PlanMapApi, layerId: string, version: string | null): KeptVersion {
  const [kept, setKept] = useState<{ version: string | null; state: KeptVersion }>({ version, state: { status: 'loading' } });
  useEffect(() => {
    if (version === null) return undefined;
    let live = true;
    void api.getLayerVersion(layerId, version)
      .then((text): KeptVersion => (text === null ? { status: 'missing' } : { status: 'ready', collection: parseLayer(text, `${layerId}.geojson`) }))
      .catch((): KeptVersion => ({ status: 'missing' }))
      .then((state) => { if (live) setKept({ version, state }); });
    return () => { live = false; };
  }, [api, layerId, version]);
  if (version === null) return { status: 'none' };
  return kept.version === version ? kept.state : { status: 'loading' };
}
