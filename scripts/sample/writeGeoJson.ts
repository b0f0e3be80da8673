/** Writes FeatureCollections one feature per line: small diffs in git, and still readable. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function featureCollectionText(features: readonly unknown[]): string {
  const lines = features.map((f) => JSON.stringify(f));
  return `{\n"type": "FeatureCollection",\n"features": [\n${lines.join(',\n')}\n]\n}\n`;
}

export function writeFeatureCollection(path: string, features: readonly unknown[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, featureCollectionText(features));
}
