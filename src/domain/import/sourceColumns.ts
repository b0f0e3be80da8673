import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';

/** One attribute column of an imported file, as the mapping step shows it. */
export interface SourceColumn {
  name: string;
  /** Features with a non-empty value. */
  filledCount: number;
  /** Distinct non-empty values as text, in order of first appearance, at most MAX_DISTINCT_VALUES. */
  distinctValues: string[];
  /** False when there were more distinct values than listed. */
  allValuesListed: boolean;
  /** True when no two features share a non-empty value (a candidate for ids). */
  unique: boolean;
}

export const MAX_DISTINCT_VALUES = 100;

/** A property value as the mapping step compares it: trimmed text; undefined for empty, null, objects and arrays. */
export function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** The columns of a collection, in order of first appearance, with their values. */
export function sourceColumns(collection: FeatureCollection<Geometry | null, GeoJsonProperties>): SourceColumn[] {
  const columns = new Map<string, { filledCount: number; seen: Set<string>; duplicate: boolean }>();
  for (const feature of collection.features) {
    for (const [name, value] of Object.entries(feature.properties ?? {})) {
      let column = columns.get(name);
      if (!column) {
        column = { filledCount: 0, seen: new Set(), duplicate: false };
        columns.set(name, column);
      }
      const text = cellText(value);
      if (text === undefined) continue;
      column.filledCount++;
      if (column.seen.has(text)) column.duplicate = true;
      else column.seen.add(text);
    }
  }
  return [...columns].map(([name, column]) => ({
    name,
    filledCount: column.filledCount,
    distinctValues: [...column.seen].slice(0, MAX_DISTINCT_VALUES),
    allValuesListed: column.seen.size <= MAX_DISTINCT_VALUES,
    unique: !column.duplicate,
  }));
}
