import type { PlanFeatureCollection } from '../../../src/domain/plan/planFeature';

export function parseCollection(text: string): PlanFeatureCollection {
  return JSON.parse(text) as PlanFeatureCollection;
}

/** The layer text with one feature's property set, as an editor would after changing a form field. */
export function withProperty(text: string, featureId: string, key: string, value: unknown): string {
  const collection = parseCollection(text);
  const feature = collection.features.find((candidate) => candidate.id === featureId);
  if (!feature) throw new Error(`no feature ${featureId}`);
  feature.properties[key] = value;
  return JSON.stringify(collection);
}

export function featureIds(text: string): string[] {
  return parseCollection(text).features.map((feature) => feature.id);
}

/** Every feature gets the same note: a second, larger version of the layer, valid like the first. */
export function withNoteOnEveryFeature(text: string): string {
  const collection = parseCollection(text);
  for (const feature of collection.features) feature.properties.note = '现场核查后更新 updated after a site visit';
  return JSON.stringify(collection);
}
