import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { nextFeatureIds } from '../edits/nextFeatureId';
import type { LayerDefinition } from '../plan/manifest';
import type { StatusChange } from '../plan/planFeature';
import { PLAN_FIELDS, mappingTargets, type FieldMapping } from './fieldMapping';
import { isoDateFromText } from './isoDateFromText';
import { cellText } from './sourceColumns';
import { enumValueOf } from './suggestFieldMapping';

export interface MappedFeatures {
  /** Features in the file's order (feature i is source feature i), with plan fields. */
  collection: FeatureCollection<Geometry | null, GeoJsonProperties>;
  /** Features that got a generated id, because none was mapped or theirs was empty. */
  generatedIdCount: number;
  /** Features that got the default status, because their value was empty or not mapped. */
  defaultStatusCount: number;
}

/**
 * A surveyor's or QGIS collection as features of `definition`'s layer: each plan field and
 * attribute read from its mapped column (enumerated values by label, dates in any common form),
 * status values translated to the lifecycle, a one-entry history {date, status}, and ids in the
 * layer's pattern (nextFeatureId) for features without one, fresh against `existingIds`.
 * Values that stay wrong are left for the validator to name; nothing is dropped silently.
 */
export function applyFieldMapping(
  source: FeatureCollection<Geometry | null, GeoJsonProperties>,
  definition: LayerDefinition,
  mapping: FieldMapping,
  existingIds: readonly string[],
): MappedFeatures {
  const targets = mappingTargets(definition);
  const mappedColumns = new Set(Object.values(mapping.columns));
  const idColumn = mapping.columns.id;
  const sourceIds = source.features.map((feature) => (idColumn === undefined ? undefined : cellText(feature.properties?.[idColumn])));
  const missingIdCount = sourceIds.filter((id) => id === undefined).length;
  const taken = new Set([...existingIds, ...sourceIds.filter((id): id is string => id !== undefined)]);
  const freshIds = nextFeatureIds([...taken].map((id) => ({ id })), definition, missingIdCount);
  let nextFresh = 0;
  let defaultStatusCount = 0;

  const features = source.features.map((feature, index): Feature<Geometry | null, GeoJsonProperties> => {
    const input = feature.properties ?? {};
    const read = (key: string): string | undefined => {
      const column = mapping.columns[key];
      return column === undefined ? undefined : cellText(input[column]);
    };
    const sourceStatus = read('status');
    let status = sourceStatus === undefined ? undefined : mapping.statusValues[sourceStatus];
    if (status === undefined) {
      status = mapping.defaultStatus;
      defaultStatusCount++;
    }
    const dateText = read('statusDate');
    const date = (dateText === undefined ? undefined : isoDateFromText(dateText)) ?? mapping.defaultStatusDate;
    const properties: Record<string, unknown> = { name: read('name') ?? input.name, status, history: historyFor(input.history, status, date) };
    if (properties.name === undefined) delete properties.name;

    for (const target of targets) {
      if ((PLAN_FIELDS as readonly string[]).includes(target.key) && target.key !== 'street') continue;
      const column = mapping.columns[target.key];
      const raw = column === undefined ? undefined : input[column];
      const text = cellText(raw);
      const fallback = mapping.defaultValues[target.key];
      if (text === undefined) {
        if (fallback !== undefined && fallback !== '') properties[target.key] = fallback;
        else if (column === undefined && Object.hasOwn(input, target.key)) properties[target.key] = input[target.key];
        continue;
      }
      // Enumerated values are stored as ids: 拆除重建 becomes demolish; numbers stay numbers.
      properties[target.key] = target.values ? (enumValueOf(text, target.values) ?? text) : typeof raw === 'string' || target.key === 'street' ? text : raw;
    }
    if (mapping.keepOtherColumns)
      for (const [key, value] of Object.entries(input)) if (!mappedColumns.has(key) && !Object.hasOwn(properties, key)) properties[key] = value;

    const id = sourceIds[index] ?? freshIds[nextFresh++] ?? '';
    const mapped: Feature<Geometry | null, GeoJsonProperties> = { type: 'Feature', id, geometry: feature.geometry, properties };
    if (feature.bbox) mapped.bbox = feature.bbox;
    return mapped;
  });
  return { collection: { type: 'FeatureCollection', features }, generatedIdCount: missingIdCount, defaultStatusCount };
}

/** The file's own history when it already ends in the status the feature gets; otherwise one entry. */
function historyFor(existing: unknown, status: string, date: string): StatusChange[] {
  if (Array.isArray(existing) && existing.length > 0) {
    const last: unknown = existing[existing.length - 1];
    if (typeof last === 'object' && last !== null && (last as Record<string, unknown>).status === status) return existing as StatusChange[];
  }
  return [{ date, status }];
}
