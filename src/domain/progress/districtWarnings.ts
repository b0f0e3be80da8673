import type { MeasuredLayer } from '../measure/measuredLayer';
import { projectWarnings, warningMask, type ProjectWarning } from './projectWarnings';

/** The late projects of every layer on one day, and what the list, the filter and the map marks need of them. */
export interface DistrictWarnings {
  asOfDate: string;
  /** Per layer id, most overdue first. */
  byLayer: Record<string, ProjectWarning[]>;
  /** Per layer id: 1 for each late project (只看预警项目). */
  masks: Record<string, Uint8Array>;
  overdue: number;
  dueSoon: number;
}

/** projectWarnings of each layer on `asOfDate` (YYYY-MM-DD): run once per day shown, never per filter click. */
export function districtWarnings(layers: readonly MeasuredLayer[], asOfDate: string): DistrictWarnings {
  const byLayer: Record<string, ProjectWarning[]> = {};
  const masks: Record<string, Uint8Array> = {};
  let overdue = 0;
  let dueSoon = 0;
  for (const layer of layers) {
    const warnings = projectWarnings(layer, asOfDate);
    byLayer[layer.definition.id] = warnings;
    masks[layer.definition.id] = warningMask(layer.featureCount, warnings);
    for (const warning of warnings) {
      if (warning.kind === 'overdue') overdue++;
      else dueSoon++;
    }
  }
  return { asOfDate, byLayer, masks, overdue, dueSoon };
}
