/** Texts joined by " · ", empty ones left out: a point layer's measure is '' and must leave no dangling separator. */
export function joinShown(...texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join(' · ');
}
