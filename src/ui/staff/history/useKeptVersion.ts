import { useEffect, useState } from 'react';
import type { PlanFeatureCollection } from '../../../domain/planFeature';
import { parseLayer } from '../../../data/parseGeodata';
import type { PlanMapApi } from '../../../data/planMapApi';

export type KeptVersion =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; collection: PlanFeatureCollection };

/** One kept version of the layer, read from the server (a version's content never changes, so it is read once). */
export function useKeptVersion(api: PlanMapApi, layerId: string, version: string): KeptVersion {
  const [kept, setKept] = useState<{ version: string; state: KeptVersion }>({ version, state: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    void api.getLayerVersion(layerId, version)
      .then((text): KeptVersion => (text === null ? { status: 'missing' } : { status: 'ready', collection: parseLayer(text, `${layerId}.geojson`) }))
      .catch((): KeptVersion => ({ status: 'missing' }))
      .then((state) => { if (live) setKept({ version, state }); });
    return () => { live = false; };
  }, [api, layerId, version]);
  return kept.version === version ? kept.state : { status: 'loading' };
}
