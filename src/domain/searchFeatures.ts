import type { PlanFeature } from './planFeature';

export interface SearchableLayer {
  layerId: string;
  features: readonly PlanFeature[];
}

export interface SearchHit {
  layerId: string;
  feature: PlanFeature;
}

function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Finds projects whose name or id contains the query, ignoring case, width (full-width digits
 * typed on a Chinese keyboard) and spaces. Exact id matches come first, then name prefixes.
 */
export function searchFeatures(layers: readonly SearchableLayer[], query: string, limit = 12): SearchHit[] {
  const needle = normalized(query);
  if (needle.length === 0) return [];
  const ranked: { hit: SearchHit; rank: number }[] = [];
  for (const layer of layers) {
    for (const feature of layer.features) {
      const id = normalized(feature.id);
      const name = normalized(feature.properties.name);
      const rank = id === needle ? 0 : name.startsWith(needle) ? 1 : name.includes(needle) ? 2 : id.includes(needle) ? 3 : -1;
      if (rank >= 0) ranked.push({ hit: { layerId: layer.layerId, feature }, rank });
    }
  }
  ranked.sort((left, right) => left.rank - right.rank);
  return ranked.slice(0, limit).map(({ hit }) => hit);
}
