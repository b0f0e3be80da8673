import { safeText } from '../../domain/validation/safeText';
import { parseWkt, wktChild, wktChildren, wktName, type WktNode } from './parseWkt';
import { GAUSS_KRUGER_FAMILIES, gaussKrugerCode as familyCode } from '../../domain/crs/gaussKrugerFamilies';

/*
 * The CRS of a shapefile from its .prj (WKT1, usually in ESRI's dialect). An EPSG code is given
 * only when the definition matches one the validator has a pinned definition for
 * (src/domain/validation/projectedCrs.ts): CGCS2000 geographic (4490) and its 3° and 6°
 * Gauss-Krüger zones (4491–4554), WGS 84 (4326), its UTM zones (326xx, 327xx) and Web Mercator
 * (3857). Matching is by datum and projection parameters, not by name alone, so a Beijing 1954
 * or Xi'an 1980 zone with the same central meridian (about 100 m away) is never taken for
 * CGCS2000: it stays unknown, named, for the user to decide.
 */

export interface ImportCrs {
  /** "EPSG:4543", when recognised. */
  epsg?: string;
  /** The name the file gives, shown to the user either way. */
  name: string;
  /**
   * The .prj's text when no EPSG code was recognised: proj4 reads ESRI and OGC WKT as a
   * definition, so validateGeoJson takes it as the declared CRS (docs/input-rules.md, C2), with
   * the same honesty about its datum (C10).
   */
  wkt?: string;
}

const near = (value: number | undefined, expected: number, tolerance = 1e-6): boolean => value !== undefined && Math.abs(value - expected) <= tolerance;

function numberAt(node: WktNode | undefined, index: number): number | undefined {
  const value = node?.values[index];
  return typeof value === 'number' ? value : undefined;
}

/** An explicit EPSG authority: WKT1 AUTHORITY["EPSG","4543"] or WKT2 ID["EPSG",4543]. */
function authorityCode(root: WktNode): number | undefined {
  const authority = wktChild(root, 'AUTHORITY') ?? wktChild(root, 'ID');
  if (!authority || !/^epsg$/i.test(wktName(authority))) return undefined;
  const code = Number(authority.values[1]);
  return Number.isInteger(code) && code > 0 ? code : undefined;
}

type Datum = 'cgcs2000' | 'wgs84' | 'xian1980' | 'beijing1954' | 'other';

/** CGCS2000 by name, or a GRS 80 ellipsoid on a datum named for China or 2000; WGS 84 by name or ellipsoid. */
function datumOf(geographic: WktNode | undefined): Datum {
  if (!geographic) return 'other';
  const datum = wktChild(geographic, 'DATUM');
  const spheroid = datum && (wktChild(datum, 'SPHEROID') ?? wktChild(datum, 'ELLIPSOID'));
  const names = `${wktName(geographic)} ${wktName(datum)}`;
  const grs80 = near(numberAt(spheroid, 1), 6378137, 1e-3) && near(numberAt(spheroid, 2), 298.257222101, 1e-6);
  const wgs84Ellipsoid = near(numberAt(spheroid, 1), 6378137, 1e-3) && near(numberAt(spheroid, 2), 298.257223563, 1e-6);
  if (/cgcs|china[\s_]*(geodetic|2000)|china_2000/i.test(names) || (grs80 && /2000/.test(names))) return 'cgcs2000';
  if (/wgs[\s_-]*(19)?84/i.test(names) || wgs84Ellipsoid) return 'wgs84';
  // Named, and on their own ellipsoids (IAU 1976, Krassovsky), so a Gauss-Krüger zone is given its EPSG code and a profile can be matched to it.
  if (/xi.?an[\s_]*(19)?80/i.test(names) && near(numberAt(spheroid, 1), 6378140, 1e-3)) return 'xian1980';
  if (/beijing[\s_]*(19)?54/i.test(names) && near(numberAt(spheroid, 1), 6378245, 1e-3)) return 'beijing1954';
  return 'other';
}

function parametersOf(projected: WktNode): Map<string, number> {
  const parameters = new Map<string, number>();
  for (const parameter of wktChildren(projected, 'PARAMETER')) {
    const value = numberAt(parameter, 1);
    if (value !== undefined) parameters.set(wktName(parameter).toLowerCase().replace(/[\s-]+/g, '_'), value);
  }
  return parameters;
}

function gaussKrugerCode(centralMeridian: number, falseEasting: number, name: string): number | undefined {
  if (near(falseEasting, 500000, 1e-3)) {
    const sixDegree = !/3[\s_-]*degree/i.test(name) && /(gk|gauss)/i.test(name) && /6[\s_-]*degree|gk[\s_]*cm|gauss-kruger[\s_]*cm/i.test(name);
    if (sixDegree && Number.isInteger((centralMeridian + 3) / 6) && centralMeridian >= 75 && centralMeridian <= 135) return 4502 + (centralMeridian - 75) / 6;
    if (Number.isInteger(centralMeridian / 3) && centralMeridian >= 75 && centralMeridian <= 135) return 4534 + (centralMeridian - 75) / 3;
    return undefined;
  }
  // Zone number prefixed to the false easting: zone × 10⁶ + 500 000.
  const zone = (falseEasting - 500000) / 1e6;
  if (!Number.isInteger(zone)) return undefined;
  if (zone >= 25 && zone <= 45 && near(centralMeridian, 3 * zone)) return 4513 + zone - 25;
  if (zone >= 13 && zone <= 23 && near(centralMeridian, 6 * zone - 3)) return 4491 + zone - 13;
  return undefined;
}

/** A Xi'an 1980 or Beijing 1954 zone's code: the families of src/domain/crs/gaussKrugerFamilies.ts. */
function olderGaussKrugerCode(datum: 'xian1980' | 'beijing1954', centralMeridian: number, falseEasting: number, name: string): number | undefined {
  const prefixed = !near(falseEasting, 500000, 1e-3);
  const threeDegree = prefixed ? (falseEasting - 500000) / 1e6 >= 25 : /3[\s_-]*degree/i.test(name) || !Number.isInteger((centralMeridian + 3) / 6);
  const family = GAUSS_KRUGER_FAMILIES.find((candidate) => candidate.datum === (datum === 'xian1980' ? 'Xian 1980' : 'Beijing 1954') && candidate.degrees === (threeDegree ? 3 : 6));
  if (!family) return undefined;
  const zone = prefixed ? (falseEasting - 500000) / 1e6 : family.degrees === 3 ? centralMeridian / 3 : (centralMeridian + 3) / 6;
  const meridian = family.degrees === 3 ? 3 * zone : 6 * zone - 3;
  if (!Number.isInteger(zone) || !near(centralMeridian, meridian)) return undefined;
  return familyCode(family, zone, prefixed);
}

function projectedCode(projected: WktNode): number | undefined {
  const geographic = wktChild(projected, 'GEOGCS');
  const datum = datumOf(geographic);
  const projection = wktName(wktChild(projected, 'PROJECTION')).toLowerCase();
  const name = wktName(projected);
  const p = parametersOf(projected);
  const unit = wktChild(projected, 'UNIT');
  if (!near(numberAt(unit, 1) ?? 1, 1)) return undefined; // feet, or anything but metres
  const centralMeridian = p.get('central_meridian') ?? p.get('longitude_of_center') ?? 0;
  const falseEasting = p.get('false_easting') ?? 0;
  const falseNorthing = p.get('false_northing') ?? 0;
  const scale = p.get('scale_factor') ?? 1;
  const origin = p.get('latitude_of_origin') ?? 0;

  if (/mercator_auxiliary_sphere|pseudo[\s_-]*mercator|popular_visuali[sz]ation/i.test(`${projection} ${name}`) || (/web[\s_]*mercator/i.test(name) && /mercator/.test(projection)))
    return near(centralMeridian, 0) && near(falseEasting, 0) && near(falseNorthing, 0) ? 3857 : undefined;
  if (!/transverse_mercator|gauss_kruger|gauss-kruger/.test(projection) || !near(origin, 0)) return undefined;
  if (datum === 'cgcs2000' && near(scale, 1) && near(falseNorthing, 0)) return gaussKrugerCode(centralMeridian, falseEasting, name);
  if ((datum === 'xian1980' || datum === 'beijing1954') && near(scale, 1) && near(falseNorthing, 0)) return olderGaussKrugerCode(datum, centralMeridian, falseEasting, name);
  if (datum === 'wgs84' && near(scale, 0.9996) && near(falseEasting, 500000, 1e-3)) {
    const zone = (centralMeridian + 183) / 6;
    if (!Number.isInteger(zone) || zone < 1 || zone > 60) return undefined;
    if (near(falseNorthing, 0)) return 32600 + zone;
    if (near(falseNorthing, 10000000, 1e-3)) return 32700 + zone;
  }
  return undefined;
}

/** What the .prj says, with an EPSG code when it is one the app can reproject from. */
export function crsFromPrj(prj: string): ImportCrs {
  const root = parseWkt(prj.replace(/^\uFEFF/, ''));
  if (!root) return { name: safeText(prj.trim() || '(empty .prj)', 120) };
  const name = safeText(wktName(root) || root.keyword, 120);
  const authority = authorityCode(root);
  if (authority !== undefined) return { epsg: `EPSG:${authority}`, name };
  let code: number | undefined;
  if (root.keyword === 'PROJCS') code = projectedCode(root);
  else if (root.keyword === 'GEOGCS') {
    const datum = datumOf(root);
    code = datum === 'cgcs2000' ? 4490 : datum === 'wgs84' ? 4326 : undefined;
  }
  return code === undefined ? { name, wkt: prj.replace(/^\uFEFF/, '').trim() } : { epsg: `EPSG:${code}`, name };
}
