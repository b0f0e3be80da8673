import { useEffect, useState } from 'react';
import type { LayerVersion } from '../../domain/versions/layerVersion';
import type { PlanMapApi } from '../../data/planMapApi';

/**
 * The kept version a layer's ETag names (who saved it, when, or that it came from disk), from the
 * version list: a 412 answer names only the version. Undefined while loading or when not kept.
 */
export function useServerVersion(api: PlanMapApi | undefined, layerId: string, etag: string): LayerVersion | undefined {
  const [version, setVersion] = useState<LayerVersion | undefined>();
  useEffect(() => {
    if (!api) return;
    let live = true;
    const wanted = etag.replace(/^W\//, '').replaceAll('"', '');
    void api.versions(layerId).then((versions) => {
      if (live) setVersion(versions?.find((candidate) => candidate.version === wanted) ?? versions?.find((candidate) => candidate.current));
    }).catch(() => undefined);
    return () => { live = false; };
  }, [api, layerId, etag]);
  return version;
}
