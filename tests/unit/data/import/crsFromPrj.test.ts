/** .prj WKT to the EPSG codes the validator can reproject from; everything else named, not guessed. */
import { describe, expect, it } from 'vitest';
import { crsFromPrj } from '../../../../src/data/import/crsFromPrj';

const GCS_CGCS2000 = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_BEIJING = 'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const tm = (name: string, geographic: string, centralMeridian: number, falseEasting: number, scale = 1, falseNorthing = 0, projection = 'Gauss_Kruger'): string =>
  `PROJCS["${name}",${geographic},PROJECTION["${projection}"],PARAMETER["False_Easting",${falseEasting}],PARAMETER["False_Northing",${falseNorthing}],PARAMETER["Central_Meridian",${centralMeridian}],PARAMETER["Scale_Factor",${scale}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('crsFromPrj', () => {
  it.each([
    [tm('CGCS2000_3_Degree_GK_CM_102E', GCS_CGCS2000, 102, 500000), 'EPSG:4543'],
    [tm('CGCS2000_3_Degree_GK_CM_75E', GCS_CGCS2000, 75, 500000), 'EPSG:4534'],
    [tm('CGCS2000_3_Degree_GK_CM_135E', GCS_CGCS2000, 135, 500000), 'EPSG:4554'],
    [tm('CGCS2000_3_Degree_GK_Zone_34', GCS_CGCS2000, 102, 34500000), 'EPSG:4522'],
    [tm('CGCS2000_3_Degree_GK_Zone_25', GCS_CGCS2000, 75, 25500000), 'EPSG:4513'],
    [tm('CGCS2000_GK_CM_105E', GCS_CGCS2000, 105, 500000), 'EPSG:4507'],
    [tm('CGCS2000_GK_Zone_18', GCS_CGCS2000, 105, 18500000), 'EPSG:4496'],
    [tm('WGS_1984_UTM_Zone_48N', GCS_WGS84, 105, 500000, 0.9996, 0, 'Transverse_Mercator'), 'EPSG:32648'],
    [tm('WGS_1984_UTM_Zone_48S', GCS_WGS84, 105, 500000, 0.9996, 10000000, 'Transverse_Mercator'), 'EPSG:32748'],
    [GCS_CGCS2000, 'EPSG:4490'],
    [GCS_WGS84, 'EPSG:4326'],
    [
      'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",' + GCS_WGS84 + ',PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]',
      'EPSG:3857',
    ],
    ['PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 102E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",102],PARAMETER["false_easting",500000],UNIT["metre",1],AUTHORITY["EPSG","4543"]]', 'EPSG:4543'],
  ])('%s → %s', (prj, epsg) => {
    expect(crsFromPrj(prj).epsg).toBe(epsg);
  });

  it.each([
    ['a CGCS2000 zone in feet', tm('CGCS2000_3_Degree_GK_CM_102E', GCS_CGCS2000, 102, 500000).replace('UNIT["Meter",1.0]]', 'UNIT["Foot_US",0.3048006096012192]]')],
    ['a central meridian off the 3° grid', tm('local', GCS_CGCS2000, 102.5, 500000)],
    ['a zone prefix that disagrees with the meridian', tm('bad', GCS_CGCS2000, 105, 34500000)],
    ['a Lambert projection', 'PROJCS["Asia_Lambert_Conformal_Conic",' + GCS_WGS84 + ',PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",105],UNIT["Meter",1.0]]'],
  ])('leaves %s unrecognised but named', (_case, prj) => {
    const crs = crsFromPrj(prj);
    expect(crs.epsg).toBeUndefined();
    expect(crs.name).not.toBe('');
  });

  it('gives a Beijing 1954 zone with the same meridian (about 100 m away) its own code, never CGCS2000’s: the validator then asks for a datum shift', () => {
    expect(crsFromPrj(tm('Beijing_1954_3_Degree_GK_CM_102E', GCS_BEIJING, 102, 500000)).epsg).toBe('EPSG:2431');
  });

  it('keeps the WKT of a .prj it gives no code, for proj4 to read (docs/input-rules.md, C2)', () => {
    const prj = tm('local', GCS_CGCS2000, 102.5, 500000);
    expect(crsFromPrj(prj).wkt).toBe(prj);
  });

  it('names text that is not WKT, safely', () => {
    expect(crsFromPrj('<script>alert(1)</script>')).toEqual({ name: '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e' });
  });
});
