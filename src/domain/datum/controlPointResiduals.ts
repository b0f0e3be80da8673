import type { CrsDefinition } from '../crs/crsDefinition';
import { sourceGeodetic } from '../crs/sourceGeodetic';
import type { DatumShiftProfile } from './datumShiftProfile';
import { datumShiftedToLonLat } from './datumShiftedToLonLat';
import { GRS80 } from './geocentric';

/*
 * How far a profile puts each of its control points from where the point is known to be in
 * CGCS2000 (docs/input-rules.md, C12): both as CGCS2000 longitude/latitude, the difference in
 * metres east and north on GRS 80 (radii of curvature in the meridian and the prime vertical;
 * exact to well under a millimetre for residuals of metres).
 */

export interface ControlPointResidual {
  id: string;
  eastMeters: number;
  northMeters: number;
  residualMeters: number;
}

export type ResidualsResult =
  | { ok: true; residuals: ControlPointResidual[]; rmsMeters: number; maxMeters: number }
  | { ok: false; reason: { zh: string; en: string } };

const RADIANS = Math.PI / 180;

function metresApart([lon, lat]: [number, number], [knownLon, knownLat]: [number, number]): [number, number] {
  const e2 = 1 - (GRS80.b * GRS80.b) / (GRS80.a * GRS80.a);
  const sinLat = Math.sin(knownLat * RADIANS);
  const w = Math.sqrt(1 - e2 * sinLat * sinLat);
  const primeVerticalMeters = GRS80.a / w;
  const meridianMeters = (GRS80.a * (1 - e2)) / (w * w * w);
  return [(lon - knownLon) * RADIANS * primeVerticalMeters * Math.cos(knownLat * RADIANS), (lat - knownLat) * RADIANS * meridianMeters];
}

/** `target` is the CRS of the control points' target coordinates (the profile's targetCrs, EPSG:4490 when it names none). */
export function controlPointResiduals(profile: DatumShiftProfile, source: CrsDefinition, target: CrsDefinition): ResidualsResult {
  const points = profile.controlPoints ?? [];
  if (points.length === 0) return { ok: false, reason: { zh: '该参数没有控制点', en: 'the profile has no control points' } };
  const shifted = datumShiftedToLonLat(source, profile, target);
  if (!shifted) return { ok: false, reason: { zh: '四参数需要目标坐标系 targetCrs', en: 'a 4-parameter profile needs its targetCrs' } };
  const known = sourceGeodetic(target);
  const residuals: ControlPointResidual[] = [];
  for (const point of points) {
    const predicted = shifted(...point.source);
    const actual = known.toGeodetic(...point.target);
    if (!predicted || !actual) return { ok: false, reason: { zh: `控制点 ${point.id} 无法转换（坐标超出坐标系范围）`, en: `control point ${point.id} cannot be converted (outside its CRS)` } };
    const [eastMeters, northMeters] = metresApart(predicted, actual);
    residuals.push({ id: point.id, eastMeters, northMeters, residualMeters: Math.hypot(eastMeters, northMeters) });
  }
  const rmsMeters = Math.sqrt(residuals.reduce((sum, residual) => sum + residual.residualMeters ** 2, 0) / residuals.length);
  return { ok: true, residuals, rmsMeters, maxMeters: Math.max(...residuals.map((residual) => residual.residualMeters)) };
}
