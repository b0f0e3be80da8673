import type { LayerDefinition, LocalizedText } from '../plan/manifest';

/** Plan fields every layer has, in the order the mapping step asks for them. */
export const PLAN_FIELDS = ['id', 'name', 'status', 'statusDate', 'street'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/**
 * How the columns of a surveyor's or QGIS file become a plan layer's fields. Keys of `columns`
 * and `defaultValues` are plan fields or attribute properties of the layer.
 */
export interface FieldMapping {
  /** Field → source column; an absent field is not read from the file. */
  columns: Record<string, string>;
  /** Source status value (trimmed text) → status id of the layer; other values get `defaultStatus`. */
  statusValues: Record<string, string>;
  /** For features whose status is missing or not mapped. */
  defaultStatus: string;
  /** YYYY-MM-DD of the one history entry when the date column is unmapped or holds no date. */
  defaultStatusDate: string;
  /** Attribute → value for features whose mapped column is empty, or when no column is mapped. */
  defaultValues: Record<string, string>;
  /** Keep the source columns that are mapped to nothing, under their own names. */
  keepOtherColumns: boolean;
}

/** One field of the mapping step: a plan field or one of the layer's own attributes. */
export interface MappingTarget {
  key: string;
  /** The manifest's label for an attribute; plan fields are labelled by the UI. */
  label?: LocalizedText;
  /** For enumerated attributes: allowed value → label. */
  values?: Record<string, LocalizedText>;
}

/** The fields a layer's features need or may have, plan fields first, each once. */
export function mappingTargets(definition: Pick<LayerDefinition, 'attributes'>): MappingTarget[] {
  const targets: MappingTarget[] = PLAN_FIELDS.map((key) => ({ key }));
  for (const attribute of definition.attributes ?? []) {
    const existing = targets.find((target) => target.key === attribute.property);
    const target: MappingTarget = { key: attribute.property, label: attribute.label };
    if (attribute.values) target.values = attribute.values;
    if (existing) Object.assign(existing, target);
    else targets.push(target);
  }
  return targets;
}
