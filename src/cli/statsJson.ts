import type { Geometry } from 'geojson';
import type { DistrictStats } from '../domain/progress/districtStats';
import type { StatusTotals } from '../domain/progress/layerStats';
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
}

export interface LayerJson extends MeasureJson {
  id: string;
  byStatus: Record<string, MeasureJson>;
  targets: TargetJson[];
}

export interface DistrictJson {
  layers: LayerJson[];
}

function measureJson(totals: StatusTotals): MeasureJson {
  return { features: totals.features, area_m2: totals.areaSquareMeters, length_m: totals.lengthMeters };
}

export function districtJson(stats: DistrictStats): DistrictJson {
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
      })),
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
