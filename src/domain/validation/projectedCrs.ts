import proj4 from 'proj4';

/*
 * Pinned proj4 definitions of the projected CRSs Chinese survey and web data arrive in. proj4
 * has none of the CGCS2000 Gauss-Krüger zones built in, so they are written out from the EPSG
 * registry's parameters (transverse Mercator, k = 1, GRS 80, false northing 0):
 *   EPSG:4491–4501  6° zones 13–23, false easting zone × 10⁶ + 500 000 (zone number prefixed)
 *   EPSG:4502–4512  6° zones by central meridian 75°E–135°E, false easting 500 000
 *   EPSG:4513–4533  3° zones 25–45, false easting zone × 10⁶ + 500 000 (zone number prefixed)
 *   EPSG:4534–4554  3° zones by central meridian 75°E–135°E, false easting 500 000
 * CGCS2000 and WGS 84 differ by centimetres, so no datum shift is applied (docs/stack-notes.md, Measuring on the ellipsoid).
 */

export interface ProjectedCrs {
  code: number;
  name: { zh: string; en: string };
  proj4: string;
}

const gaussKruger = (centralMeridian: number, falseEasting: number): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

const WEB_MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
/** Web Mercator and its historical aliases (Google's 900913, Esri's 102100/102113). */
const WEB_MERCATOR_CODES = new Set([3857, 3785, 900913, 102100, 102113]);

export function projectedCrs(code: number): ProjectedCrs | undefined {
  const epsg = `EPSG:${code}`;
  if (WEB_MERCATOR_CODES.has(code)) return { code, name: { zh: `Web 墨卡托（${epsg}）`, en: `Web Mercator (${epsg})` }, proj4: WEB_MERCATOR };
  if (code >= 4491 && code <= 4501) {
    const zone = 13 + code - 4491;
    return { code, name: { zh: `CGCS2000 6 度带高斯-克吕格第 ${zone} 带，带号前缀（${epsg}）`, en: `CGCS2000 6° Gauss-Krüger zone ${zone} with zone prefix (${epsg})` }, proj4: gaussKruger(6 * zone - 3, zone * 1e6 + 500000) };
  }
  if (code >= 4502 && code <= 4512) {
    const meridian = 75 + 6 * (code - 4502);
    return { code, name: { zh: `CGCS2000 6 度带高斯-克吕格，中央经线 ${meridian}°E（${epsg}）`, en: `CGCS2000 6° Gauss-Krüger CM ${meridian}°E (${epsg})` }, proj4: gaussKruger(meridian, 500000) };
  }
  if (code >= 4513 && code <= 4533) {
    const zone = 25 + code - 4513;
    return { code, name: { zh: `CGCS2000 3 度带高斯-克吕格第 ${zone} 带，带号前缀（${epsg}）`, en: `CGCS2000 3° Gauss-Krüger zone ${zone} with zone prefix (${epsg})` }, proj4: gaussKruger(3 * zone, zone * 1e6 + 500000) };
  }
  if (code >= 4534 && code <= 4554) {
    const meridian = 75 + 3 * (code - 4534);
    return { code, name: { zh: `CGCS2000 3 度带高斯-克吕格，中央经线 ${meridian}°E（${epsg}）`, en: `CGCS2000 3° Gauss-Krüger CM ${meridian}°E (${epsg})` }, proj4: gaussKruger(meridian, 500000) };
  }
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const zone = code % 100;
    const south = code >= 32701;
    const hemisphere = south ? 'S' : 'N';
    return { code, name: { zh: `WGS 84 UTM 第 ${zone}${hemisphere} 带（${epsg}）`, en: `WGS 84 / UTM zone ${zone}${hemisphere} (${epsg})` }, proj4: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs` };
  }
  return undefined;
}

/** Round trips further apart than this (metres) mean the point is outside the projection's domain. */
const ROUND_TRIP_TOLERANCE_METERS = 0.001;

/**
 * x/y in `crs` to lon/lat, or undefined when proj4 gives a non-finite result or one that does not
 * map back to the input (proj4 returns plausible-looking nonsense far outside a zone instead of
 * failing; docs/input-rules.md, C9).
 */
export function toLonLat(crs: ProjectedCrs): (x: number, y: number) => [number, number] | undefined {
  const converter = proj4(crs.proj4, 'EPSG:4326');
  return (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    const [lon = Number.NaN, lat = Number.NaN] = converter.forward([x, y]);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) return undefined;
    const [backX = Number.NaN, backY = Number.NaN] = converter.inverse([lon, lat]);
    if (!(Math.abs(backX - x) <= ROUND_TRIP_TOLERANCE_METERS && Math.abs(backY - y) <= ROUND_TRIP_TOLERANCE_METERS)) return undefined;
    return [lon, lat];
  };
}
