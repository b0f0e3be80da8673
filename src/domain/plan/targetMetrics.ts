import type { LocalizedText } from './localizedText';
import type { StatusTotals } from '../progress/layerStats';
import { metersToKilometers, squareMetersToHectares, squareMetersToMu, type MeasureUnit } from '../measure/units';

/** What one target's counting found: the counted features' totals, and what the other metrics need beside them. */
export interface TargetTotals extends StatusTotals {
  /** The target's `property` summed over the counted features (sum targets; 0 otherwise). */
  propertySum: number;
  /** Features that match the target's `where` and are in the plan on the date, whatever their status (the share's denominator). */
  eligibleFeatures: number;
}

export type GeometryKindName = 'polygon' | 'line' | 'point';

/** What a plan target can measure. Adding a metric is one entry here: the manifest's contract, its schema and the progress views follow. */
interface TargetMetricDefinition {
  /** As the manifest's schema describes it. */
  label: LocalizedText;
  /** The layer geometries it can be measured on (manifest consistency). */
  geometries: readonly GeometryKindName[];
  /** The unit its values are shown in: a measure unit, 'count', 'percent', or 'property' (the target's own `unit`). */
  unit: MeasureUnit | 'count' | 'percent' | 'property';
  /** Its value for some features' totals. */
  value(totals: TargetTotals): number;
}

const ALL_GEOMETRIES = ['polygon', 'line', 'point'] as const;

export const TARGET_METRICS = {
  count: { label: { zh: '个数', en: 'feature count' }, geometries: ALL_GEOMETRIES, unit: 'count', value: (totals) => totals.features },
  area_ha: { label: { zh: '面积（公顷）', en: 'area in hectares' }, geometries: ['polygon'], unit: 'ha', value: (totals) => squareMetersToHectares(totals.areaSquareMeters) },
  area_mu: { label: { zh: '面积（亩）', en: 'area in mu' }, geometries: ['polygon'], unit: 'mu', value: (totals) => squareMetersToMu(totals.areaSquareMeters) },
  length_km: { label: { zh: '长度（公里）', en: 'length in kilometres' }, geometries: ['line'], unit: 'km', value: (totals) => metersToKilometers(totals.lengthMeters) },
  sum: { label: { zh: '属性合计（如投资额、学位数）', en: 'sum of a numeric property (e.g. investment, school seats)' }, geometries: ALL_GEOMETRIES, unit: 'property', value: (totals) => totals.propertySum },
  share: {
    label: { zh: '占比（%，计入状态的要素占符合条件要素的百分比）', en: 'share (%) of the matching features whose status is counted' },
    geometries: ALL_GEOMETRIES,
    unit: 'percent',
    value: (totals) => (totals.eligibleFeatures > 0 ? (100 * totals.features) / totals.eligibleFeatures : 0),
  },
} as const satisfies Record<string, TargetMetricDefinition>;

export type TargetMetric = keyof typeof TARGET_METRICS;

export const TARGET_METRIC_IDS = Object.keys(TARGET_METRICS) as TargetMetric[];

/** Whether the metric is itself a percentage (share): shown as "已达 x% / 目标 y%", never as a percent of its target. */
export function isShareMetric(metric: TargetMetric): boolean {
  return TARGET_METRICS[metric].unit === 'percent';
}

/** The value of a target metric for some totals: a count, hectares, mu, kilometres, a property's sum or a percentage. */
export function metricValue(metric: TargetMetric, totals: TargetTotals): number {
  return TARGET_METRICS[metric].value(totals);
}
