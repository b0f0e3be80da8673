import { parseLayer } from '../../data/parseGeodata';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';

/**
 * The layer as stored, checked by parseLayer but kept as JSON.parse built it: parseLayer
 * rebuilds each feature with its own key order, and saving that would rewrite every line of
 * the file, burying the one real change in the git diff staff review.
 */
export function parseEditableLayer(text: string, layerId: string): PlanFeatureCollection {
  parseLayer(text, `${layerId}.geojson`);
  const raw: unknown = JSON.parse(text);
  return raw as PlanFeatureCollection;
}
