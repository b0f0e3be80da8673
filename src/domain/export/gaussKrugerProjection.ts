import proj4 from 'proj4';
import { projectedCrs } from '../validation/projectedCrs';

/** lon/lat (CGCS2000 ≈ WGS 84) to easting/northing in metres, and back. */
export interface GaussKrugerProjection {
  epsg: number;
  forward: (longitude: number, latitude: number) => [number, number];
  inverse: (easting: number, northing: number) => [number, number];
}

/**
 * The projection of a CGCS2000 Gauss-Krüger EPSG code, from the same pinned definitions the
 * importer reads these files with, or undefined for any other code. No datum shift: CGCS2000 and
 * WGS 84 differ by centimetres (docs/stack-notes.md, Measuring on the ellipsoid).
 */
export function gaussKrugerProjection(epsg: number): GaussKrugerProjection | undefined {
  const isGaussKruger = epsg >= 4491 && epsg <= 4554;
  const crs = isGaussKruger ? projectedCrs(epsg) : undefined;
  if (!crs) return undefined;
  const converter = proj4('EPSG:4326', crs.proj4);
  return {
    epsg,
    forward: (longitude, latitude) => {
      const [easting = Number.NaN, northing = Number.NaN] = converter.forward([longitude, latitude]);
      return [easting, northing];
    },
    inverse: (easting, northing) => {
      const [longitude = Number.NaN, latitude = Number.NaN] = converter.inverse([easting, northing]);
      return [longitude, latitude];
    },
  };
}
