import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';
import { measureLayer } from '../../../../src/domain/measure/measuredLayer';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { lengthMeters } from '../../../../src/domain/measure/lengthMeters';
import { statusAsOf } from '../../../../src/domain/progress/statusAsOf';
import { squareMetersToHectares, squareMetersToMu } from '../../../../src/domain/measure/units';
import { csvCell } from '../../../../src/domain/export/csvCell';
import { exportCsvText } from '../../../../src/domain/export/exportCsvText';
import { LIFECYCLE_LAYER } from '../../../support/planLayers';
import { layerById, sampleLayers } from './sampleLayers';
import { parseCsv } from '../../../support/parseCsv';

let layers: MeasuredLayer[] = [];
beforeAll(async () => { layers = await sampleLayers(); });

const BOM = '\uFEFF';
const all = (layer: MeasuredLayer) => Uint32Array.from(layer.features.keys());

function table(text: string): { header: string[]; rows: Record<string, string>[] } {
  expect(text.startsWith(BOM)).toBe(true);
  const [header = [], ...records] = parseCsv(text.slice(BOM.length));
  for (const record of records) expect(record).toHaveLength(header.length);
  return { header, rows: records.map((record) => Object.fromEntries(header.map((column, index) => [column, record[index] ?? '']))) };
}

describe('a CSV cell', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain 文本')).toBe('plain 文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('makes text that a spreadsheet would run as a formula inert, but leaves numbers numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('the attribute CSV of a layer', () => {
  it('starts with a BOM, ends records with CRLF, and lists schema fields, measures, status and history', () => {
    const layer = layerById(layers, 'urban-villages');
    const text = exportCsvText(layer, all(layer), { labels: 'codes', locale: 'zh' });
    expect(text.endsWith('\r\n')).toBe(true);
    const { header, rows } = table(text);
    expect(header).toEqual(['id', 'name', 'street', 'plan', 'households', 'area_m2', 'area_mu', 'area_ha', 'length_m', 'status', 'status_label', 'status_date', 'history']);
    expect(rows).toHaveLength(layer.features.length);
    const first = layer.features[0];
    const row = rows[0];
    if (!first || !row) throw new Error('the sample layer has features');
    expect(row.id).toBe(first.id);
    expect(row.name).toBe(first.properties.name);
    expect(row.households).toBe(String(first.properties.households));
    expect(row.status_label).toBe(layer.definition.statuses.find((status) => status.id === first.properties.status)?.label.zh);
    expect(row.history).toBe(first.properties.history.map((change) => `${change.date} ${change.status}`).join('; '));
    expect(row.status_date).toBe(first.properties.history.at(-1)?.date);
  });

  it('gives each feature the area the app measures, in m², 亩 and ha, and leaves the length of polygons empty', () => {
    const layer = layerById(layers, 'idle-land');
    const { rows } = table(exportCsvText(layer, all(layer), { labels: 'codes', locale: 'en' }));
    layer.features.forEach((feature, index) => {
      const squareMeters = areaSquareMeters(feature.geometry);
      const row = rows[index];
      expect(Number(row?.area_m2)).toBeCloseTo(squareMeters, 2);
      expect(Number(row?.area_mu)).toBeCloseTo(squareMetersToMu(squareMeters), 4);
      expect(Number(row?.area_ha)).toBeCloseTo(squareMetersToHectares(squareMeters), 4);
      expect(row?.length_m).toBe('');
    });
    const totalMu = rows.reduce((sum, row) => sum + Number(row.area_mu), 0);
    expect(totalMu).toBeCloseTo(squareMetersToMu(layer.areaSquareMeters.reduce((sum, area) => sum + area, 0)), 1);
  });

  it('gives lines their length and no area', () => {
    const layer = layerById(layers, 'roads');
    const { rows } = table(exportCsvText(layer, all(layer), { labels: 'codes', locale: 'en' }));
    layer.features.forEach((feature, index) => {
      expect(Number(rows[index]?.length_m)).toBeCloseTo(lengthMeters(feature.geometry), 2);
      expect(rows[index]?.area_m2).toBe('');
    });
  });

  it('writes only the features asked for, in their order, and their status on a past day when asked', () => {
    const layer = layerById(layers, 'urban-villages');
    const { header, rows } = table(exportCsvText(layer, Uint32Array.of(2, 5), { labels: 'codes', locale: 'en', asOfDate: '2024-06-30' }));
    expect(rows.map((row) => row.id)).toEqual([layer.features[2]?.id, layer.features[5]?.id]);
    expect(header.slice(-4)).toEqual(['status_date', 'status_as_of', 'status_as_of_label', 'history']);
    [2, 5].forEach((featureIndex, rowIndex) => {
      const feature = layer.features[featureIndex];
      const onDay = feature ? statusAsOf(feature.properties, '2024-06-30') : null;
      expect(rows[rowIndex]?.status_as_of).toBe(onDay ?? '');
      expect(rows[rowIndex]?.status_as_of_label).toBe(layer.definition.statuses.find((status) => status.id === onDay)?.label.en ?? '');
    });
    expect(rows.some((row) => row.status_as_of !== row.status)).toBe(true);
  });

  it('keeps hostile and unusual attribute values as inert text, and extra attributes as columns by code point', () => {
    const features: PlanFeature[] = [{
      type: 'Feature',
      id: '=cmd|"/c calc"!A1',
      geometry: { type: 'Polygon', coordinates: [[[102.7, 25], [102.701, 25], [102.701, 25.001], [102.7, 25]]] },
      properties: { name: '+SUM(1,2)', status: 'pending', history: [{ date: '2024-01-01', status: 'pending' }], zeta: -3, note: '-说明, 含"引号"\n第二行', owner: { b: 1, a: [2] }, area_m2: 'typed by hand' },
    }];
    const layer = measureLayer(LIFECYCLE_LAYER, { type: 'FeatureCollection', features });
    const text = exportCsvText(layer, [0], { labels: 'codes', locale: 'zh' });
    const { header, rows } = table(text);
    expect(header).toEqual(['id', 'name', 'street', 'area_m2_attribute', 'note', 'owner', 'zeta', 'area_m2', 'area_mu', 'area_ha', 'length_m', 'status', 'status_label', 'status_date', 'history']);
    expect(rows[0]).toMatchObject({
      id: '\'=cmd|"/c calc"!A1',
      name: "'+SUM(1,2)",
      street: '',
      area_m2_attribute: 'typed by hand',
      note: '\'-说明, 含"引号"\n第二行',
      owner: '{"a":[2],"b":1}',
      zeta: '-3',
      status_label: '待启动',
    });
    expect(Number(rows[0]?.area_m2)).toBeGreaterThan(0);
  });

  it('in the UI language names its columns and coded values with the layer\'s labels, numbers staying numbers', () => {
    const layer = layerById(layers, 'urban-villages');
    const { definition } = layer;
    const asOfDate = '2024-06-30';
    const { header, rows } = table(exportCsvText(layer, all(layer), { labels: 'zh', locale: 'zh', asOfDate }));
    expect(header).toEqual(['编号', '名称', '街道', '实施方式', '涉及户数', '面积（平方米）', '面积（亩）', '面积（公顷）', '长度（米）', '状态', '状态日期', '2024-06-30 的状态', '状态历程']);
    const zhStatus = (id: string | null) => definition.statuses.find((status) => status.id === id)?.label.zh ?? '';
    layer.features.forEach((feature, index) => {
      const row = rows[index];
      if (!row) throw new Error('a row per feature');
      expect(row['编号']).toBe(feature.id);
      expect(row['实施方式']).toBe(feature.properties.plan === 'demolish' ? '拆除重建' : '综合整治');
      expect(row['涉及户数']).toBe(String(feature.properties.households));
      expect(Number(row['面积（平方米）'])).toBeCloseTo(layer.areaSquareMeters[index] ?? Number.NaN, 2);
      expect(row['状态']).toBe(zhStatus(feature.properties.status));
      expect(row['2024-06-30 的状态']).toBe(zhStatus(statusAsOf(feature.properties, asOfDate)));
      expect(row['状态历程']).toBe(feature.properties.history.map((change) => `${change.date} ${zhStatus(change.status)}`).join('; '));
    });

    const english = table(exportCsvText(layer, Uint32Array.of(0), { labels: 'en', locale: 'zh' }));
    expect(english.header).toEqual(['ID', 'Name', 'Sub-district', 'Approach', 'Households', 'Area (m²)', 'Area (mu)', 'Area (ha)', 'Length (m)', 'Status', 'Status since', 'Status history']);
    expect(english.rows[0]?.Status).toBe(definition.statuses.find((status) => status.id === layer.features[0]?.properties.status)?.label.en);
  });

  it('keeps values the manifest does not label as they are, and makes a repeated title distinct', () => {
    const features: PlanFeature[] = [{
      type: 'Feature',
      id: 'x-1',
      geometry: null,
      properties: { name: '=甲', status: 'unheard-of', history: [{ date: '2024-01-01', status: 'unheard-of' }], 状态: '手填' },
    }];
    const layer = measureLayer(LIFECYCLE_LAYER, { type: 'FeatureCollection', features });
    const { header, rows } = table(exportCsvText(layer, [0], { labels: 'zh', locale: 'zh' }));
    expect(header).toEqual(['编号', '名称', '街道', '状态', '面积（平方米）', '面积（亩）', '面积（公顷）', '长度（米）', '状态 (status)', '状态日期', '状态历程']);
    expect(rows[0]).toMatchObject({ 名称: "'=甲", 状态: '手填', '状态 (status)': 'unheard-of', 状态历程: '2024-01-01 unheard-of' });
  });

  it('writes the same bytes for the same data', () => {
    const layer = layerById(layers, 'old-neighborhoods');
    expect(exportCsvText(layer, all(layer), { labels: 'codes', locale: 'zh' })).toBe(exportCsvText(layer, all(layer), { labels: 'codes', locale: 'zh' }));
  });
});
