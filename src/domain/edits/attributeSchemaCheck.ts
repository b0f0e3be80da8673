import type { LayerDefinition, LocalizedText } from '../plan/manifest';
import type { GeodataValidator } from '../plan/schemaValidation';
import { fieldOfPath } from '../validation/attributeProblemText';

/** A feature as a form would make it: it may still lack what the rules require. */
export interface FeatureToCheck {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Readonly<Record<string, unknown>>;
}

/** What is wrong with each property of a feature, keyed by property; empty when nothing is. */
export type AttributeCheck = (feature: FeatureToCheck) => ReadonlyMap<string, LocalizedText>;

/**
 * The attribute rules the server applies on save (the layer's JSON Schema and the lifecycle
 * consistency rules, src/domain/schemaValidation), applied to one feature while it is edited,
 * so a form can say at once what the save would refuse. Messages name the field by its label.
 */
export function attributeSchemaCheck(validator: GeodataValidator, layer: LayerDefinition): AttributeCheck {
  // The validator reads the lifecycle from a manifest; this layer's own is all it needs.
  const manifest = { layers: [layer] };
  return (feature) => {
    const problems = new Map<string, LocalizedText>();
    const collection = { type: 'FeatureCollection', features: [feature] };
    for (const problem of validator.validateLayer(layer.id, collection, manifest, layer)) {
      const field = fieldOfPath(problem.path);
      if (!field || problems.has(field.property)) continue;
      problems.set(field.property, problem.message);
    }
    return problems;
  };
}

/** The JSON types the layer's schema allows for a feature property, e.g. ["integer"]; empty when it says nothing. */
export function attributeSchemaTypes(layerSchema: unknown, property: string): string[] {
  const path = ['properties', 'features', 'items', 'properties', 'properties', 'properties', property, 'type'];
  let node: unknown = layerSchema;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, step)) return [];
    node = (node as Record<string, unknown>)[step];
  }
  if (typeof node === 'string') return [node];
  return Array.isArray(node) ? node.filter((type): type is string => typeof type === 'string') : [];
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The value a form field's text stands for: nothing when blank (the attribute is removed), a
 * number where the schema wants one (or the field held one) and the text reads as one, else the
 * text, which the schema check then names as the wrong type.
 */
export function attributeValueFromText(text: string, schemaTypes: readonly string[], original: unknown): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const wantsNumber = schemaTypes.includes('number') || schemaTypes.includes('integer') || (schemaTypes.length === 0 && typeof original === 'number');
  if (wantsNumber && !schemaTypes.includes('string') && NUMBER_TEXT.test(trimmed)) return Number(trimmed);
  return text;
}
