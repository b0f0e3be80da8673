import type { AttributeDefinition, Locale, LocalizedText } from '../plan/manifest';
import type { MeasuredLayer } from '../measure/measuredLayer';
import type { PlanFeature } from '../plan/planFeature';
import { statusAsOf, statusDate } from '../progress/statusAsOf';
import { squareMetersToHectares, squareMetersToMu } from '../measure/units';
import { csvText, type CsvValue } from './csvCell';
import { CSV_COLUMN_TITLES, statusOnDayTitle } from './csvColumnTitles';
import { roundTo } from './roundTo';
import { schemaPropertyOrder } from './schemaPropertyOrder';
import { compareCodePoints, sortedKeysValue } from './sortedKeysValue';

/**
 * How a CSV names its columns and coded values: the layer's labels in a language, for people
 * (Excel), or the property names and ids the data uses, for scripts.
 */
export type CsvLabels = Locale | 'codes';

export interface CsvExportOptions {
  labels: CsvLabels;
  /** The language of the status label columns a CSV of codes carries beside the ids. */
  locale: Locale;
  /** When the export shows a past day: adds each feature's status on that day (YYYY-MM-DD). */
  asOfDate?: string;
}

/** Columns with these names are computed here; attributes of the same name get a suffix. */
const COMPUTED_COLUMNS = ['id', 'area_m2', 'area_mu', 'area_ha', 'length_m', 'longitude', 'latitude', 'status_label', 'status_date', 'status_as_of', 'status_as_of_label'];
/** Properties that get their own columns after the measures. */
const STATUS_PROPERTIES = new Set(['status', 'history']);
/** Areas to 0.01 m² (4 decimals of ha and mu ≈ 1 m² and 0.07 m²); lengths to 1 cm; degrees to 7 decimals (1 cm, as the GeoJSON export). */
const DECIMALS = { squareMeters: 2, mu: 4, hectares: 4, meters: 2, degrees: 7 };

interface Row {
  feature: PlanFeature;
  index: number;
  statusOnDay: string | null;
}

interface Column {
  /** The property name or computed column name, the header of a CSV of codes. */
  code: string;
  /** The header of a labelled CSV. */
  title: LocalizedText;
  cell: (row: Row) => CsvValue;
  /** Only in a CSV of codes: a label beside an id, which a labelled CSV writes in place of the id. */
  codesOnly?: boolean;
}

/**
 * The attributes of the features at `indexes` as CSV: id, the schema's fields, any other
 * attributes (by code point), then the areas in m², 亩 and ha and the length in m as the app
 * measures them (a point layer: longitude and latitude instead), the status and its date, and the
 * history as "date status; …". Areas are left empty for lines and lengths for polygons, not written as 0.
 *
 * Labelled (like QGIS's "export field aliases" with displayed values): headers are the manifest's
 * labels, and statuses and enumerated attributes their labels. With codes the headers are property
 * names and values ids, with the status labels in columns of their own.
 */
export function exportCsvText(layer: MeasuredLayer, indexes: ArrayLike<number>, options: CsvExportOptions): string {
  const rows: Row[] = [];
  for (let position = 0; position < indexes.length; position++) {
    const index = indexes[position] ?? -1;
    const feature = layer.features[index];
    if (feature) rows.push({ feature, index, statusOnDay: options.asOfDate === undefined ? null : statusAsOf(feature.properties, options.asOfDate) });
  }
  const { labels } = options;
  const columns = csvColumns(layer, attributeKeysOf(layer, rows), options).filter((column) => labels === 'codes' || !column.codesOnly);
  const header = labels === 'codes' ? columns.map((column) => column.code) : distinctTitles(columns.map((column) => ({ title: column.title[labels], code: column.code })));
  return csvText([header, ...rows.map((row) => columns.map((column) => column.cell(row)))]);
}

/** The schema's fields, then any other attributes the rows carry, by code point. */
function attributeKeysOf(layer: MeasuredLayer, rows: readonly Row[]): string[] {
  const known = schemaPropertyOrder(layer.definition).filter((key) => !STATUS_PROPERTIES.has(key));
  const extraKeys = new Set<string>();
  for (const { feature } of rows)
    for (const key of Object.keys(feature.properties)) if (!known.includes(key) && !STATUS_PROPERTIES.has(key)) extraKeys.add(key);
  return [...known, ...[...extraKeys].sort(compareCodePoints)];
}

function csvColumns(layer: MeasuredLayer, attributeKeys: readonly string[], options: CsvExportOptions): Column[] {
  const { definition } = layer;
  const { labels, locale, asOfDate } = options;
  const statusLabel = (status: string | null, language: Locale): string => definition.statuses.find((candidate) => candidate.id === status)?.label[language] ?? '';
  // A status the lifecycle does not know keeps its id, in a labelled CSV too.
  const statusValue = (status: unknown): CsvValue => (labels !== 'codes' && typeof status === 'string' ? statusLabel(status, labels) || status : cellValue(status));
  const area = (row: Row, toUnit: (squareMeters: number) => number, decimals: number): CsvValue =>
    measureKind(row.feature) === 'area' ? roundTo(toUnit(layer.areaSquareMeters[row.index] ?? 0), decimals) : null;
  const same = (value: number) => value;
  // A point layer has no area or length: its rows say where each point stands (a MultiPoint, its first site).
  const coordinate = (row: Row, axis: 0 | 1): CsvValue => {
    const geometry = row.feature.geometry;
    const first = geometry?.type === 'Point' ? geometry.coordinates : geometry?.type === 'MultiPoint' ? geometry.coordinates[0] : undefined;
    const value = first?.[axis];
    return typeof value === 'number' ? roundTo(value, DECIMALS.degrees) : null;
  };
  const measureColumns: Column[] = definition.geometry === 'point'
    ? [
        { code: 'longitude', title: CSV_COLUMN_TITLES.longitude, cell: (row) => coordinate(row, 0) },
        { code: 'latitude', title: CSV_COLUMN_TITLES.latitude, cell: (row) => coordinate(row, 1) },
      ]
    : [
        { code: 'area_m2', title: CSV_COLUMN_TITLES.area_m2, cell: (row) => area(row, same, DECIMALS.squareMeters) },
        { code: 'area_mu', title: CSV_COLUMN_TITLES.area_mu, cell: (row) => area(row, squareMetersToMu, DECIMALS.mu) },
        { code: 'area_ha', title: CSV_COLUMN_TITLES.area_ha, cell: (row) => area(row, squareMetersToHectares, DECIMALS.hectares) },
        {
          code: 'length_m',
          title: CSV_COLUMN_TITLES.length_m,
          cell: (row) => (measureKind(row.feature) === 'length' ? roundTo(layer.lengthMeters[row.index] ?? 0, DECIMALS.meters) : null),
        },
      ];
  return [
    { code: 'id', title: CSV_COLUMN_TITLES.id, cell: (row) => row.feature.id },
    ...attributeKeys.map((key): Column => {
      const attribute = definition.attributes?.find((candidate) => candidate.property === key);
      return {
        code: COMPUTED_COLUMNS.includes(key) ? `${key}_attribute` : key,
        title: attribute?.label ?? sharedFieldTitle(key),
        cell: (row) => attributeValue(attribute, row.feature.properties[key], labels),
      };
    }),
    ...measureColumns,
    { code: 'status', title: CSV_COLUMN_TITLES.status, cell: (row) => statusValue(row.feature.properties.status) },
    {
      code: 'status_label',
      title: CSV_COLUMN_TITLES.status,
      codesOnly: true,
      cell: (row) => statusLabel(typeof row.feature.properties.status === 'string' ? row.feature.properties.status : null, locale),
    },
    { code: 'status_date', title: CSV_COLUMN_TITLES.status_date, cell: (row) => statusDate(row.feature.properties) },
    ...(asOfDate === undefined ? [] : [
      { code: 'status_as_of', title: statusOnDayTitle(asOfDate), cell: (row: Row) => statusValue(row.statusOnDay) },
      { code: 'status_as_of_label', title: statusOnDayTitle(asOfDate), codesOnly: true, cell: (row: Row) => statusLabel(row.statusOnDay, locale) },
    ]),
    { code: 'history', title: CSV_COLUMN_TITLES.history, cell: (row) => historyText(row.feature.properties.history, (status) => statusValue(status)) },
  ];
}

/** Titles for the shared plan fields a manifest need not label; other keys are their own title. */
function sharedFieldTitle(key: string): LocalizedText {
  if (key === 'name' || key === 'street') return CSV_COLUMN_TITLES[key];
  return { zh: key, en: key };
}

/** An attribute's value; in a labelled CSV an enumerated value becomes its label (an unknown value stays). */
function attributeValue(attribute: AttributeDefinition | undefined, value: unknown, labels: CsvLabels): CsvValue {
  if (labels === 'codes' || typeof value !== 'string') return cellValue(value);
  const label = attribute?.values && Object.hasOwn(attribute.values, value) ? attribute.values[value] : undefined;
  return label ? label[labels] : value;
}

/** Headers stay distinct, so spreadsheets and scripts can address each column: a repeated title names its property. */
function distinctTitles(columns: readonly { title: string; code: string }[]): string[] {
  const seen = new Set<string>();
  return columns.map(({ title, code }) => {
    const distinct = seen.has(title) ? `${title} (${code})` : title;
    seen.add(distinct);
    return distinct;
  });
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

/** "2024-01-11 pending; 2024-04-10 renovating", oldest first as stored; statuses as `statusText` writes them. */
function historyText(history: unknown, statusText: (status: unknown) => CsvValue): CsvValue {
  if (!Array.isArray(history)) return cellValue(history);
  return history
    .map((change: unknown) => {
      if (change !== null && typeof change === 'object' && 'date' in change && 'status' in change) return `${String(change.date)} ${String(statusText(change.status))}`;
      return JSON.stringify(sortedKeysValue(change)) ?? '';
    })
    .join('; ');
}
