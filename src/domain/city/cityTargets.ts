import type { LocalizedText, Manifest, PlanTarget } from '../plan/manifest';
import type { MeasuredLayer } from '../measure/measuredLayer';
import { isShareMetric, metricValue, TARGET_METRICS, type TargetMetric, type TargetTotals } from '../plan/targetMetrics';
import { progressFigures, progressOfTotals, targetTotals, type TargetProgress } from '../progress/targetProgress';
import { statusCodesAsOf } from '../progress/statusCodesAsOf';

export interface CityDistrict {
  id: string;
  name: LocalizedText;
  manifest: Manifest;
  /** Measured layers of the district (in no particular order; a manifest layer without one counts nothing). */
  layers: readonly MeasuredLayer[];
}

/** One comparable target across the city: the same layer, target, metric and unit in every district that has it. */
export interface CityTargetRow {
  /** `<layer id>/<target id>`, with the metric and unit added when districts measure the same target differently. */
  key: string;
  layerId: string;
  layerName: LocalizedText;
  color: string;
  /** Each district's progress, in the order of CityTargets.districts; null where the district has no such target. */
  districts: (TargetProgress | null)[];
  /** The districts' targets combined: counts, areas, lengths and sums added; a share over all their matching projects. */
  city: TargetProgress;
}

export interface CityTargets {
  asOfDate: string;
  districts: { id: string; name: LocalizedText }[];
  /** In the order the districts list them, the first district's first. */
  rows: CityTargetRow[];
}

interface Counted {
  target: PlanTarget;
  totals: TargetTotals;
  progress: TargetProgress;
}

/** Targets compare when they measure the same thing in the same unit: a share stays apart from a count, 亿元 from 万元. */
function keyOf(layerId: string, target: PlanTarget, first: PlanTarget | undefined): string {
  const base = `${layerId}/${target.id}`;
  if (!first || sameMeasure(first, target)) return base;
  return `${base}|${target.metric}${target.unit ? `|${target.unit.zh}` : ''}`;
}

function sameMeasure(left: PlanTarget, right: PlanTarget): boolean {
  if (left.metric !== right.metric) return false;
  return TARGET_METRICS[left.metric].unit !== 'property' || (left.unit?.zh === right.unit?.zh && left.unit?.en === right.unit?.en);
}

function addTotals(sum: TargetTotals, totals: TargetTotals): TargetTotals {
  return {
    features: sum.features + totals.features,
    areaSquareMeters: sum.areaSquareMeters + totals.areaSquareMeters,
    lengthMeters: sum.lengthMeters + totals.lengthMeters,
    propertySum: sum.propertySum + totals.propertySum,
    eligibleFeatures: sum.eligibleFeatures + totals.eligibleFeatures,
  };
}

/**
 * The city's figure for one comparable target. The actual is the metric of every district's counted
 * totals added up (the same counting as each district's, so a count, ha, mu, km or sum is the sum
 * of the districts', and a share is counted over all their matching projects). Targets and the
 * steady pace add up too; for a share they are averaged, weighted by each district's matching
 * projects (equally while none of them has a matching project), so the city's target share is the one its projects make.
 */
function combined(metric: TargetMetric, counted: readonly Counted[], asOfDate: string): TargetProgress {
  const [first] = counted;
  if (!first) throw new Error('a city row needs at least one district');
  const totals = counted.reduce((sum, entry) => addTotals(sum, entry.totals), { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 });
  const share = isShareMetric(metric);
  const eligible = totals.eligibleFeatures;
  const weightOf = (entry: Counted) => (!share ? 1 : eligible > 0 ? entry.totals.eligibleFeatures / eligible : 1 / counted.length);
  const target = counted.reduce((sum, entry) => sum + weightOf(entry) * entry.target.target, 0);
  const expected = counted.reduce((sum, entry) => sum + weightOf(entry) * entry.progress.expectedActual, 0);
  const deadline = counted.map((entry) => entry.target.deadline).reduce((latest, date) => (date > latest ? date : latest));
  return {
    targetId: first.target.id,
    label: first.target.label,
    metric,
    ...(first.progress.unit ? { unit: first.progress.unit } : {}),
    ...progressFigures(target, metricValue(metric, totals), expected, deadline, asOfDate),
  };
}

/**
 * Every district's plan targets side by side, with the city's figure for each: rows match targets
 * by layer id and target id when they measure the same metric in the same unit (else they stay
 * separate rows), all with statuses as of `asOfDate` (YYYY-MM-DD) and each district's own plan start.
 */
export function cityTargets(districts: readonly CityDistrict[], asOfDate: string): CityTargets {
  const rows = new Map<string, { layerId: string; layerName: LocalizedText; color: string; metric: TargetMetric; first: PlanTarget; byDistrict: (Counted | null)[] }>();
  districts.forEach((district, districtIndex) => {
    const measured = new Map(district.layers.map((layer) => [layer.definition.id, layer]));
    for (const definition of district.manifest.layers) {
      const layer = measured.get(definition.id);
      const codes = layer ? statusCodesAsOf(layer.columns, asOfDate) : undefined;
      for (const target of definition.targets) {
        const key = keyOf(definition.id, target, rows.get(`${definition.id}/${target.id}`)?.first);
        const context = { asOfDate, planStart: district.manifest.district.planStart, ...(codes ? { codes } : {}) };
        const totals = layer ? targetTotals(target, layer, context) : { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 };
        const row = rows.get(key) ?? { layerId: definition.id, layerName: definition.name, color: definition.color, metric: target.metric, first: target, byDistrict: districts.map(() => null) };
        row.byDistrict[districtIndex] = { target, totals, progress: progressOfTotals(target, totals, context) };
        rows.set(key, row);
      }
    }
  });
  return {
    asOfDate,
    districts: districts.map(({ id, name }) => ({ id, name })),
    rows: [...rows.entries()].map(([key, row]) => ({
      key,
      layerId: row.layerId,
      layerName: row.layerName,
      color: row.color,
      districts: row.byDistrict.map((entry) => entry?.progress ?? null),
      city: combined(row.metric, row.byDistrict.filter((entry): entry is Counted => entry !== null), asOfDate),
    })),
  };
}
