import type { LocalizedText } from '../plan/manifest';
import { projectedCrs } from '../validation/projectedCrs';

const GEOGRAPHIC: Record<number, LocalizedText> = {
  4326: { zh: 'WGS 84 经纬度（EPSG:4326）', en: 'WGS 84 longitude/latitude (EPSG:4326)' },
  4490: { zh: 'CGCS2000 经纬度（EPSG:4490）', en: 'CGCS2000 longitude/latitude (EPSG:4490)' },
};

/**
 * A CRS as staff read it, in both languages: the pinned name of a code the app reprojects from
 * (an .prj names it only in English, "CGCS2000_3_Degree_GK_CM_102E"), else the file's own name.
 */
export function crsLabel(crs: { epsg?: string; name: string }): LocalizedText {
  const match = crs.epsg === undefined ? null : /^EPSG:(\d+)$/i.exec(crs.epsg.trim());
  const code = match ? Number(match[1]) : undefined;
  const known = code === undefined ? undefined : GEOGRAPHIC[code] ?? projectedCrs(code)?.name;
  return known ?? { zh: crs.name, en: crs.name };
}
