/** Writes FeatureCollections one feature per line, in the format the server also saves. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { featureCollectionText } from '../../src/data/featureCollectionText';

export { featureCollectionText };

export function writeFeatureCollection(path: string, features: readonly unknown[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, featureCollectionText(features));
}
