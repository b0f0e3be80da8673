import type { LocalizedText } from './localizedText';
import type { StatusTotals } from '../progress/layerStats';
import { metersToKilometers, squareMetersToHectares, squareMetersToMu, type MeasureUnit } from '../measure/units';

/** What a plan target can measure. Adding a metric is one entry here: the manifest's contract, its schema and the progress views follow. */
interface TargetMetricDefinition {
  /** As the manifest's schema describes it. */
  label: LocalizedText;
  /** The layer geometries it can be measured on (manifest consistency). */
  geometries: readonly ('polygon' | 'line')[];
  /** The unit its values are shown in; null for a count. */
  unit: MeasureUnit | null;
  /** Its value for some features' totals. */
  value(totals: StatusTotals): number;
}

export const TARGET_METRICS = {
  count: { label: { zh: '个数', en: 'feature count' }, geometries: ['polygon', 'line'], unit: null, value: (totals) => totals.features },
  area_ha: { label: { zh: '面积（公顷）', en: 'area in hectares' }, geometries: ['polygon'], unit: 'ha', value: (totals) => squareMetersToHectares(totals.areaSquareMeters) },
  area_mu: { label: { zh: '面积（亩）', en: 'area in mu' }, geometries: ['polygon'], unit: 'mu', value: (totals) => squareMetersToMu(totals.areaSquareMeters) },
  length_km: { label: { zh: '长度（公里）', en: 'length in kilometres' }, geometries: ['line'], unit: 'km', value: (totals) => metersToKilometers(totals.lengthMeters) },
} as const satisfies Record<string, TargetMetricDefinition>;

export type TargetMetric = keyof typeof TARGET_METRICS;

export const TARGET_METRIC_IDS = Object.keys(TARGET_METRICS) as TargetMetric[];

/** The value of a target metric for some totals: a count, hectares, mu or kilometres. */
export function metricValue(metric: TargetMetric, totals: StatusTotals): number {
  return TARGET_METRICS[metric].value(totals);
}
