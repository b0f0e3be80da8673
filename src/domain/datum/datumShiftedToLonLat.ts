import type { CrsDefinition } from '../crs/crsDefinition';
import { sourceGeodetic } from '../crs/sourceGeodetic';
import { toLonLat } from '../validation/projectedCrs';
import { applyHelmert, helmertParameters } from './bursaWolf';
import type { DatumShiftProfile } from './datumShiftProfile';
import { GRS80, geocentricToGeodetic, geodeticToGeocentric } from './geocentric';
import { applyPlaneFour } from './planeFourParameter';

/*
 * Coordinates of a profile's source CRS to CGCS2000 longitude/latitude (docs/input-rules.md,
 * C11). Seven parameters: the source plane to longitude/latitude on its own ellipsoid (no
 * shift), to geocentric X, Y, Z at height 0, the Bursa-Wolf transformation, back to geodetic on
 * GRS 80. Plane heights are not in the files; a height of 0 instead of the real one (a few
 * hundred metres) moves a point by well under a millimetre for rotations of a few arc-seconds.
 * Four parameters: the similarity in the plane, then the CGCS2000 plane `target` to
 * longitude/latitude.
 */
export function datumShiftedToLonLat(source: Pick<CrsDefinition, 'proj4'>, profile: DatumShiftProfile, target?: CrsDefinition): ((x: number, y: number) => [number, number] | undefined) | undefined {
  if (profile.method === 'plane-4') {
    if (!target) return undefined;
    const targetToLonLat = toLonLat(target);
    return (x, y) => {
      const [easting, northing] = applyPlaneFour(profile, x, y);
      return targetToLonLat(easting, northing);
    };
  }
  const geodetic = sourceGeodetic(source);
  const helmert = helmertParameters(profile);
  return (x, y) => {
    const lonLat = geodetic.toGeodetic(x, y);
    if (!lonLat) return undefined;
    const shifted = applyHelmert(helmert, geodeticToGeocentric(geodetic.ellipsoid, lonLat[0], lonLat[1], 0));
    const [lon, lat] = geocentricToGeodetic(GRS80, ...shifted);
    return Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : undefined;
  };
}
