/** The fixture layers of the edit tests, read fresh for each test, and the real layer definitions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerDefinition, Manifest } from '../../../../src/domain/plan/manifest';
import type { PlanFeature, PlanFeatureCollection } from '../../../../src/domain/plan/planFeature';
import type { EditResult } from '../../../../src/domain/edits/editResult';
import type { Moment } from '../../../../src/domain/edits/moment';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export function loadFixture(name: 'villages' | 'roads'): PlanFeatureCollection {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'edits', `${name}.geojson`), 'utf8')) as PlanFeatureCollection;
}

export function layerDefinition(id: string): LayerDefinition {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'geodata', 'layers.json'), 'utf8')) as Manifest;
  const layer = manifest.layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no layer ${id} in geodata/layers.json`);
  return layer;
}

export function feature(collection: PlanFeatureCollection, id: string): PlanFeature {
  const found = collection.features.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
}

/** The moment of an edit the test expects to be accepted. */
export function momentOf(result: EditResult): Moment {
  if (!result.ok) throw new Error(`edit refused: ${result.reason.en}`);
  return result.moment;
}

/** The reason of an edit the test expects to be refused. */
export function reasonOf(result: EditResult): { zh: string; en: string } {
  if (result.ok) throw new Error('edit accepted, expected a refusal');
  return result.reason;
}
