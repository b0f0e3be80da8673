/**
 * Files written by other software (GDAL's and QGIS's test data, files made once with GDAL's
 * ogr2ogr from public data: tests/fixtures/formats/<folder>/SOURCES.md) read by the import
 * engine. What each gives is an expected file beside it (UPDATE_EXPECTED=1 writes them); the
 * figures are checked against independent computations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/data/import/importFile';
import type { ImportResult } from '../../../../src/data/import/importResult';
import { signedDoubleArea } from '../../../../src/data/import/polygonFromShapefileRings';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { encodeGbk } from '../../../fixtures/import/encodeGbk';
import { expectedJson } from '../../../support/expectedJson';
import { referenceArea, relativeError } from '../../../support/geodesicReference';
import { projectRoot } from '../../../support/runCli';

const FORMATS = join(projectRoot, 'tests', 'fixtures', 'formats');
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FORMATS, path)));

/** What a reader gave, small enough to review in a diff. */
function summary(result: ImportResult) {
  if (!result.ok) return { problems: result.problems };
  return {
    layers: result.layers.map((layer) => ({
      name: layer.name,
      format: layer.format,
      sourceLayer: layer.sourceLayer,
      geometryKind: layer.geometryKind,
      crs: layer.crs,
      encoding: layer.encoding,
      table: layer.table,
      features: layer.collection?.features.length,
      geometries: layer.collection?.features.map((feature) => feature.geometry?.type ?? null),
      firstProperties: layer.collection?.features[0]?.properties ?? null,
      warnings: layer.warnings.map((warning) => warning.code),
    })),
  };
}

const files = ['dxf', 'gpkg', 'table'].flatMap((folder) => readdirSync(join(FORMATS, folder)).filter((name) => /\.(dxf|gpkg|csv|xlsx)$/.test(name)).map((name) => `${folder}/${name}`));

describe.each(files)('%s', (path) => {
  it('reads as its expected file says', async () => {
    const actual = summary(await importFile(path.split('/').pop() ?? path, fixture(path)));
    expect(JSON.parse(JSON.stringify(actual))).toEqual(expectedJson(join(FORMATS, `${path}.expected.json`), JSON.parse(JSON.stringify(actual))));
  });
});

const planarArea = (ring: readonly Position[]): number => signedDoubleArea(ring) / 2;

const ringsOf = (geometry: Geometry | null | undefined): Position[][] => (geometry?.type === 'Polygon' ? geometry.coordinates : geometry?.type === 'MultiPolygon' ? geometry.coordinates.flat() : []);

async function layersOf(name: string, bytes: Uint8Array, options = {}) {
  const result = await importFile(name, bytes, options);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message.en).join('; '));
  return result.layers;
}

describe('DXF: closed polylines and hatches become polygons of the areas GDAL computes', () => {
  // GDAL 3 (gdal3.js 2.8.1) read the same files: tests/fixtures/formats/dxf/SOURCES.md.
  it.each([
    ['closed_polyline_with_bulge.dxf', [10205.33]],
    ['hatch.dxf', [2.569520659, -2.569520659, -0.5]],
    ['polyline_smooth.dxf', [870.049019]],
  ])('%s', async (name, areas) => {
    const [layer] = await layersOf(name, fixture(`dxf/${name}`));
    const measured = layer?.collection?.features.map((feature) => planarArea(ringsOf(feature.geometry)[0] ?? [])) ?? [];
    expect(measured).toHaveLength(areas.length);
    measured.forEach((area, index) => expect(relativeError(area, areas[index] ?? NaN)).toBeLessThan(1e-5));
  });

  it('needs a CRS: refused as projected without one, measured on the ellipsoid with EPSG:4528', async () => {
    const [layer] = await layersOf('gk.dxf', fixture('dxf/closed_polyline_with_bulge.dxf'));
    expect(layer?.warnings.map((warning) => warning.code)).toContain('DXF_NO_CRS');
    expect(validateGeoJson(layer?.text ?? '').problems.map((problem) => problem.code)).toEqual(['COORDINATES_LOOK_PROJECTED']);
    const report = validateGeoJson(layer?.text ?? '', { declaredCrs: 'EPSG:4528' });
    expect(report.problems).toEqual([]);
    // 85 km east of the zone's meridian the plane's scale is 1.00009: its area reads 0.018 % high.
    const area = areaSquareMeters(report.collection?.features[0]?.geometry ?? null);
    expect(relativeError(area * 1.000089 ** 2, 10205.33)).toBeLessThan(2e-5);
  });

  it('puts a text inside a polygon into its name, closes a polyline drawn back to its start, and refuses DWG and binary DXF with what to do', async () => {
    const drawing = ['0', 'SECTION', '2', 'ENTITIES', '0', 'LWPOLYLINE', '8', '宗地', '70', '1', '10', '0', '20', '0', '10', '10', '20', '0', '10', '10', '20', '10', '10', '0', '20', '10', '0', 'TEXT', '8', '注记', '10', '5', '20', '5', '1', '\\U+5B97\\U+5730A', '0', 'LWPOLYLINE', '8', '宗地', '70', '0', '10', '20', '20', '0', '10', '30', '20', '0', '10', '30', '20', '10', '10', '20', '20', '0', '0', 'LINE', '8', '道路', '10', '0', '20', '0', '11', '10', '21', '20', '0', 'INSERT', '8', '0', '0', 'ENDSEC', '0', 'EOF', ''].join('\r\n');
    const layers = await layersOf('drawing.dxf', new TextEncoder().encode(drawing));
    expect(layers.map((layer) => [layer.sourceLayer, layer.geometryKind, layer.collection?.features.map((feature) => feature.properties?.name ?? null)])).toEqual([['宗地', 'polygon', ['宗地A', null]], ['道路', 'line', [null]]]);
    expect(layers[0]?.warnings.map((warning) => warning.code)).toEqual(['DXF_ENTITIES_SKIPPED', 'DXF_NO_CRS']);
    const only = await layersOf('drawing.dxf', new TextEncoder().encode(drawing), { sourceLayer: '道路' });
    expect(only.map((layer) => layer.sourceLayer)).toEqual(['道路']);
    const dwg = await importFile('plan.dxf', new TextEncoder().encode('AC1027\u0000\u0000\u0000'));
    expect(dwg.ok ? [] : dwg.problems.map((problem) => problem.code)).toEqual(['DWG_NOT_SUPPORTED']);
    const binary = await importFile('plan.dxf', new TextEncoder().encode('AutoCAD Binary DXF\r\n\u001a\u0000'));
    expect(binary.ok ? [] : binary.problems.map((problem) => problem.message.en)).toEqual(['this is a binary DXF: save it as an ASCII (text) DXF in the CAD program and import that']);
  });
});

describe('DXF text encoding', () => {
  it('reads a drawing before AutoCAD 2007 in its code page (ANSI_936 is GBK)', async () => {
    const drawing = ['0', 'SECTION', '2', 'HEADER', '9', '$ACADVER', '1', 'AC1015', '9', '$DWGCODEPAGE', '3', 'ANSI_936', '0', 'ENDSEC', '0', 'SECTION', '2', 'ENTITIES', '0', 'LINE', '8', '规划道路', '10', '0', '20', '0', '11', '1', '21', '1', '0', 'ENDSEC', '0', 'EOF', ''].join('\n');
    const [layer] = await layersOf('gbk.dxf', encodeGbk(drawing));
    expect([layer?.encoding, layer?.sourceLayer]).toEqual(['gbk', '规划道路']);
  });
});

describe('GeoPackage: one layer per feature table, the CRS from gpkg_spatial_ref_sys', () => {
  const bytes = fixture('gpkg/several-tables.gpkg');

  it('measures the parcels table as GeographicLib measures the GeoJSON it was made from', async () => {
    const [parcels] = await layersOf('several-tables.gpkg', bytes, { sourceLayer: 'parcels' });
    expect(parcels?.crs?.epsg).toBe('EPSG:4326');
    const report = validateGeoJson(parcels?.text ?? '', { declaredCrs: parcels?.crs?.epsg });
    const source = JSON.parse(readFileSync(join(FORMATS, 'gpkg', 'source', 'overlapping_polys.geojson'), 'utf8')) as { features: { geometry: Geometry }[] };
    const measured = report.collection?.features.reduce((sum, feature) => sum + areaSquareMeters(feature.geometry), 0) ?? 0;
    const reference = source.features.reduce((sum, feature) => sum + referenceArea(feature.geometry), 0);
    expect(relativeError(measured, reference)).toBeLessThan(1e-6);
  });

  it('names the tables there are when --source-layer names none of them (an attribute table is no layer)', async () => {
    const result = await importFile('several-tables.gpkg', bytes, { sourceLayer: 'ledger' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.message.en)).toEqual(['the GeoPackage has no feature table "ledger"; it has "parcels", "survey_gk40"']);
  });
});

describe('CSV and Excel ledgers', () => {
  it('reads GBK survey points with X as the northing, and the same table from Excel', async () => {
    const [csv] = await layersOf('jzd.csv', fixture('table/jzd-gk40-gbk.csv'));
    const [sheet] = await layersOf('jzd.xlsx', fixture('table/jzd-gk40.xlsx'));
    expect(csv?.encoding).toBe('gbk');
    expect(csv?.collection?.features[0]?.properties).toEqual({ 点号: 'J1', 地块名称: '测试宗地' });
    expect(csv?.collection?.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [40585366.70650577, 3433935.538090975] });
    expect(sheet?.collection?.features.map((feature) => feature.geometry)).toEqual(csv?.collection?.features.map((feature) => feature.geometry));
  });

  it('offers a table whose columns cannot be told without features, for the user to choose them', async () => {
    const text = new TextEncoder().encode('项目,东,北\n甲,512000.5,2768000.5\n');
    const [unknown] = await layersOf('t.csv', text);
    expect([unknown?.table, unknown?.collection?.features.length, unknown?.warnings.map((warning) => warning.code)]).toEqual([{ headers: ['项目', '东', '北'] }, 0, ['TABLE_NO_GEOMETRY_COLUMNS']]);
    const [chosen] = await layersOf('t.csv', text, { tableColumns: { kind: 'xy', x: '东', y: '北' } });
    expect(chosen?.collection?.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [512000.5, 2768000.5] });
  });

  it('takes the columns the user chose, and names the row, the column and the fix for a bad value', async () => {
    const text = '名称,经度,纬度,lon2\n甲,102.7,25.0,abc\n乙,102.71,25.01,102.8\n';
    const chosen = await importFile('t.csv', new TextEncoder().encode(text), { tableColumns: { kind: 'xy', x: 'lon2', y: '纬度' } });
    expect(chosen.ok ? [] : chosen.problems.map((problem) => problem.message.zh)).toEqual(['1 处坐标无法读取，请在表格中改正后再导入：第 2 行「lon2」"abc"：不是数字（应为度或米）']);
  });
});
