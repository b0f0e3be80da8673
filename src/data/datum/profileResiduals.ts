import type { CrsDefinition } from '../../domain/crs/crsDefinition';
import { controlPointResiduals, type ResidualsResult } from '../../domain/datum/controlPointResiduals';
import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import { parseCrsName } from '../../domain/validation/parseCrsName';
import { crsDefinitionOf } from '../crs/validateWithCrsRegistry';
import type { LoadCrsDefinition } from '../crs/loadCrsDefinition';

/** CGCS2000 longitude/latitude, where a 7-parameter profile's control points are when it names no targetCrs. */
const CGCS2000_GEOGRAPHIC: CrsDefinition = { code: 4490, name: { zh: 'CGCS2000 经纬度（EPSG:4490）', en: 'CGCS2000 lon/lat (EPSG:4490)' }, proj4: '+proj=longlat +ellps=GRS80 +no_defs' };

/** The definitions of a profile's source and target CRS, loaded as the validator loads them, or undefined when either has none. */
export async function profileCrsDefinitions(profile: Pick<DatumShiftProfile, 'sourceCrs' | 'targetCrs'>, load?: LoadCrsDefinition): Promise<{ source: CrsDefinition; target: CrsDefinition } | undefined> {
  const definition = async (text: string | undefined): Promise<CrsDefinition | undefined> => {
    if (text === undefined || text === 'EPSG:4490') return CGCS2000_GEOGRAPHIC;
    const name = parseCrsName(text);
    return name.kind === 'epsg' ? crsDefinitionOf(name.code, load) : undefined;
  };
  const source = await definition(profile.sourceCrs);
  const target = await definition(profile.targetCrs);
  return source && target ? { source, target } : undefined;
}

/**
 * Each control point's residual in metres under `profile` (docs/input-rules.md, C12), with the
 * definitions of its source and target CRS loaded as the validator loads them.
 */
export async function profileResiduals(profile: DatumShiftProfile, load?: LoadCrsDefinition): Promise<ResidualsResult> {
  const definitions = await profileCrsDefinitions(profile, load);
  if (!definitions) return { ok: false, reason: { zh: `找不到 ${profile.sourceCrs} 或 ${profile.targetCrs ?? 'EPSG:4490'} 的定义`, en: `no definition of ${profile.sourceCrs} or ${profile.targetCrs ?? 'EPSG:4490'}` } };
  return controlPointResiduals(profile, definitions.source, definitions.target);
}
