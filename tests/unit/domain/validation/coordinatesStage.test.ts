/** Input rules C1–C9 (docs/input-rules.md): CRS members, projected and swapped coordinates, Chinese web datums, ranges. */
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from '../../../../src/domain/validation/chineseWebCoordinates';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { referenceDistance } from '../../../support/geodesicReference';
import { inputCaseBytes, validateInputCase } from '../../../support/inputCases';

const X = 102.7;
const Y = 25.0;
const S = 0.005;
const DISTRICT_SQUARE: Position[] = [[X, Y], [X + S, Y], [X + S, Y + S], [X, Y + S], [X, Y]];

const exteriorOf = (name: string, options = {}): Position[] => {
  const report = name.includes('{') ? validateGeoJson(name, options) : validateInputCase(name);
  const geometry = report.collection?.features[0]?.geometry as Polygon | undefined;
  return geometry?.coordinates[0] ?? [];
};

const maxDistanceMeters = (a: readonly Position[], b: readonly Position[]): number =>
  Math.max(...a.map((position, index) => referenceDistance(position[0] ?? 0, position[1] ?? 0, b[index]?.[0] ?? 0, b[index]?.[1] ?? 0)));

describe('C1: a geographic crs member is accepted and dropped (RFC 7946 B.1)', () => {
  it.each(['C1-crs-crs84-urn', 'C1-crs-epsg4326'])('%s', (name) => {
    const report = validateInputCase(name);
    expect(report.problems).toEqual([]);
    expect(report.reprojection).toBeUndefined();
    expect(report.collection).not.toHaveProperty('crs');
    expect(exteriorOf(name)).toEqual(DISTRICT_SQUARE);
  });
});

describe('C2: a projected crs member is honoured with a pinned definition and reported', () => {
  it.each([
    ['C2-crs-urn-epsg4543', 'EPSG:4543'],
    ['C2-crs-bare-epsg4543', 'EPSG:4543'],
    ['C2-crs-zone-prefix-epsg4522', 'EPSG:4522'],
    ['C2-crs-web-mercator', 'EPSG:3857'],
  ])('%s is reprojected from %s onto the surveyed lon/lat (within 1 cm)', (name, from) => {
    const report = validateInputCase(name);
    expect(report.problems).toEqual([]);
    expect(report.reprojection).toEqual({ from, to: 'EPSG:4326' });
    expect(report.warnings.map((warning) => warning.code)).toEqual(['REPROJECTED']);
    expect(report.collection).not.toHaveProperty('crs');
    // The fixtures hold the square rounded to 1 mm in the projected plane.
    expect(maxDistanceMeters(exteriorOf(name), DISTRICT_SQUARE)).toBeLessThan(0.01);
  });

  it('refuses a CRS it has no pinned definition for, never falling back to degrees, and asks for its registry definition', () => {
    const report = validateInputCase('C2-crs-unsupported');
    expect(report.problems.map((problem) => problem.code)).toEqual(['UNSUPPORTED_CRS']);
    expect(report.problems[0]?.message.en).toContain('EPSG:27700 is not among the built-in CRSs');
    expect(report.crsNeeded).toBe(27700);
    expect(report.collection).toBeUndefined();
  });

  it('measures a 1 km square of the EPSG:4543 plane as its true ellipsoidal area (within 0.01 %)', () => {
    // Gauss-Krüger is conformal with point scale k = 1 + u/2 + u²/24, u = E'²/(ρν) (E' from the
    // central meridian; Snyder, PP 1395, eq. 8-11). Area scales by k², so the true area is
    // ∫∫ dE dN / k² = ΔN ∫ (1 − E'²/(ρν) + O(u²)) dE'.
    const a = 6378137;
    const e2 = 0.00669438002290;
    const sinLatitude = Math.sin((25.0 * Math.PI) / 180);
    const w = 1 - e2 * sinLatitude * sinLatitude;
    const rhoNu = (a * a * (1 - e2)) / (w * w);
    const east1 = 70_000;
    const east2 = 71_000;
    const expected = 1000 * (east2 - east1 - (east2 ** 3 - east1 ** 3) / (3 * rhoNu));
    const report = validateInputCase('C2-known-area-epsg4543');
    expect(report.reprojection?.from).toBe('EPSG:4543');
    const measured = areaSquareMeters(report.collection?.features[0]?.geometry);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(1e-4);
    // The scale correction matters at this precision: the plane area is 1.2e-4 too large.
    expect(Math.abs(1e6 - expected) / expected).toBeGreaterThan(1e-4);
    const twin = areaSquareMeters(validateInputCase('C2-known-area-lonlat').collection?.features[0]?.geometry);
    expect(Math.abs(measured - twin) / twin).toBeLessThan(1e-6);
  });
});

describe('C3: projected coordinates without a crs are refused and named', () => {
  it.each([
    ['C3-gk-zone-prefix-without-crs', 'CGCS2000 3° Gauss-Krüger zone 34 with zone prefix (EPSG:4522)', '--crs EPSG:4522'],
    ['C3-gk-without-crs', 'CGCS2000 3° Gauss-Krüger CM 102°E (EPSG:4543)', '--crs EPSG:4543'],
    ['C3-web-mercator-without-crs', 'Web Mercator (EPSG:3857)', '--crs EPSG:3857'],
    ['C3-utm-without-crs', 'WGS 84 / UTM zone 48N (EPSG:32648)', 'declare the CRS'],
  ])('%s looks like %s', (name, crs, hint) => {
    const report = validateInputCase(name);
    expect(report.problems.map((problem) => problem.code)).toEqual(['COORDINATES_LOOK_PROJECTED']);
    const message = report.problems[0]?.message.en ?? '';
    expect(message).toContain('the coordinates look projected (metres, x=');
    expect(message).toContain(crs);
    expect(message).toContain(hint);
    expect(message).toContain('never read as degrees');
    expect(report.collection).toBeUndefined();
  });

  it('names only the family when the district is unknown', () => {
    const report = validateGeoJson(inputCaseBytes('C3-gk-without-crs'));
    expect(report.problems[0]?.message.en).toContain('Gauss-Krüger without zone prefix (EPSG:4534–4554 3°, 4502–4512 6°) or UTM');
  });

  it('reprojects once the CRS is declared, and refuses a declaration that contradicts the crs member', () => {
    const report = validateInputCase('C3-gk-declared');
    expect(report.problems).toEqual([]);
    expect(report.reprojection?.from).toBe('EPSG:4543');
    const conflict = validateGeoJson(inputCaseBytes('C2-crs-urn-epsg4543'), { declaredCrs: 'EPSG:4544' });
    expect(conflict.problems.map((problem) => problem.code)).toEqual(['CRS_CONFLICT']);
  });

  it('refuses a projected CRS declared for lon/lat coordinates', () => {
    const report = validateGeoJson(inputCaseBytes('A3-bom'), { declaredCrs: 'EPSG:4543' });
    expect(report.problems[0]?.message.en).toContain('the coordinates look like lon/lat degrees');
  });
});

describe('C4: swapped latitude and longitude', () => {
  it('refuses latitudes beyond 90 that would be longitudes', () => {
    const report = validateInputCase('C4-swapped-out-of-range');
    expect(report.problems[0]?.message.en).toContain('latitude 102.7 is beyond ±90°: latitude and longitude look swapped');
  });

  it('warns when in-range coordinates fall outside the district', () => {
    const report = validateInputCase('C4-swapped-in-range');
    expect(report.problems).toEqual([]);
    expect(report.warnings[0]).toMatchObject({ code: 'OUTSIDE_DISTRICT', location: [25, 30] });
  });
});

describe('C5: GCJ-02 and BD-09 converted when the user says so', () => {
  it('reproduces the published transforms (test values of wandergis/coordtransform)', () => {
    const close = (actual: [number, number], expected: [number, number]) => {
      expect(actual[0]).toBeCloseTo(expected[0], 12);
      expect(actual[1]).toBeCloseTo(expected[1], 12);
    };
    close(wgs84ToGcj02(116.404, 39.915), [116.41024449916938, 39.91640428150164]);
    close(gcj02ToBd09(116.404, 39.915), [116.41036949371029, 39.92133699351021]);
  });

  it('inverts them to 1e-9 degrees by iteration', () => {
    for (const [lon, lat] of [[102.7, 25.0], [116.404, 39.915], [121.5272106, 31.1774276]] as const) {
      const [gcjLon, gcjLat] = wgs84ToGcj02(lon, lat);
      const [backLon, backLat] = gcj02ToWgs84(gcjLon, gcjLat);
      expect(Math.abs(backLon - lon) + Math.abs(backLat - lat)).toBeLessThan(1e-9);
      const [bdLon, bdLat] = gcj02ToBd09(gcjLon, gcjLat);
      const [fromBdLon, fromBdLat] = bd09ToWgs84(bdLon, bdLat);
      expect(Math.abs(fromBdLon - lon) + Math.abs(fromBdLat - lat)).toBeLessThan(1e-9);
    }
  });

  it.each([
    ['C5-gcj02', 'GCJ-02'],
    ['C5-bd09', 'BD-09'],
  ])('%s lands back on the WGS 84 square, hundreds of metres from where it was drawn, with its true area', (name, from) => {
    const report = validateInputCase(name);
    expect(report.problems).toEqual([]);
    expect(report.reprojection).toEqual({ from, to: 'EPSG:4326' });
    const converted = exteriorOf(name);
    expect(maxDistanceMeters(converted, DISTRICT_SQUARE)).toBeLessThan(0.001);
    const unconverted = validateGeoJson(inputCaseBytes(name)).collection?.features[0]?.geometry as Polygon;
    const offset = maxDistanceMeters(unconverted.coordinates[0] ?? [], DISTRICT_SQUARE);
    expect(offset).toBeGreaterThan(50);
    expect(offset).toBeLessThan(1000);
    const trueArea = areaSquareMeters({ type: 'Polygon', coordinates: [DISTRICT_SQUARE] });
    expect(Math.abs(areaSquareMeters({ type: 'Polygon', coordinates: [converted] }) - trueArea) / trueArea).toBeLessThan(1e-7);
    // Measured, against a first estimate of "under 0.05 %": the published offset stretches areas by
    // 0.1–0.3 % near this district (its sin(6πx) terms change by ~250 m per degree), so
    // unconverted GCJ-02/BD-09 areas are off by more than the 0.01 % area tolerance.
    const unconvertedError = Math.abs(areaSquareMeters(unconverted) - trueArea) / trueArea;
    expect(unconvertedError).toBeGreaterThan(5e-4);
    expect(unconvertedError).toBeLessThan(5e-3);
  });
});

describe('C6–C9: ranges and reprojection failures', () => {
  it('refuses longitudes beyond ±180 at their position', () => {
    expect(validateInputCase('C6-longitude-180.5').problems[0]).toMatchObject({ code: 'LONGITUDE_OUT_OF_RANGE', location: [180.5, 25] });
    expect(validateInputCase('C6-longitude-minus-181').problems[0]?.featureIndex).toBe(1);
  });

  it('refuses an edge that jumps across the antimeridian and asks for a split', () => {
    expect(validateInputCase('C6-antimeridian-jump').problems[0]?.message.en).toContain('split it at 180°');
  });

  it('keeps 15 decimals as they are', () => {
    const text = new TextDecoder().decode(inputCaseBytes('C7-15-decimals'));
    const original = (JSON.parse(text) as { features: { geometry: Polygon }[] }).features[0]?.geometry.coordinates[0];
    expect(exteriorOf('C7-15-decimals')).toEqual(original);
  });

  it('warns about a feature at 0,0', () => {
    const warning = validateInputCase('C8-null-island').warnings[0];
    expect(warning).toMatchObject({ code: 'NULL_ISLAND', featureIndex: 1, featureId: 'UV-0', location: [0, 0] });
    expect(warning?.message.en).toBe('feature 2 (id "UV-0", "缺坐标"): a position is at [0, 0] ("Null Island"), most likely a missing coordinate');
  });

  it('refuses a position whose reprojection is not a number (INVALID_COORDINATE), keeping the others', () => {
    const report = validateInputCase('C9-reprojection-nan');
    expect(report.problems.map((problem) => [problem.code, problem.featureIndex])).toEqual([['INVALID_COORDINATE', 1]]);
    expect(maxDistanceMeters(exteriorOf('C9-reprojection-nan'), DISTRICT_SQUARE)).toBeLessThan(0.01);
  });

  it('agrees with proj4 for every pinned Gauss-Krüger zone (false easting and central meridian)', () => {
    const zone34 = proj4('+proj=tmerc +lat_0=0 +lon_0=102 +k=1 +x_0=34500000 +y_0=0 +ellps=GRS80 +units=m +no_defs', 'EPSG:4326');
    const [x = 0, y = 0] = zone34.inverse([102.7, 25]);
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } }] });
    const point = validateGeoJson(text, { declaredCrs: 'urn:ogc:def:crs:EPSG::4522' }).collection?.features[0]?.geometry;
    expect(point?.type === 'Point' ? point.coordinates.map((value) => Math.round(value * 1e9) / 1e9) : undefined).toEqual([102.7, 25]);
  });
});
