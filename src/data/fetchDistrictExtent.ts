import type { Bounds } from '../domain/measure/featureBounds';
import { districtBoundaryIn, districtExtentOf, districtExtentOfBounds, type DistrictExtent } from '../domain/plausibility/districtExtent';

/**
 * The district as the plausibility check measures it, from the basemap's district.geojson under
 * `basemapUrl` (as the map draws it); the manifest's `bounds` when it cannot be had.
 */
export async function fetchDistrictExtent(basemapUrl: string, bounds: Bounds, signal?: AbortSignal): Promise<DistrictExtent> {
  try {
    const response = await fetch(new URL('district.geojson', basemapUrl.endsWith('/') ? basemapUrl : `${basemapUrl}/`).href, { signal });
    const boundary = response.ok ? districtBoundaryIn(await response.json()) : undefined;
    if (boundary) return districtExtentOf(boundary);
  } catch (error) {
    if (signal?.aborted) throw error;
  }
  return districtExtentOfBounds(bounds);
}
