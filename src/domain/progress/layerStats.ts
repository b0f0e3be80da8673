import type { MeasuredLayer } from '../measure/measuredLayer';
import { featureSelection, type FeatureSelectionOptions } from '../browse/featureSelection';
import { NO_STATUS } from './statusCodesAsOf';

/** Sums over a set of features, unrounded. */
export interface StatusTotals {
  features: number;
  areaSquareMeters: number;
  lengthMeters: number;
}

export interface LayerStats {
  layerId: string;
  totals: StatusTotals;
  /**
   * One entry per status of the layer's lifecycle, in lifecycle order, zeros included; statuses
   * found in the data but missing from the lifecycle follow, so the entries always sum to totals.
   */
  byStatus: Record<string, StatusTotals>;
  /** One entry per street present among the counted features ('' for none), in code-point order. */
  byStreet: Record<string, StatusTotals>;
}

/** Restricts the stats (include or mask: a view filter) and sets the statuses (statusOf or codes: a past date). */
export type LayerStatsOptions = FeatureSelectionOptions;

/** A record without a prototype, so that data values like "__proto__" stay plain keys. */
function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyTotals(): StatusTotals {
  return { features: 0, areaSquareMeters: 0, lengthMeters: 0 };
}

/** Sums per code, so the loop over features touches typed arrays only. */
function sumsPerCode(codeCount: number) {
  return { features: new Float64Array(codeCount), areas: new Float64Array(codeCount), lengths: new Float64Array(codeCount) };
}

function totalsAt(sums: ReturnType<typeof sumsPerCode>, code: number): StatusTotals {
  return { features: sums.features[code] ?? 0, areaSquareMeters: sums.areas[code] ?? 0, lengthMeters: sums.lengths[code] ?? 0 };
}

/**
 * Counts, areas and lengths of a layer, in total, by status and by street. Features whose
 * status is null (not yet in the plan on the date asked about) are left out.
 */
export function layerStats(layer: MeasuredLayer, options: LayerStatsOptions = {}): LayerStats {
  const { codes, statusIds, mask } = featureSelection(layer, options);
  const { streetCode, streets } = layer.columns;
  const byStatusSums = sumsPerCode(statusIds.length);
  const byStreetSums = sumsPerCode(streets.length);
  const areas = layer.areaSquareMeters;
  const lengths = layer.lengthMeters;
  for (let index = 0; index < layer.featureCount; index++) {
    if (mask && mask[index] !== 1) continue;
    const code = codes[index] ?? NO_STATUS;
    if (code === NO_STATUS) continue;
    const area = areas[index] ?? 0;
    const length = lengths[index] ?? 0;
    byStatusSums.features[code] = (byStatusSums.features[code] ?? 0) + 1;
    byStatusSums.areas[code] = (byStatusSums.areas[code] ?? 0) + area;
    byStatusSums.lengths[code] = (byStatusSums.lengths[code] ?? 0) + length;
    const street = streetCode[index] ?? 0;
    byStreetSums.features[street] = (byStreetSums.features[street] ?? 0) + 1;
    byStreetSums.areas[street] = (byStreetSums.areas[street] ?? 0) + area;
    byStreetSums.lengths[street] = (byStreetSums.lengths[street] ?? 0) + length;
  }

  const totals = emptyTotals();
  const byStatus = emptyRecord<StatusTotals>();
  const lifecycle = new Set(layer.definition.statuses.map((status) => status.id));
  statusIds.forEach((statusId, code) => {
    const statusTotals = totalsAt(byStatusSums, code);
    if (!lifecycle.has(statusId) && statusTotals.features === 0) return;
    byStatus[statusId] = statusTotals;
    totals.features += statusTotals.features;
    totals.areaSquareMeters += statusTotals.areaSquareMeters;
    totals.lengthMeters += statusTotals.lengthMeters;
  });
  const byStreet = emptyRecord<StatusTotals>();
  const streetOrder = streets.map((street, code) => ({ street, code })).sort((left, right) => (left.street < right.street ? -1 : left.street > right.street ? 1 : 0));
  for (const { street, code } of streetOrder) {
    const streetTotals = totalsAt(byStreetSums, code);
    if (streetTotals.features > 0) byStreet[street] = streetTotals;
  }
  return { layerId: layer.definition.id, totals, byStatus, byStreet };
}
