/** What search reads of a layer: ids and names, in feature order. */
export interface SearchableLayer {
  layerId: string;
  ids: readonly string[];
  names: readonly string[];
}

export interface SearchHit {
  layerId: string;
  featureId: string;
  name: string;
}

/** What search compares: NFKC (full-width to half-width), lower case, no spaces. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Normalized once per list: typing then costs a scan of plain strings. */
const normalizedCache = new WeakMap<readonly string[], string[]>();

function normalizedAll(texts: readonly string[]): string[] {
  let result = normalizedCache.get(texts);
  if (!result) {
    result = texts.map(searchKey);
    normalizedCache.set(texts, result);
  }
  return result;
}

/**
 * Finds projects whose name or id contains the query, ignoring case, width (full-width digits
 * typed on a Chinese keyboard) and spaces. Exact id matches come first, then name prefixes.
 */
export function searchFeatures(layers: readonly SearchableLayer[], query: string, limit = 12): SearchHit[] {
  const needle = searchKey(query);
  if (needle.length === 0) return [];
  const ranked: { hit: SearchHit; rank: number }[] = [];
  for (const layer of layers) {
    const ids = normalizedAll(layer.ids);
    const names = normalizedAll(layer.names);
    ids.forEach((id, index) => {
      const name = names[index] ?? '';
      const rank = id === needle ? 0 : name.startsWith(needle) ? 1 : name.includes(needle) ? 2 : id.includes(needle) ? 3 : -1;
      if (rank >= 0) ranked.push({ hit: { layerId: layer.layerId, featureId: layer.ids[index] ?? '', name: layer.names[index] ?? '' }, rank });
    });
  }
  ranked.sort((left, right) => left.rank - right.rank);
  return ranked.slice(0, limit).map(({ hit }) => hit);
}
