import type { Locale } from '../manifest';
import type { MeasuredLayer } from '../measuredLayer';
import type { PlanFeature } from '../planFeature';
import { statusAsOf, statusDate } from '../statusAsOf';
import { squareMetersToHectares, squareMetersToMu } from '../units';
import { csvText, type CsvValue } from './csvCell';
import { roundTo } from './roundTo';
import { schemaPropertyOrder } from './schemaPropertyOrder';
import { compareCodePoints, sortedKeysValue } from './sortedKeysValue';

export interface CsvExportOptions {
  /** The language of the status labels. */
  locale: Locale;
  /** When the export shows a past day: adds each feature's status on that day (YYYY-MM-DD). */
  asOfDate?: string;
}

/** Columns with these names are computed here; attributes of the same name get a suffix. */
const COMPUTED_COLUMNS = ['id', 'area_m2', 'area_mu', 'area_ha', 'length_m', 'status_label', 'status_date', 'status_as_of', 'status_as_of_label'];
/** Properties that get their own columns after the measures. */
const STATUS_PROPERTIES = new Set(['status', 'history']);
/** Areas to 0.01 m² (4 decimals of ha and mu ≈ 1 m² and 0.07 m²); lengths to 1 cm. */
const DECIMALS = { squareMeters: 2, mu: 4, hectares: 4, meters: 2 };

/**
 * The attributes of the features at `indexes` as CSV: id, the schema's fields, any other
 * attributes (by code point), then the areas in m², 亩 and ha and the length in m as the app
 * measures them, the status with its label and date, and the history as "date status; …". Areas
 * are left empty for lines and lengths for polygons, not written as 0.
 */
export function exportCsvText(layer: MeasuredLayer, indexes: ArrayLike<number>, options: CsvExportOptions): string {
  const { definition } = layer;
  const features: { feature: PlanFeature; index: number }[] = [];
  for (let position = 0; position < indexes.length; position++) {
    const index = indexes[position] ?? -1;
    const feature = layer.features[index];
    if (feature) features.push({ feature, index });
  }
  const known = schemaPropertyOrder(definition).filter((key) => !STATUS_PROPERTIES.has(key));
  const extraKeys = new Set<string>();
  for (const { feature } of features)
    for (const key of Object.keys(feature.properties)) if (!known.includes(key) && !STATUS_PROPERTIES.has(key)) extraKeys.add(key);
  const attributeKeys = [...known, ...[...extraKeys].sort(compareCodePoints)];
  const asOf = options.asOfDate === undefined ? [] : ['status_as_of', 'status_as_of_label'];
  const header = [
    'id',
    ...attributeKeys.map((key) => (COMPUTED_COLUMNS.includes(key) ? `${key}_attribute` : key)),
    'area_m2', 'area_mu', 'area_ha', 'length_m', 'status', 'status_label', 'status_date', ...asOf, 'history',
  ];
  const labelOf = (status: string | null): string => definition.statuses.find((candidate) => candidate.id === status)?.label[options.locale] ?? '';
  const rows = features.map(({ feature, index }): CsvValue[] => {
    const properties = feature.properties;
    const kind = measureKind(feature);
    const areaSquareMeters = layer.areaSquareMeters[index] ?? 0;
    const lengthMeters = layer.lengthMeters[index] ?? 0;
    const statusOnDay = options.asOfDate === undefined ? undefined : statusAsOf(properties, options.asOfDate);
    return [
      feature.id,
      ...attributeKeys.map((key) => cellValue(properties[key])),
      kind === 'area' ? roundTo(areaSquareMeters, DECIMALS.squareMeters) : null,
      kind === 'area' ? roundTo(squareMetersToMu(areaSquareMeters), DECIMALS.mu) : null,
      kind === 'area' ? roundTo(squareMetersToHectares(areaSquareMeters), DECIMALS.hectares) : null,
      kind === 'length' ? roundTo(lengthMeters, DECIMALS.meters) : null,
      cellValue(properties.status),
      labelOf(typeof properties.status === 'string' ? properties.status : null),
      statusDate(properties),
      ...(statusOnDay === undefined ? [] : [statusOnDay, labelOf(statusOnDay)]),
      historyText(properties.history),
    ];
  });
  return csvText([header, ...rows]);
}

function measureKind(feature: PlanFeature): 'area' | 'length' | null {
  switch (feature.geometry?.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return 'area';
    case 'LineString':
    case 'MultiLineString':
      return 'length';
    default:
      return null;
  }
}

/** Objects and arrays as JSON with sorted keys, so the cell is the same for the same data. */
function cellValue(value: unknown): CsvValue {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(sortedKeysValue(value)) ?? '';
}

/** "2024-01-11 pending; 2024-04-10 renovating": ids, oldest first, as stored. */
function historyText(history: unknown): CsvValue {
  if (!Array.isArray(history)) return cellValue(history);
  return history
    .map((change: unknown) => {
      if (change !== null && typeof change === 'object' && 'date' in change && 'status' in change) return `${String(change.date)} ${String(change.status)}`;
      return JSON.stringify(sortedKeysValue(change)) ?? '';
    })
    .join('; ');
}
