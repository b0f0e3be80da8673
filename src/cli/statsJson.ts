import type { Geometry } from 'geojson';
import type { DistrictStats } from '../domain/progress/districtStats';
import type { StatusTotals } from '../domain/progress/layerStats';
import type { ProjectWarning } from '../domain/progress/projectWarnings';
import { behindPace } from '../domain/progress/targetVerdict';
import { areaSquareMeters } from '../domain/measure/areaSquareMeters';
import { lengthMeters } from '../domain/measure/lengthMeters';

/** The `--json` shapes of `npm run stats`: full-precision metres, stable key names for scripts. */

export interface MeasureJson {
  features: number;
  area_m2: number;
  length_m: number;
}

export interface TargetJson {
  id: string;
  metric: string;
  /** A sum target's unit as the manifest names it (e.g. 亿元); absent for the other metrics, whose unit the metric names. */
  unit?: { zh: string; en: string };
  /** In the metric's unit: features, ha, mu, km, the summed property's unit, or percent (share). */
  target: number;
  actual: number;
  percent: number;
  /** Below the steady pace from the plan start to the deadline on the date reported (overdue included). */
  behind_pace: boolean;
}

/** One late project (监测预警): `status` is the status its plan_dates planned for `due`. */
export interface WarningJson {
  id: string;
  status: string;
  /** YYYY-MM-DD: the planned date missed, or coming within 30 days. */
  due: string;
  /** Whole days from `due` to the date reported: positive overdue, negative (days left) due soon. */
  days_late: number;
  /** The project's status on the date reported; null when it was not in the plan yet. */
  current_status: string | null;
  unit_in_charge?: string;
  street?: string;
}

export interface LayerJson extends MeasureJson {
  id: string;
  byStatus: Record<string, MeasureJson>;
  targets: TargetJson[];
  /** Most overdue first, then the projects due soon. */
  warnings: WarningJson[];
}

export interface DistrictJson {
  layers: LayerJson[];
}

function measureJson(totals: StatusTotals): MeasureJson {
  return { features: totals.features, area_m2: totals.areaSquareMeters, length_m: totals.lengthMeters };
}

function warningJson(warning: ProjectWarning): WarningJson {
  return {
    id: warning.featureId,
    status: warning.status,
    due: warning.due,
    days_late: warning.daysLate,
    current_status: warning.currentStatus,
    ...(warning.unitInCharge ? { unit_in_charge: warning.unitInCharge } : {}),
    ...(warning.street ? { street: warning.street } : {}),
  };
}

/** `warnings` holds each layer's projectWarnings on the stats' date, by layer id. */
export function districtJson(stats: DistrictStats, warnings: Readonly<Record<string, readonly ProjectWarning[]>> = {}): DistrictJson {
  return {
    layers: stats.layers.map((layer) => ({
      id: layer.layerId,
      ...measureJson(layer.stats.totals),
      byStatus: Object.fromEntries(Object.entries(layer.stats.byStatus).map(([status, totals]) => [status, measureJson(totals)])),
      targets: layer.targets.map((progress) => ({
        id: progress.targetId,
        metric: progress.metric,
        ...(progress.unit ? { unit: progress.unit } : {}),
        target: progress.target,
        actual: progress.actual,
        percent: progress.percent,
        behind_pace: behindPace(progress),
      })),
      warnings: (warnings[layer.layerId] ?? []).map(warningJson),
    })),
  };
}

/** Totals of any list of geometries (one GeoJSON file). */
export function geometriesJson(geometries: readonly (Geometry | null)[]): MeasureJson {
  let area = 0;
  let length = 0;
  for (const geometry of geometries) {
    area += areaSquareMeters(geometry);
    length += lengthMeters(geometry);
  }
  return { features: geometries.length, area_m2: area, length_m: length };
}
