import type { NewFeatureProperties } from '../../domain/edits/addFeature';
import type { LayerDefinition } from '../../domain/manifest';
import type { PlanFeature } from '../../domain/planFeature';

/**
 * The form's fields as the properties of a new feature: empty fields are left out, and an
 * attribute the layer stores as numbers (households, widths) is given as a number, so the new
 * feature matches its neighbours and the layer's schema.
 */
export function newFeatureProperties(form: FormData, definition: LayerDefinition, existing: readonly PlanFeature[]): NewFeatureProperties {
  const properties: NewFeatureProperties = { name: String(form.get('name') ?? '').trim() };
  for (const { property } of definition.attributes ?? []) {
    const text = String(form.get(property) ?? '').trim();
    if (text === '') continue;
    const sample = existing.find((feature) => feature.properties[property] !== undefined)?.properties[property];
    const number = Number(text);
    properties[property] = typeof sample === 'number' && Number.isFinite(number) ? number : text;
  }
  return properties;
}
