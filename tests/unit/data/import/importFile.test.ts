/** The import entry: readers chosen by content (docs/input-rules.md, G4), and import → validate end to end. */
import type { Polygon } from 'geojson';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/data/import/importFile';
import type { ImportLayer, ImportResult } from '../../../../src/data/import/importResult';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { importFixture } from './importFixture';

const layersOf = (result: ImportResult): ImportLayer[] => {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message.en).join('; '));
  return result.layers;
};
const problemsOf = (result: ImportResult): [string, string][] => (result.ok ? [] : result.problems.map((problem) => [problem.code, problem.message.en]));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffing by content, not by name', () => {
  it('reads a .geojson that is really a zipped shapefile as the shapefile, and says so', async () => {
    const [layer] = layersOf(await importFile('parcels.geojson', importFixture('zip-named.geojson')));
    expect(layer?.format).toBe('shapefile');
    expect(layer?.warnings[0]).toEqual({
      code: 'NAME_MISMATCH',
      message: { zh: '"parcels.geojson" 的扩展名与内容不符：它其实是ZIP 压缩包，已按实际格式读取', en: '"parcels.geojson" is named for another format but is really a zip archive; it was read as such' },
    });
  });

  it('names an HTML page renamed .geojson for what it is', async () => {
    expect(problemsOf(await importFile('layer.geojson', importFixture('html-page.geojson')))).toEqual([
      ['UNSUPPORTED_FORMAT', 'this is an HTML page (a server error page?), which cannot be imported; import GeoJSON, a zipped shapefile (.zip), KML/KMZ, DXF, GeoPackage (.gpkg), CSV or Excel (.xlsx)'],
    ]);
  });

  it('returns GeoJSON as its text, BOM stripped and unparsed, for the validation engine', async () => {
    const [layer] = layersOf(await importFile('plain.geojson', importFixture('plain.geojson')));
    expect(layer).toEqual({ name: 'plain', format: 'geojson', text: expect.stringMatching(/^\{"type":"FeatureCollection"/) as unknown, warnings: [] });
    // Duplicate keys reach the engine intact (JSON.parse would have dropped one).
    const duplicate = '{"type":"FeatureCollection","features":[],"features":[]}';
    expect(layersOf(await importFile('d.json', bytes(duplicate)))[0]?.text).toBe(duplicate);
  });

  it('reads KML whatever its name, even after comments', async () => {
    const kml = '<?xml version="1.0"?>\n<!-- exported -->\n<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"><kml:Placemark><kml:name>a</kml:name></kml:Placemark></kml:kml>';
    expect(layersOf(await importFile('upload.bin', bytes(kml)))[0]?.collection?.features).toHaveLength(1);
  });

  it.each([
    ['empty.geojson', new Uint8Array(0), 'EMPTY_FILE', 'the file is empty'],
    ['blank.geojson', bytes(' \n '), 'EMPTY_FILE', 'the file is empty'],
    ['parcels.shp', new Uint8Array([0, 0, 0x27, 0x0a, 0, 0, 0, 0]), 'UNSUPPORTED_FORMAT', 'this is a lone .shp file: zip it together with its .shx, .dbf, .prj and .cpg files and import the zip'],
    ['plan.pdf', bytes('%PDF-1.7'), 'UNSUPPORTED_FORMAT', 'this is a PDF document, which cannot be imported; import GeoJSON, a zipped shapefile (.zip), KML/KMZ, DXF, GeoPackage (.gpkg), CSV or Excel (.xlsx)'],
    ['map.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'UNSUPPORTED_FORMAT', 'this is an SVG image, which cannot be imported; import GeoJSON, a zipped shapefile (.zip), KML/KMZ, DXF, GeoPackage (.gpkg), CSV or Excel (.xlsx)'],
    ['notes.txt', bytes('地块清单'), 'UNKNOWN_FORMAT', 'unrecognised file format; import GeoJSON, a zipped shapefile (.zip), KML/KMZ, DXF, GeoPackage (.gpkg), CSV or Excel (.xlsx)'],
    ['empty.zip', new Uint8Array([0x50, 0x4b, 5, 6, ...new Array<number>(18).fill(0)]), 'ZIP_EMPTY', 'this is an empty zip archive'],
    ['photos.zip', zipSync({ 'a.jpg': new Uint8Array([0xff, 0xd8, 0xff]) }), 'ZIP_NOTHING_TO_IMPORT', 'the zip archive holds neither a shapefile (.shp with its .dbf and .prj) nor KML, and is no Excel workbook'],
  ])('%s → %s', async (name, content, code, message) => {
    expect(problemsOf(await importFile(name, content))).toEqual([[code, message]]);
  });

  it('names GeoJSON in GBK instead of decoding it into mojibake', async () => {
    const gbk = new Uint8Array([...bytes('{"name":"'), 0xcf, 0xc2, 0xd7, 0xaf, 0xb4, 0xe5, ...bytes('"}')]);
    expect(problemsOf(await importFile('gbk.geojson', gbk))[0]?.[0]).toBe('NOT_UTF8');
  });

  it('passes zip limits through and refuses bombs and traversal from the entry point too', async () => {
    expect(problemsOf(await importFile('a.zip', importFixture('zip-bomb.zip')))[0]?.[0]).toBe('ZIP_RATIO_TOO_HIGH');
    expect(problemsOf(await importFile('a.zip', importFixture('zip-slip.zip')))[0]?.[0]).toBe('ZIP_UNSAFE_NAME');
    expect(problemsOf(await importFile('a.zip', importFixture('gk4543-gbk-cpg936.zip'), { zipLimits: { maxEntries: 2 } }))[0]?.[0]).toBe('ZIP_TOO_MANY_ENTRIES');
  });

  it('keeps a layer name from a hostile file name as data', async () => {
    expect(layersOf(await importFile('../../etc/\u0000passwd.geojson', importFixture('plain.geojson')))[0]?.name).toBe('passwd');
  });
});

const [gbkLayer] = layersOf(await importFile('村庄规划.zip', importFixture('gk4543-gbk-cpg936.zip')));

describe('end to end: a GK shapefile with GBK attributes, imported and validated', () => {
  const layer = gbkLayer;
  const report = validateGeoJson(layer?.text ?? '', { declaredCrs: layer?.crs?.epsg });

  it('is declared EPSG:4543 by its .prj, reprojected to lon/lat near 102.7°E 25°N, attributes intact', async () => {
    expect(layer?.crs?.epsg).toBe('EPSG:4543');
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((warning) => warning.code)).toEqual(['REPROJECTED']);
    expect(report.reprojection).toEqual({ from: 'EPSG:4543', to: 'EPSG:4326' });
    const feature = report.collection?.features[0];
    expect(feature?.properties).toMatchObject({ 名称: '下庄村', 状态: '待启动' });
    for (const [lon = 0, lat = 0] of (feature?.geometry as Polygon).coordinates[0] ?? []) {
      expect(Math.abs(lon - 102.7)).toBeLessThan(0.02);
      expect(Math.abs(lat - 25.0)).toBeLessThan(0.02);
    }
  });

  it('measures the 1 km square of the GK plane as its true area, within 0.01 %', async () => {
    // Gauss-Krüger point scale k = 1 + E'²/(2ρν) + …, E' from the central meridian (Snyder,
    // PP 1395, eq. 8-11); area scales by k², so the true area is ΔN ∫ (1 − E'²/(ρν)) dE'
    // (as in tests/unit/domain/validation/coordinatesStage.test.ts).
    const a = 6378137;
    const e2 = 0.0066943800229;
    const sinLatitude = Math.sin((25.0 * Math.PI) / 180);
    const w = 1 - e2 * sinLatitude * sinLatitude;
    const rhoNu = (a * a * (1 - e2)) / (w * w);
    const [east1, east2] = [70_000, 71_000];
    const expected = 1000 * (east2 - east1 - (east2 ** 3 - east1 ** 3) / (3 * rhoNu));
    const measured = areaSquareMeters(report.collection?.features[0]?.geometry);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(1e-4);
    // Without the scale correction the plane area would be 1.2e-4 off: the test can tell.
    expect(Math.abs(1e6 - expected) / expected).toBeGreaterThan(1e-4);
  });

  it('without its CRS, the same coordinates are refused as projected, never read as degrees', async () => {
    const unprojected = validateGeoJson(layer?.text ?? '');
    expect(unprojected.problems.map((problem) => problem.code)).toEqual(['COORDINATES_LOOK_PROJECTED']);
  });

  it('imports a KML layer straight into the engine as WGS 84', async () => {
    const [kml] = layersOf(await importFile('plan.kml', importFixture('plan.kml')));
    const kmlReport = validateGeoJson(kml?.text ?? '', { declaredCrs: kml?.crs?.epsg });
    expect(kmlReport.problems).toEqual([]);
    expect(kmlReport.reprojection).toBeUndefined();
  });
});
