import proj4 from 'proj4';
import type { ValidationCode } from '../validation/validationReport';
import type { CrsName } from '../validation/parseCrsName';
import { toLonLat } from '../validation/projectedCrs';
import type { DatumShiftProfile } from '../datum/datumShiftProfile';
import { datumShiftedToLonLat } from '../datum/datumShiftedToLonLat';
import type { CoordinateTransform } from './coordinateTransform';
import { isGeographic, type CrsDefinition } from './crsDefinition';
import { crsForCode } from './crsForCode';
import { datumShiftNeed } from './datumShiftNeed';
import { zonePrefixFinding } from './crsExtentIssue';

/*
 * The conversion of coordinates in a named CRS (an EPSG code or WKT) to CGCS2000 lon/lat, or why
 * there is none (docs/input-rules.md, C2, C10, C13): the definition must be known (pinned, or
 * loaded from the registry), degrees and metres must match the CRS, Gauss-Krüger eastings must
 * match the zone numbering, and a datum without a known shift needs a profile for exactly this
 * CRS. A published shift of limited accuracy is applied with a note.
 */

export interface DatumShiftChoice {
  profile: DatumShiftProfile;
  /** The CGCS2000 plane of a 4-parameter profile (its targetCrs). */
  target?: CrsDefinition;
}

export interface DeclaredCrsOptions {
  crsDefinitions?: ReadonlyMap<number, CrsDefinition>;
  datumShift?: DatumShiftChoice;
}

type Text = { zh: string; en: string };

export type DeclaredCrsResult =
  | { ok: true; transform: CoordinateTransform }
  | { ok: false; code: ValidationCode; message: Text; crsNeeded?: number; datumShiftNeeded?: { crs: string; datum: Text } };

function definitionOf(source: Extract<CrsName, { kind: 'epsg' | 'wkt' }>, options: DeclaredCrsOptions): CrsDefinition | undefined {
  if (source.kind === 'epsg') return crsForCode(source.code, options.crsDefinitions);
  try {
    // proj4 throws on WKT it cannot read (an unknown projection, a local CS): such a .prj names no usable CRS.
    new proj4.Proj(source.wkt);
  } catch {
    return undefined;
  }
  return { code: 0, name: { zh: `WKT 定义的坐标系 ${source.label}`, en: `the CRS defined by WKT ${source.label}` }, proj4: source.wkt };
}

export function declaredCrsTransform(source: Extract<CrsName, { kind: 'epsg' | 'wkt' }>, bbox: readonly [number, number, number, number], options: DeclaredCrsOptions): DeclaredCrsResult {
  const definition = definitionOf(source, options);
  if (!definition && source.kind === 'wkt')
    return { ok: false, code: 'UNSUPPORTED_CRS', message: { zh: `无法读取 .prj 中的坐标系定义 ${source.label}；请指定其 EPSG 代码`, en: `the CRS definition ${source.label} in the .prj cannot be read; give its EPSG code` } };
  if (!definition) {
    const message = { zh: `坐标系 ${source.label} 不在内置列表中，需要从 EPSG 坐标系库加载其定义；库中也没有时请在 QGIS 中导出为 EPSG:4326 经纬度`, en: `${source.label} is not among the built-in CRSs: its definition is loaded from the EPSG registry; if the registry lacks it too, export to EPSG:4326 lon/lat in QGIS` };
    return source.kind === 'epsg' ? { ok: false, code: 'UNSUPPORTED_CRS', message, crsNeeded: source.code } : { ok: false, code: 'UNSUPPORTED_CRS', message };
  }
  const magnitude = Math.max(...bbox.map(Math.abs));
  if (isGeographic(definition) ? magnitude > 360 : magnitude <= 360)
    return isGeographic(definition)
      ? { ok: false, code: 'CRS_CONFLICT', message: { zh: `坐标系 ${source.label} 是经纬度（度），但坐标看起来是投影坐标（米）；请改正坐标系`, en: `${source.label} is longitude/latitude (degrees), but the coordinates look projected (metres); correct the CRS` } }
      : { ok: false, code: 'CRS_CONFLICT', message: { zh: `坐标系为 ${source.label}（米），但坐标看起来是经纬度（度）；请改正坐标系`, en: `the CRS is ${source.label} (metres), but the coordinates look like lon/lat degrees; correct the CRS` } };
  if (source.kind === 'epsg') {
    const prefix = zonePrefixFinding(source.code, bbox);
    if (prefix) return { ok: false, code: 'CRS_AREA_MISMATCH', message: prefix.message };
  }
  const from = source.kind === 'epsg' ? source.label : `WKT ${source.label}`;
  const need = datumShiftNeed(definition);
  const profile = options.datumShift?.profile;
  if (profile) {
    if (source.kind !== 'epsg' || profile.sourceCrs !== source.label)
      return { ok: false, code: 'DATUM_SHIFT_MISMATCH', message: { zh: `转换参数“${profile.name}”适用于 ${profile.sourceCrs}，但数据的坐标系是 ${source.label}`, en: `the datum-shift profile "${profile.name}" is for ${profile.sourceCrs}, but the data is in ${source.label}` } };
    const shifted = datumShiftedToLonLat(definition, profile, options.datumShift?.target);
    if (!shifted) return { ok: false, code: 'DATUM_SHIFT_MISMATCH', message: { zh: `四参数“${profile.name}”的目标坐标系 ${profile.targetCrs} 不是已知的 CGCS2000 投影`, en: `the target ${profile.targetCrs} of the 4-parameter profile "${profile.name}" is not a known CGCS2000 plane` } };
    const method = profile.method === 'plane-4' ? { zh: '四参数', en: '4-parameter' } : { zh: '七参数', en: '7-parameter' };
    return { ok: true, transform: { from, name: { zh: `${definition.name.zh}（经${method.zh}转换“${profile.name}”）`, en: `${definition.name.en} (through the ${method.en} profile "${profile.name}")` }, toLonLat: shifted, definition, datumShift: profile.name } };
  }
  if (need.kind === 'unknown')
    return {
      ok: false,
      code: 'DATUM_SHIFT_UNKNOWN',
      message: { zh: `${source.label} 基于${need.datum.zh}，它到 CGCS2000 的转换参数未知：不会直接换算（会偏差数十米）。请在 datum-shifts.json 中选择或填写该坐标系的七参数或四参数（--datum-shift <参数名>）`, en: `${source.label} is on ${need.datum.en}, whose shift to CGCS2000 is unknown: it is not converted as it is (that would be tens of metres off). Choose or enter a 7- or 4-parameter profile for this CRS in datum-shifts.json (--datum-shift <profile name>)` },
      datumShiftNeeded: { crs: source.label, datum: need.datum },
    };
  const transform: CoordinateTransform = { from, name: definition.name, toLonLat: toLonLat(definition), definition };
  if (need.kind === 'published') {
    const accuracy = need.accuracyMeters === undefined ? { zh: '', en: '' } : { zh: `（EPSG 标注精度约 ${need.accuracyMeters} 米）`, en: ` (EPSG gives its accuracy as about ${need.accuracyMeters} m)` };
    transform.notes = [{ code: 'DATUM_SHIFT_APPROXIMATE', message: { zh: `${source.label} 的基准按 EPSG 公布的通用参数（${need.towgs84}）转换到 WGS 84${accuracy.zh}；需要更高精度时请使用本单位的转换参数`, en: `the datum of ${source.label} was shifted to WGS 84 with the parameters EPSG publishes (${need.towgs84})${accuracy.en}; for better accuracy use your own profile` } }];
  }
  return { ok: true, transform };
}
