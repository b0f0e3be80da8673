import { isRecord } from '../isRecord';
import { quoteValue } from './safeText';

/** A coordinate reference system named by a file's `crs` member or by the user. */
export type CrsName =
  /** Longitude/latitude on WGS84 or CGCS2000 (centimetres apart; docs/stack-notes.md): used as they are. */
  | { kind: 'lonlat'; label: string }
  | { kind: 'epsg'; code: number; label: string }
  /** Well-known text, as a shapefile's .prj holds it (ESRI or OGC WKT1, or WKT2): proj4 reads it as a definition. */
  | { kind: 'wkt'; wkt: string; label: string }
  | { kind: 'unknown'; label: string };

/** EPSG codes read as lon/lat degrees: WGS 84 and CGCS2000 (EPSG:4490). */
const LONLAT_CODES = new Set([4326, 4490]);

const CRS84 = /^(urn:ogc:def:crs:ogc:(1\.3)?:crs84|ogc:crs84|crs:?84|https?:\/\/www\.opengis\.net\/def\/crs\/ogc\/1\.3\/crs84)$/i;
// "EPSG:4543", "EPSG::4543", "urn:ogc:def:crs:EPSG::4543", "urn:ogc:def:crs:EPSG:6.6:4543", "http://www.opengis.net/def/crs/EPSG/0/4543", "4543".
const EPSG = /^(?:(?:urn:ogc:def:crs:)?epsg:(?:[\d.]*:)?|https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[\d.]+\/)?(\d{4,5})$/i;

const WKT = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|PROJECTEDCRS|GEOGRAPHICCRS)\s*\[/i;

/** Reads "EPSG:4543", URN and URL forms, CRS84 and bare codes. */
export function parseCrsName(text: string): CrsName {
  const trimmed = text.trim();
  const label = quoteValue(trimmed, 80);
  if (CRS84.test(trimmed)) return { kind: 'lonlat', label: 'CRS84' };
  if (WKT.test(trimmed)) return { kind: 'wkt', wkt: trimmed, label: quoteValue(/"([^"]*)"/.exec(trimmed)?.[1] ?? 'WKT', 80) };
  const match = EPSG.exec(trimmed);
  if (!match) return { kind: 'unknown', label };
  const code = Number(match[1]);
  // GeoJSON 2008 files name EPSG:4326 but hold lon/lat, as GDAL writes them (RFC 7946 Appendix B.1).
  if (LONLAT_CODES.has(code)) return { kind: 'lonlat', label: `EPSG:${code}` };
  return { kind: 'epsg', code, label: `EPSG:${code}` };
}

/**
 * The CRS of a GeoJSON 2008 `crs` member: {"type":"name","properties":{"name":…}} or the older
 * {"type":"EPSG","properties":{"code":…}}. Linked CRSs cannot be resolved offline.
 */
export function crsOfMember(crs: unknown): CrsName {
  if (!isRecord(crs) || !isRecord(crs.properties)) return { kind: 'unknown', label: quoteValue(crs) };
  const { name, code } = crs.properties;
  if (crs.type === 'name' && typeof name === 'string') return parseCrsName(name);
  if (crs.type === 'EPSG' && (typeof code === 'number' || typeof code === 'string')) return parseCrsName(String(code));
  return { kind: 'unknown', label: quoteValue(typeof name === 'string' ? name : crs.type) };
}
