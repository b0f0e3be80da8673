import type { CrsDefinition } from './crsDefinition';
import { gaussKrugerCode, gaussKrugerZoneOf } from './gaussKrugerFamilies';

/*
 * Whether data's extent fits its declared CRS (docs/input-rules.md, C13), in the words of a GIS
 * technician:
 *   - before conversion, Gauss-Krüger eastings against the zone numbering: 8-digit eastings
 *     (zone number in front) read in a zone without the prefix, 6-digit eastings in a zone with
 *     it, or a prefix naming another zone; each names the code that was probably meant;
 *   - after conversion, the longitude/latitude box against the CRS's area of use: wholly outside
 *     (beyond a margin for zone overlaps and rounding) it is refused as the wrong CRS, partly
 *     outside it gets a warning.
 */

export interface ExtentFinding {
  severity: 'problem' | 'warning';
  message: { zh: string; en: string };
}

/** Degrees of slack around an area of use: neighbouring Gauss-Krüger zones overlap by about this much in practice. */
const AREA_MARGIN_DEGREES = 0.5;

export function zonePrefixFinding(code: number, [west, , east]: readonly [number, number, number, number]): ExtentFinding | undefined {
  const zone = gaussKrugerZoneOf(code);
  if (!zone) return undefined;
  const epsg = `EPSG:${code}`;
  const dataZone = Math.floor(west / 1e6);
  const eightDigits = west >= 1e7 && dataZone === Math.floor(east / 1e6);
  const sixDigits = east < 1e6;
  if (!zone.prefixed && eightDigits) {
    const meant = gaussKrugerCode(zone.family, dataZone, true);
    const suggestion = meant === undefined ? { zh: '', en: '' } : { zh: `：是否应为 EPSG:${meant}？`, en: `: did you mean EPSG:${meant}?` };
    return { severity: 'problem', message: { zh: `东坐标带有带号前缀（8 位，第 ${dataZone} 带），但 ${epsg} 不带带号${suggestion.zh || '；请选择带带号的坐标系'}`, en: `eastings carry a zone prefix (8 digits, zone ${dataZone}) but ${epsg} has none${suggestion.en || '; choose the CRS with the zone prefix'}` } };
  }
  if (zone.prefixed && sixDigits) {
    const meant = gaussKrugerCode(zone.family, zone.zone, false);
    return { severity: 'problem', message: { zh: `东坐标没有带号前缀（6 位），但 ${epsg} 要求前面带第 ${zone.zone} 带的带号：是否应为 EPSG:${meant}？`, en: `eastings have no zone prefix (6 digits) but ${epsg} expects zone ${zone.zone} in front: did you mean EPSG:${meant}?` } };
  }
  if (zone.prefixed && eightDigits && dataZone !== zone.zone) {
    const meant = gaussKrugerCode(zone.family, dataZone, true);
    const suggestion = meant === undefined ? { zh: '', en: '' } : { zh: `：是否应为 EPSG:${meant}？`, en: `: did you mean EPSG:${meant}?` };
    return { severity: 'problem', message: { zh: `东坐标的带号是第 ${dataZone} 带，但 ${epsg} 是第 ${zone.zone} 带${suggestion.zh}`, en: `eastings carry zone ${dataZone} but ${epsg} is zone ${zone.zone}${suggestion.en}` } };
  }
  return undefined;
}

const degrees = (value: number): string => value.toFixed(2);

export function areaOfUseFinding(definition: CrsDefinition, lonLatBbox: readonly number[]): ExtentFinding | undefined {
  const area = definition.areaOfUse;
  if (!area) return undefined;
  const [west = 0, south = 0, east = 0, north = 0] = lonLatBbox;
  const [areaWest, areaSouth, areaEast, areaNorth] = area;
  const m = AREA_MARGIN_DEGREES;
  const inside = west >= areaWest - m && east <= areaEast + m && south >= areaSouth - m && north <= areaNorth + m;
  if (inside) return undefined;
  const overlaps = west <= areaEast + m && east >= areaWest - m && south <= areaNorth + m && north >= areaSouth - m;
  const where = `${degrees(west)}°–${degrees(east)}°E, ${degrees(south)}°–${degrees(north)}°N`;
  const span = `${degrees(areaWest)}°–${degrees(areaEast)}°E, ${degrees(areaSouth)}°–${degrees(areaNorth)}°N`;
  const areaName = definition.areaName ? `（${definition.areaName}）` : '';
  const areaNameEn = definition.areaName ? ` (${definition.areaName})` : '';
  const epsg = `EPSG:${definition.code}`;
  if (!overlaps)
    return { severity: 'problem', message: { zh: `按 ${epsg} 转换后数据位于 ${where}，完全在该坐标系的适用范围 ${span}${areaName}之外：坐标多半属于另一个坐标系，请核对`, en: `converted as ${epsg} the data lies at ${where}, wholly outside that CRS's area of use ${span}${areaNameEn}: the coordinates are probably in another CRS; check it` } };
  return { severity: 'warning', message: { zh: `按 ${epsg} 转换后数据（${where}）部分超出该坐标系的适用范围 ${span}${areaName}，超出部分的变形和精度无保证`, en: `converted as ${epsg} the data (${where}) reaches beyond that CRS's area of use ${span}${areaNameEn}; distortion and accuracy there are not what the CRS promises` } };
}
