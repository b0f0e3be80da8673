import type { NewFeatureProperties } from '../../domain/edits/addFeature';
import { attributeValueFromText } from '../../domain/edits/attributeSchemaCheck';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';

/**
 * The form's fields as the properties of a new feature: empty fields are left out, and an
 * attribute the layer's schema stores as a number (households, widths) is given as a number.
 * Without the schema (`typesOf` knows nothing), a neighbour holding a number decides, so the new
 * feature still matches the rest of its layer.
 */
export function newFeatureProperties(
  texts: Readonly<Record<string, string>>,
  definition: LayerDefinition,
  existing: readonly PlanFeature[],
  typesOf: (property: string) => string[],
): NewFeatureProperties {
  const properties: NewFeatureProperties = { name: (texts.name ?? '').trim() };
  for (const { property } of definition.attributes ?? []) {
    const sample = existing.find((feature) => feature.properties[property] !== undefined)?.properties[property];
    const value = attributeValueFromText(texts[property] ?? '', typesOf(property), sample);
    if (value !== undefined) properties[property] = value;
  }
  return properties;
}
