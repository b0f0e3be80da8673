import proj4 from 'proj4';
import type { CrsDefinition } from './crsDefinition';

/** proj4's datum kinds (proj4 lib/constants/values). */
const PJD_3PARAM = 1;
const PJD_7PARAM = 2;
const PJD_GRIDSHIFT = 3;
const PJD_WGS84 = 4;

/*
 * Whether a CRS's datum can be brought to CGCS2000 / WGS 84 from its definition alone
 * (docs/input-rules.md, C10). proj4js converts between datums it has no shift for by changing the
 * ellipsoid only, without a word: Xi'an 1980 (IAU 1976 ellipsoid, no shift) lands tens of metres
 * off. So a definition is trusted only when:
 *   - it is on GRS 80 or WGS 84 with no shift or a zero one (CGCS2000, WGS 84, ITRF-based
 *     national systems such as NZGD2000: centimetres from WGS 84, docs/stack-notes.md), or
 *   - the registry gives it a 3- or 7-parameter shift (+towgs84) that is not a nationwide
 *     approximation known to be metres off at a district's scale.
 * Grid shifts (+nadgrids) need files the app does not carry: their datum counts as unknown too.
 */

export type DatumShiftNeed =
  | { kind: 'none' }
  /** A published shift of limited accuracy; applied, with a warning. */
  | { kind: 'published'; towgs84: string; accuracyMeters?: number }
  /** No usable shift: the data waits for a datum-shift profile. */
  | { kind: 'unknown'; datum: { zh: string; en: string } };

/**
 * EPSG codes whose registry shift is a nationwide approximation for China: Beijing 1954
 * geographic (4214) and its Gauss-Krüger zones (2401–2442 3°, 21413–21423 and 21453–21463 6°).
 * Its 3 parameters are the one set EPSG publishes for the whole
 * country; a bureau's own parameters are metres to tens of metres different.
 */
function isBeijing1954(code: number): boolean {
  return code === 4214 || (code >= 2401 && code <= 2442) || (code >= 21413 && code <= 21423) || (code >= 21453 && code <= 21463);
}

/** Xi'an 1980 geographic (4610) and its Gauss-Krüger zones (2327–2390); EPSG publishes no shift for them. */
function isXian1980(code: number): boolean {
  return code === 4610 || (code >= 2327 && code <= 2390);
}

const XIAN_1980 = { zh: '西安 1980 坐标系', en: 'Xi’an 1980' };
const BEIJING_1954 = { zh: '北京 1954 坐标系', en: 'Beijing 1954' };

/** Ellipsoids of CGCS2000 (GRS 80) and WGS 84 by inverse flattening, and the Web Mercator sphere. */
const CGCS2000_OR_WGS84_RF = [298.257222101, 298.257223563];

/** `definition.proj4` is a proj4 string or WKT (a shapefile's .prj), which proj4 reads either way; `code` 0 when there is none. */
export function datumShiftNeed(definition: Pick<CrsDefinition, 'code' | 'proj4' | 'accuracyMeters'>): DatumShiftNeed {
  const { code, proj4: text } = definition;
  if (isXian1980(code)) return { kind: 'unknown', datum: XIAN_1980 };
  if (isBeijing1954(code)) return { kind: 'unknown', datum: BEIJING_1954 };
  // proj4 keeps the parsed definition's own members (datumCode, datum_params) beside its typed ones.
  const parsed = new proj4.Proj(text) as InstanceType<typeof proj4.Proj> & { datumCode?: unknown; datum_params?: unknown };
  const datumCode = String(parsed.datumCode ?? '');
  // A WKT names its datum; a Xi'an 1980 or Beijing 1954 one may even carry the nationwide TOWGS84.
  if (/xi.?an/i.test(datumCode) || (code === 0 && /xi.?an[\s_]*1980/i.test(text))) return { kind: 'unknown', datum: XIAN_1980 };
  if (/beijing/i.test(datumCode) || (code === 0 && /beijing[\s_]*1954/i.test(text))) return { kind: 'unknown', datum: BEIJING_1954 };
  const a = Number(parsed.a);
  const rf = Number(parsed.rf);
  const ellipsoid = Number.isFinite(rf) ? `a = ${a} m, 1/f = ${rf}` : `a = ${a} m`;
  const other = { zh: `椭球 ${ellipsoid} 上的未知大地基准`, en: `an unknown datum on the ellipsoid ${ellipsoid}` };
  const datumType = Number(parsed.datum?.datum_type);
  const parameters = Array.isArray(parsed.datum_params) ? parsed.datum_params.map(Number) : [];
  if (datumType === PJD_GRIDSHIFT) return { kind: 'unknown', datum: other };
  if (datumType === PJD_WGS84) return { kind: 'none' };
  if (datumType === PJD_3PARAM || datumType === PJD_7PARAM) {
    if (parameters.every((value) => value === 0)) return { kind: 'none' };
    const published: DatumShiftNeed = { kind: 'published', towgs84: parameters.join(',') };
    if (definition.accuracyMeters !== undefined) published.accuracyMeters = definition.accuracyMeters;
    return published;
  }
  const onGrs80OrWgs84 = a === 6378137 && (!Number.isFinite(rf) ? Number(parsed.b) === a : CGCS2000_OR_WGS84_RF.some((known) => Math.abs(known - rf) < 1e-6));
  return onGrs80OrWgs84 ? { kind: 'none' } : { kind: 'unknown', datum: other };
}
