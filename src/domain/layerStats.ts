import type { MeasuredLayer } from './measuredLayer';
import type { StatusResolver } from './statusAsOf';
import { streetOf } from './featureFilter';

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

export interface LayerStatsOptions {
  /** Restricts the stats to some feature indexes (a view filter); absent means all. */
  include?: (index: number) => boolean;
  /** The status of each feature (e.g. as of a past date); absent means the current status. */
  statusOf?: StatusResolver;
}

/** A record without a prototype, so that data values like "__proto__" stay plain keys. */
function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyTotals(): StatusTotals {
  return { features: 0, areaSquareMeters: 0, lengthMeters: 0 };
}

function addTo(totals: StatusTotals, areaSquareMeters: number, lengthMeters: number): void {
  totals.features += 1;
  totals.areaSquareMeters += areaSquareMeters;
  totals.lengthMeters += lengthMeters;
}

/**
 * Counts, areas and lengths of a layer, in total, by status and by street. Features whose
 * status is null (not yet in the plan on the date asked about) are left out.
 */
export function layerStats(layer: MeasuredLayer, options: LayerStatsOptions = {}): LayerStats {
  const { include, statusOf } = options;
  const totals = emptyTotals();
  const byStatus = emptyRecord<StatusTotals>();
  for (const status of layer.definition.statuses) byStatus[status.id] = emptyTotals();
  const streetTotals = new Map<string, StatusTotals>();

  layer.features.forEach((feature, index) => {
    if (include && !include(index)) return;
    const status = statusOf ? statusOf(index) : feature.properties.status;
    if (status === null) return;
    const area = layer.areaSquareMeters[index] ?? 0;
    const length = layer.lengthMeters[index] ?? 0;
    addTo(totals, area, length);
    let statusTotals = byStatus[status];
    if (!statusTotals) {
      statusTotals = emptyTotals();
      byStatus[status] = statusTotals;
    }
    addTo(statusTotals, area, length);
    const street = streetOf(feature);
    let streetTotal = streetTotals.get(street);
    if (!streetTotal) {
      streetTotal = emptyTotals();
      streetTotals.set(street, streetTotal);
    }
    addTo(streetTotal, area, length);
  });

  const byStreet = emptyRecord<StatusTotals>();
  for (const street of [...streetTotals.keys()].sort()) {
    const streetTotal = streetTotals.get(street);
    if (streetTotal) byStreet[street] = streetTotal;
  }
  return { layerId: layer.definition.id, totals, byStatus, byStreet };
}
