import type { LayerDefinition } from '../plan/manifest';

/**
 * The properties every plan feature has, in the order of geodata/schema/plan-layer.schema.json
 * (name, status, history, street).
 */
const PLAN_LAYER_PROPERTIES = ['name', 'status', 'history', 'street'] as const;

/**
 * The properties the layer's schema knows, in schema order: the shared plan-layer fields, then the
 * layer's own attributes in manifest order (scripts/write-schemas.ts writes them in that order).
 */
export function schemaPropertyOrder(definition: LayerDefinition): string[] {
  const order: string[] = [...PLAN_LAYER_PROPERTIES];
  for (const attribute of definition.attributes ?? []) if (!order.includes(attribute.property)) order.push(attribute.property);
  return order;
}
