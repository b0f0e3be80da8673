import type { Position } from 'geojson';
import type { ValidationIssue } from './validationReport';
import type { FeatureRecord } from './checkGeoJsonStructure';
import { featureIssue } from './featureIssue';
import { crsOfMember, parseCrsName, type CrsName } from './parseCrsName';
import { projectedCrs } from './projectedCrs';
import type { CoordinateTransform } from '../crs/coordinateTransform';
import { declaredCrsTransform, type DeclaredCrsOptions } from '../crs/declaredCrsTransform';
import { detectProjectedCrs } from './detectProjectedCrs';
import { bd09ToWgs84, gcj02ToWgs84 } from './chineseWebCoordinates';
import { forEachPosition } from './forEachPosition';
import { quoteValue, quoteValueZh } from './safeText';

export type { CoordinateTransform } from '../crs/coordinateTransform';

export type CrsDecision =
  | { ok: true; transform?: CoordinateTransform }
  | { ok: false; issue: ValidationIssue; crsNeeded?: number; datumShiftNeeded?: { crs: string; datum: { zh: string; en: string } } };

export interface CrsOptions extends DeclaredCrsOptions {
  declaredCrs?: string;
  convertFrom?: 'gcj02' | 'bd09';
  districtBounds?: readonly [number, number, number, number];
}

/** Degrees never exceed this; coordinates that do are metres (or garbage), never degrees. */
const PROJECTED_MAGNITUDE = 1000;

const CHINESE_WEB = {
  gcj02: { from: 'GCJ-02', name: { zh: 'GCJ-02（高德、腾讯等国测局坐标）', en: 'GCJ-02 (Amap, Tencent)' }, toLonLat: gcj02ToWgs84 },
  bd09: { from: 'BD-09', name: { zh: 'BD-09（百度坐标）', en: 'BD-09 (Baidu)' }, toLonLat: bd09ToWgs84 },
};

/**
 * Decides the source CRS (docs/input-rules.md, C1–C5): a declared CRS and the file's `crs` member must
 * agree; a projected CRS is converted with a pinned definition; coordinates with magnitudes of
 * metres are refused as degrees, and their likely CRS named; swapped axes are caught.
 */
export function resolveCoordinateTransform(root: Record<string, unknown>, records: readonly FeatureRecord[], options: CrsOptions): CrsDecision {
  const refuse = (issue: ValidationIssue): CrsDecision => ({ ok: false, issue });
  const member = root.crs === undefined ? undefined : crsOfMember(root.crs);
  const declared = options.declaredCrs === undefined ? undefined : parseCrsName(options.declaredCrs);
  for (const [crs, path] of [[member, '/crs'], [declared, '']] as const)
    if (crs?.kind === 'unknown')
      return refuse(featureIssue(undefined, 'UNSUPPORTED_CRS', path, `不支持的坐标系 ${crs.label}；请在 QGIS 中导出为 EPSG:4326 经纬度，或使用 CGCS2000 高斯-克吕格、Web 墨卡托、UTM`, `unsupported CRS ${crs.label}; export to EPSG:4326 lon/lat in QGIS, or use CGCS2000 Gauss-Krüger, Web Mercator or UTM`));
  if (member && declared && member.label !== declared.label)
    return refuse(featureIssue(undefined, 'CRS_CONFLICT', '/crs', `文件的 crs 为 ${member.label}，但指定的是 ${declared.label}`, `the file's crs is ${member.label}, but ${declared.label} was declared`));
  const source: CrsName | undefined = declared ?? member;
  const bbox = positionsBbox(records);
  if (!bbox) return { ok: true };
  const magnitude = Math.max(...bbox.map(Math.abs));

  if (source?.kind === 'epsg' || source?.kind === 'wkt') {
    if (options.convertFrom)
      return refuse(featureIssue(undefined, 'CRS_CONFLICT', '', `投影坐标系 ${source.label} 不能再按 ${options.convertFrom} 转换`, `projected ${source.label} coordinates cannot also be converted from ${options.convertFrom}`));
    const result = declaredCrsTransform(source, bbox, options);
    if (result.ok) return { ok: true, transform: result.transform };
    const decision: CrsDecision = { ok: false, issue: featureIssue(undefined, result.code, member && !declared ? '/crs' : '', result.message.zh, result.message.en) };
    if (result.crsNeeded !== undefined) decision.crsNeeded = result.crsNeeded;
    if (result.datumShiftNeeded) decision.datumShiftNeeded = result.datumShiftNeeded;
    return decision;
  }

  const [west, south, east, north] = bbox;
  if (magnitude > PROJECTED_MAGNITUDE) {
    const first = firstPosition(records, (x, y) => Math.abs(x) > PROJECTED_MAGNITUDE || Math.abs(y) > PROJECTED_MAGNITUDE);
    const guess = detectProjectedCrs(bbox, options.districtBounds);
    const sample = first ? `x=${quoteValue(first.position[0])}, y=${quoteValue(first.position[1])}` : '';
    const codes = guess?.codes ?? [];
    const named = codes.length === 1 || (codes.length > 1 && codes.length <= 3)
      ? codes.map((code) => projectedCrs(code)?.name).filter((name) => name !== undefined)
      : [];
    const likeZh = named.length ? named.map((name) => name.zh).join(' 或 ') : (guess?.family.zh ?? '未知的投影坐标系');
    const likeEn = named.length ? named.map((name) => name.en).join(' or ') : (guess?.family.en ?? 'an unknown projected CRS');
    const example = codes.length >= 1 && codes.length <= 3 ? `EPSG:${codes[0]}` : 'EPSG:xxxx';
    const because = source ? { zh: `文件声明为 ${source.label}，但`, en: `the file says ${source.label}, but ` } : { zh: '', en: '' };
    return refuse(featureIssue(first?.record.label, 'COORDINATES_LOOK_PROJECTED', first?.path ?? '', `${because.zh}坐标看起来是投影坐标（米，${sample}），像是${likeZh}；不会按经纬度读取，请声明坐标系（如 --crs ${example}）`, `${because.en}the coordinates look projected (metres, ${sample}), like ${likeEn}; they are never read as degrees: declare the CRS (e.g. --crs ${example})`));
  }
  if ((south < -90 || north > 90) && west >= -90 && east <= 90 && south >= -180 && north <= 180) {
    const first = firstPosition(records, (_x, y) => Math.abs(y) > 90);
    return refuse(featureIssue(first?.record.label, 'COORDINATES_SWAPPED', first?.path ?? '', `纬度 ${quoteValueZh(first?.position[1])} 超出 ±90°：经纬度顺序似乎颠倒了，GeoJSON 的坐标顺序是 [经度, 纬度]`, `latitude ${quoteValue(first?.position[1])} is beyond ±90°: latitude and longitude look swapped; GeoJSON positions are [longitude, latitude]`));
  }
  if (options.convertFrom) return { ok: true, transform: CHINESE_WEB[options.convertFrom] };
  return { ok: true };
}

function positionsBbox(records: readonly FeatureRecord[]): [number, number, number, number] | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const record of records) {
    if (!record.ok || !record.geometry) continue;
    forEachPosition(record.geometry, ([x = 0, y = 0]) => {
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    });
  }
  return west <= east ? [west, south, east, north] : undefined;
}

function firstPosition(records: readonly FeatureRecord[], test: (x: number, y: number) => boolean): { record: FeatureRecord; path: string; position: Position } | undefined {
  for (const record of records) {
    if (!record.ok || !record.geometry) continue;
    let found: { record: FeatureRecord; path: string; position: Position } | undefined;
    forEachPosition(record.geometry, (position, suffix) => {
      if (!test(position[0] ?? 0, position[1] ?? 0)) return false;
      found = { record, path: `${record.geometryPointer}${suffix()}`, position };
      return true;
    });
    if (found) return found;
  }
  return undefined;
}
