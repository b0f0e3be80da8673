import type { Locale, MeasureUnit } from '../../domain/plan/manifest';
import { formatCount, formatLayerMeasure } from '../../domain/format/formatMeasure';
import { translate } from '../messages';

/** The part of a project in conflict, in its layer's unit ("1.23 公顷", "0.45 公里"), or as a count of points. */
export function conflictMeasureText(unit: MeasureUnit | undefined, part: { areaSquareMeters: number; lengthMeters: number; pointCount: number }, locale: Locale): string {
  return part.areaSquareMeters > 0 || part.lengthMeters > 0
    ? formatLayerMeasure(unit, part.areaSquareMeters, part.lengthMeters, locale)
    : `${formatCount(part.pointCount, locale)} ${translate(locale, 'controlConflictPoints')}`;
}
