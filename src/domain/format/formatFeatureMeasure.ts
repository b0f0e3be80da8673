import type { LayerDefinition, Locale } from '../plan/manifest';
import type { PlanGeometry } from '../plan/planFeature';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { lengthMeters } from '../measure/lengthMeters';
import { formatLayerMeasure } from './formatMeasure';
import { formatPosition } from './formatPosition';

/** One feature's measure as lists show it: its area or length in the layer's unit, or where a point stands. */
export function formatFeatureMeasure(definition: LayerDefinition, geometry: PlanGeometry | null | undefined, locale: Locale): string {
  if (definition.geometry === 'point') return formatPosition(geometry, locale);
  return formatLayerMeasure(definition.unit, areaSquareMeters(geometry), lengthMeters(geometry), locale);
}
