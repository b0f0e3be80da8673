import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import { estimateBursaWolf, estimatePlaneFour } from '../../domain/datum/estimateDatumShift';
import type { LocalizedText } from '../../domain/plan/localizedText';
import type { LoadCrsDefinition } from '../crs/loadCrsDefinition';
import { profileCrsDefinitions } from './profileResiduals';

/**
 * The profile with its parameters estimated by least squares from its own control points (seven
 * parameters need 3 points, four need 2), its source and target CRS loaded as the validator loads
 * them; or why they cannot be.
 */
export async function estimateProfile(profile: DatumShiftProfile, load?: LoadCrsDefinition): Promise<{ ok: true; profile: DatumShiftProfile } | { ok: false; reason: LocalizedText }> {
  const points = profile.controlPoints ?? [];
  if (profile.method === 'plane-4') {
    const estimated = estimatePlaneFour(points);
    return estimated ? { ok: true, profile: { ...profile, ...estimated } } : { ok: false, reason: { zh: '四参数至少需要 2 个不重合的控制点', en: 'four parameters need at least 2 distinct control points' } };
  }
  const definitions = await profileCrsDefinitions(profile, load);
  if (!definitions) return { ok: false, reason: { zh: `找不到 ${profile.sourceCrs} 或 ${profile.targetCrs ?? 'EPSG:4490'} 的定义`, en: `no definition of ${profile.sourceCrs} or ${profile.targetCrs ?? 'EPSG:4490'}` } };
  const estimated = estimateBursaWolf(points, definitions.source, definitions.target, profile.convention);
  return estimated ? { ok: true, profile: { ...profile, ...estimated } } : { ok: false, reason: { zh: '七参数至少需要 3 个不共线的控制点，且坐标须在坐标系范围内', en: 'seven parameters need at least 3 control points not on one line, inside their CRS' } };
}
