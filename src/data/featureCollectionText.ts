/**
 * A FeatureCollection as text, one feature per line: small diffs in git, and still readable in a
 * text editor. Key order is the objects' own, so a file read and written again keeps its bytes.
 */
export function featureCollectionText(features: readonly unknown[]): string {
  const lines = features.map((feature) => JSON.stringify(feature));
  return `{\n"type": "FeatureCollection",\n"features": [\n${lines.join(',\n')}\n]\n}\n`;
}
