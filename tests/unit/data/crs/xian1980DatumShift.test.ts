import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { datumShiftChoice as choiceWithRegistry, validateWithCrsRegistry } from '../../../../src/data/crs/validateWithCrsRegistry';
import { readCrsDefinition } from '../../../../src/data/crs/readCrsDefinition';
import type { ValidateGeoJsonOptions } from '../../../../src/domain/validation/validateGeoJson';
import { parseDatumShifts, type DatumShiftProfile } from '../../../../src/domain/datum/datumShiftProfile';
import { crsFixtureBytes, crsFixtureJson, cs2csReference, largestDegreeDifference } from '../../../support/crsFixtures';

// docs/input-rules.md, C10–C11: a Xi'an 1980 file is never converted without a datum-shift
// profile, and with one lands where cs2cs puts it with the same seven parameters.

function profile(name: string): DatumShiftProfile {
  const parsed = parseDatumShifts(crsFixtureJson('datum-shifts.json'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const found = parsed.value.profiles.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no profile ${name}`);
  return found;
}

const parcel = crsFixtureBytes('xian1980-gk102-parcel.geojson');
const datumShiftChoice = (chosen: DatumShiftProfile) => choiceWithRegistry(chosen, readCrsDefinition);
const validateWithRegistry = (input: Uint8Array | string, options: ValidateGeoJsonOptions = {}) => validateWithCrsRegistry(input, options, readCrsDefinition);

describe('a Xi’an 1980 Gauss-Krüger file (EPSG:2379)', () => {
  it('is refused without a profile: the shift is unknown, and the report asks for one', async () => {
    const report = await validateWithRegistry(parcel);
    expect(report.problems.map((problem) => problem.code)).toEqual(['DATUM_SHIFT_UNKNOWN']);
    expect(report.problems[0]?.message.en).toContain('Xi’an 1980, whose shift to CGCS2000 is unknown');
    expect(report.datumShiftNeeded).toEqual({ crs: 'EPSG:2379', datum: { zh: '西安 1980 坐标系', en: 'Xi’an 1980' } });
    expect(report.collection).toBeUndefined();
  });

  it('is placed where cs2cs places it with the same seven parameters (position vector)', async () => {
    const reference = cs2csReference('xian1980-gk102-parcel.cs2cs-lonlat.json');
    const report = await validateWithRegistry(parcel, { datumShift: await datumShiftChoice(profile('西安80-测试七参数')) });
    expect(report.problems).toEqual([]);
    expect(report.reprojection).toEqual({ from: 'EPSG:2379', to: 'EPSG:4326', datumShift: '西安80-测试七参数' });
    const polygon = report.collection?.features[0]?.geometry as Polygon;
    // 1e-8° is about a millimetre: the two computations agree to the rounding of the fixture.
    expect(largestDegreeDifference(polygon.coordinates[0] ?? [], reference.lonLat)).toBeLessThan(1e-8);
  });

  it('gives the same places with the coordinate-frame convention and the rotations’ signs flipped', async () => {
    const positionVector = await validateWithRegistry(parcel, { datumShift: await datumShiftChoice(profile('西安80-测试七参数')) });
    const coordinateFrame = await validateWithRegistry(parcel, { datumShift: await datumShiftChoice(profile('西安80-测试七参数-坐标框架')) });
    const a = (positionVector.collection?.features[0]?.geometry as Polygon).coordinates[0] ?? [];
    const b = (coordinateFrame.collection?.features[0]?.geometry as Polygon).coordinates[0] ?? [];
    expect(largestDegreeDifference(a, b)).toBeLessThan(1e-12);
  });

  it('refuses a profile made for another CRS', async () => {
    const report = await validateWithRegistry(parcel, { datumShift: await datumShiftChoice(profile('西安80-错误坐标系')) });
    expect(report.problems.map((problem) => problem.code)).toEqual(['DATUM_SHIFT_MISMATCH']);
    expect(report.problems[0]?.message.en).toContain('is for EPSG:2380, but the data is in EPSG:2379');
  });

  it('is refused the same way when declared by a .prj in ESRI WKT naming the Xi’an 1980 datum', async () => {
    const { crs: _crs, ...withoutCrs } = JSON.parse(new TextDecoder().decode(parcel)) as Record<string, unknown>;
    const text = JSON.stringify(withoutCrs);
    const wkt = 'PROJCS["Xian_1980_3_Degree_GK_CM_102E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",102.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const report = await validateWithRegistry(text, { declaredCrs: wkt });
    expect(report.problems.map((problem) => problem.code)).toEqual(['DATUM_SHIFT_UNKNOWN']);
  });

  it('is refused as Beijing 1954 too, whose registry shift is a nationwide approximation', async () => {
    const text = new TextDecoder().decode(parcel).replace('EPSG::2379', 'EPSG::2431');
    const report = await validateWithRegistry(text);
    expect(report.problems.map((problem) => problem.code)).toEqual(['DATUM_SHIFT_UNKNOWN']);
    expect(report.datumShiftNeeded?.datum.en).toBe('Beijing 1954');
  });
});
