import { useEffect, useMemo, useState } from 'react';
import { fetchDistrictExtent } from '../../data/fetchDistrictExtent';
import type { LayerDefinition, Manifest } from '../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import { checkPlausibility, type PlausibilityReport } from '../../domain/plausibility/checkPlausibility';
import type { DistrictExtent } from '../../domain/plausibility/districtExtent';

/**
 * The plausibility check of an import as the server will make it on save (src/domain/plausibility):
 * the file's features against the district boundary the map draws, and the layer as saved
 * against what the import makes of it. Undefined until the boundary has arrived.
 */
export function useImportPlausibility(
  manifest: Manifest,
  definition: LayerDefinition | undefined,
  saved: PlanFeatureCollection | undefined,
  imported: PlanFeatureCollection | undefined,
  candidate: PlanFeatureCollection | undefined,
): PlausibilityReport | undefined {
  const [district, setDistrict] = useState<DistrictExtent | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    void fetchDistrictExtent(new URL('geodata/basemap/', document.baseURI).href, manifest.district.bounds, controller.signal).then(setDistrict, () => undefined);
    return () => controller.abort();
  }, [manifest]);
  return useMemo(() => (
    district && definition && saved && imported && candidate
      ? checkPlausibility({ layer: definition, district, incoming: imported.features, saved: saved.features, result: candidate.features })
      : undefined
  ), [district, definition, saved, imported, candidate]);
}
