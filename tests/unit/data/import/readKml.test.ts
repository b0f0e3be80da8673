/** KML 2.2 and KMZ: folders flattened, ExtendedData as properties, text kept as text. */
import { describe, expect, it } from 'vitest';
import type { ImportLayer, ImportResult } from '../../../../src/data/import/importResult';
import { importFile } from '../../../../src/data/import/importFile';
import { readKml } from '../../../../src/data/import/readKml';
import { importFixture } from './importFixture';

const layerOf = (result: ImportResult): ImportLayer => {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message.en).join('; '));
  const [layer] = result.layers;
  if (!layer) throw new Error('no layer');
  return layer;
};

const problemsOf = (result: ImportResult): string[] => (result.ok ? [] : result.problems.map((problem) => `${problem.code}: ${problem.message.en}`));

const layers = new Map([['plan.kml', layerOf(await importFile('plan.kml', importFixture('plan.kml')))], ['plan.kmz', layerOf(await importFile('plan.kmz', importFixture('plan.kmz')))]]);

describe.each([['plan.kml'], ['plan.kmz']])('%s', (fixture) => {
  const layer = layers.get(fixture) as ReturnType<typeof layerOf>;

  it('is one WGS 84 layer named by the file', async () => {
    expect(layer).toMatchObject({ name: 'plan', format: 'kml', crs: { epsg: 'EPSG:4326' }, warnings: [] });
  });

  it('reads a polygon with its hole, name, description as text, folder path and ExtendedData', async () => {
    expect(layer.collection?.features[0]).toEqual({
      type: 'Feature',
      id: 'XZ-01',
      properties: { name: '下庄村', description: '<img src=x onerror=alert(1)> 村庄规划', folder: '一期 / 地块', 编号: 'XZ-01', 状态: '待启动' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [[102.7, 25, 0], [102.71, 25, 0], [102.71, 25.01, 0], [102.7, 25.01, 0], [102.7, 25, 0]],
          [[102.702, 25.002, 0], [102.702, 25.004, 0], [102.704, 25.004, 0], [102.704, 25.002, 0], [102.702, 25.002, 0]],
        ],
      },
    });
  });

  it('flattens folders in document order; MultiGeometry of polygons is a MultiPolygon', async () => {
    expect(layer.collection?.features.map((feature) => [feature.properties?.name, feature.properties?.folder, feature.geometry?.type])).toEqual([
      ['下庄村', '一期 / 地块', 'Polygon'],
      ['环村路', '道路与用地', 'LineString'],
      ['两块地', '道路与用地', 'MultiPolygon'],
      ['村委会', undefined, 'Point'],
    ]);
  });

  it('decodes entities in text without interpreting markup, and tolerates spaces after commas', async () => {
    const office = layer.collection?.features[3];
    expect(office?.properties?.description).toBe('<b>办公</b> & 服务');
    expect(office?.geometry).toEqual({ type: 'Point', coordinates: [102.705, 25.005] });
  });
});

describe('readKml refusals', () => {
  const kml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`;

  it('names a placemark with coordinates that are not numbers', async () => {
    const result = readKml('x.kml', kml('<Placemark><name>坏点</name><Point><coordinates>102.7,北纬25</coordinates></Point></Placemark>'));
    expect(problemsOf(result)).toEqual(['KML_INVALID_COORDINATES: placemark 1 坏点 has invalid coordinates: "102.7,北纬25" (expected "lon,lat[,alt]")']);
  });

  it('refuses malformed XML, DOCTYPEs and XML that is not KML', async () => {
    expect(problemsOf(readKml('x.kml', '<kml><Document></kml>'))[0]).toMatch(/^KML_INVALID_XML: the KML file is not well-formed XML/);
    expect(problemsOf(readKml('x.kml', '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml/>'))[0]).toMatch(/^KML_INVALID_XML: .*DOCTYPE/);
    expect(problemsOf(readKml('x.kml', '<gpx version="1.1"/>'))).toEqual(['KML_NOT_KML: this is XML but not KML (the root element is not <kml>)']);
  });

  it('warns about geometry it cannot read and keeps the placemark', async () => {
    const layer = layerOf(readKml('x.kml', kml('<Placemark><name>模型</name><Model><Link><href>m.dae</href></Link></Model></Placemark>')));
    expect(layer.collection?.features).toEqual([{ type: 'Feature', properties: { name: '模型' }, geometry: null }]);
    expect(layer.warnings.map((warning) => warning.message.en)).toEqual(['unsupported KML geometry (Model) was not imported']);
  });

  it('reads a document in the encoding its declaration names', async () => {
    const text = '<?xml version="1.0" encoding="GBK"?><kml><Placemark><name>下庄村</name></Placemark></kml>';
    const gbk = new Uint8Array([...new TextEncoder().encode(text.slice(0, text.indexOf('下')))]);
    const name = new Uint8Array([0xcf, 0xc2, 0xd7, 0xaf, 0xb4, 0xe5]); // 下庄村 in GBK
    const bytes = new Uint8Array([...gbk, ...name, ...new TextEncoder().encode('</name></Placemark></kml>')]);
    expect(layerOf(readKml('x.kml', bytes)).collection?.features[0]?.properties).toEqual({ name: '下庄村' });
  });
});
