import type { LayerDefinition } from '../plan/manifest';

/** The layer a file's name points to, and the words of the name that did. */
export interface NamedLayer {
  layerId: string;
  /** As written in the file name, to show staff why the layer was chosen. */
  matched: string;
}

/** English words shorter than this name no layer ("new", "of"): they would match anything. */
const MIN_WORD_LETTERS = 4;
/** Two Chinese characters already make a word (绿地, 道路, 小区). */
const MIN_CHINESE_CHARACTERS = 2;

const singular = (word: string): string => (word.length > MIN_WORD_LETTERS && word.endsWith('s') ? word.slice(0, -1) : word);

/** "GreenSpace_2025-绿地.geojson" → ["green", "space", "2025", "绿地"] (lower case, split at case changes and separators). */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** The longest run of characters `text` and `other` share, if it is at least `minimum` long. */
function longestShared(text: string, other: string, minimum: number): string | undefined {
  let best: string | undefined;
  for (let start = 0; start < other.length; start++) {
    for (let end = other.length; end - start >= Math.max(minimum, (best?.length ?? 0) + 1); end--) {
      const piece = other.slice(start, end);
      if (text.includes(piece)) {
        best = piece;
        break;
      }
    }
  }
  return best;
}

interface Candidate {
  layerId: string;
  score: number;
  matched: string;
}

function bestMatch(fileName: string, layer: LayerDefinition): Candidate | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const words = wordsOf(stem);
  const compact = words.join('');
  let best: Candidate | undefined;
  const consider = (score: number, matched: string) => {
    if (!best || score > best.score) best = { layerId: layer.id, score, matched };
  };
  // The id itself, in any spelling: green-space, green_space, GreenSpace.
  const id = wordsOf(layer.id).join('');
  if (id.length >= MIN_WORD_LETTERS && compact.includes(id)) consider(id.length + 1, layer.id);
  const layerWords = [...wordsOf(layer.id), ...wordsOf(layer.name.en)].filter((word) => word.length >= MIN_WORD_LETTERS).map(singular);
  for (const word of words) if (layerWords.includes(singular(word))) consider(word.length, word);
  // Chinese: the longest part of the layer's name the file name contains (城市绿地 → 绿地, 闲置/低效用地 → 闲置).
  const chinese = stem.match(/[\u3400-\u9fff]+/g)?.join(' ') ?? '';
  for (const part of layer.name.zh.split(/[/、，,\s]+/)) {
    const shared = chinese ? longestShared(chinese, part, MIN_CHINESE_CHARACTERS) : undefined;
    // A Chinese character carries about as much as a short English word: weighted so 绿地 outranks "land".
    if (shared) consider(shared.length * 3, shared);
  }
  return best;
}

/**
 * The plan layer a file's name suggests ("绿地.geojson", "greenspace_2025.zip", "green-space.json"),
 * matched against the manifest's layer ids and names; undefined when no layer or more than one
 * fits as well (城市道路 names 城市绿地 as much as 新建道路).
 */
export function layerNamedInFileName(fileName: string, layers: readonly LayerDefinition[]): NamedLayer | undefined {
  const candidates = layers.flatMap((layer) => bestMatch(fileName, layer) ?? []).sort((a, b) => b.score - a.score);
  const [first, second] = candidates;
  if (!first || (second && second.score === first.score)) return undefined;
  return { layerId: first.layerId, matched: first.matched };
}
