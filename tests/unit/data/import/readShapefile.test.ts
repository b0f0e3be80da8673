/** Zipped shapefiles: GBK and UTF-8 attributes, exact geometry, ring grouping, sidecars. */
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ImportLayer, ImportResult } from '../../../../src/data/import/importResult';
import { readShapefile } from '../../../../src/data/import/readShapefile';
import { readZip } from '../../../../src/data/import/readZip';
import { importFixture } from './importFixture';

function read(fixture: string): ImportResult {
  const zip = readZip(importFixture(fixture));
  if (!zip.ok) throw new Error(zip.problems[0]?.message.en);
  return readShapefile(zip.files);
}

function layers(fixture: string): ImportLayer[] {
  const result = read(fixture);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message.en).join('; '));
  return result.layers;
}

const only = (fixture: string): ImportLayer => {
  const [layer] = layers(fixture);
  if (!layer) throw new Error('no layer');
  return layer;
};

const PARCEL_PROPERTIES = [
  { 名称: '下庄村', 状态: '待启动', 编号: 17, 规划面积: 1000000.5, 批复日期: '2025-03-01', 已核实: true },
  { 名称: '上庄村（二期）', 状态: '实施中', 编号: null, 规划面积: -12.25, 批复日期: null, 已核实: null },
];

describe('GBK attributes', () => {
  it.each([
    ['gk4543-gbk-cpg936.zip', 'a .cpg of 936', []],
    ['gk4543-gbk-no-cpg.zip', 'no .cpg: detected', ['DBF_ENCODING_DETECTED']],
    ['gk4543-gbk-ldid936.zip', 'no .cpg: language driver 0x4D', ['DBF_ENCODING_DETECTED']],
  ])('%s (%s) decodes names and values exactly, and types C, N, D, L', (fixture, _why, warnings) => {
    const layer = only(fixture);
    expect(layer.encoding).toBe('gbk');
    expect(layer.collection?.features.map((feature) => feature.properties)).toEqual(PARCEL_PROPERTIES);
    expect(layer.warnings.map((warning) => warning.code)).toEqual(warnings);
    expect(layer.text).not.toMatch(/\uFFFD/);
  });

  it('says how the encoding was chosen when there is no .cpg', () => {
    expect(only('gk4543-gbk-no-cpg.zip').warnings[0]?.message.en).toBe('地块.shp has no .cpg file; attributes were read as GBK (detected from the text); report garbled text with the right encoding');
    expect(only('gk4543-gbk-ldid936.zip').warnings[0]?.message.en).toContain('read as GBK (from the .dbf language driver id (936))');
  });

  it('names the layer by its file, decoding the zip entry name', () => {
    expect(only('gk4543-gbk-cpg936.zip').name).toBe('地块');
  });
});

describe('geometry', () => {
  it('keeps coordinates exactly as written, rings read in RFC 7946 order (exterior counterclockwise)', () => {
    const layer = only('gk4543-gbk-cpg936.zip');
    expect(layer.collection?.features[0]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[570000, 2766000], [571000, 2766000], [571000, 2767000], [570000, 2767000], [570000, 2766000]]],
    });
    expect(layer.crs).toEqual({ epsg: 'EPSG:4543', name: 'CGCS2000_3_Degree_GK_CM_102E' });
  });

  it('groups rings by orientation and containment', () => {
    const layer = only('gk4543-holes-multipart.zip');
    const [hole, multipart, nothing, island] = layer.collection?.features.map((feature) => feature.geometry) ?? [];
    expect(layer.warnings).toEqual([]);
    expect(hole).toEqual({
      type: 'Polygon',
      coordinates: [
        [[570000, 2766000], [570100, 2766000], [570100, 2766100], [570000, 2766100], [570000, 2766000]],
        [[570020, 2766020], [570020, 2766040], [570040, 2766040], [570040, 2766020], [570020, 2766020]],
      ],
    });
    // The record lists outer B1, then the hole of B2, then B2: the hole goes to the outer ring containing it.
    expect((multipart as MultiPolygon).coordinates.map((part) => part.map((ring) => ring[0]))).toEqual([
      [[570200, 2766000]],
      [[570300, 2766000], [570320, 2766020]],
    ]);
    expect(nothing).toBeNull();
    // An island inside a hole is a polygon of its own; the hole belongs to the big ring.
    expect((island as MultiPolygon).coordinates.map((part) => part.map((ring) => ring[0]))).toEqual([
      [[570500, 2766000], [570550, 2766050]],
      [[570600, 2766100]],
    ]);
    expect(layer.collection?.features.map((feature) => feature.properties?.label)).toEqual(['hole', 'multipart', 'null', 'island']);
  });

  it('reads the OGC WKT dialect of the same CRS as EPSG:4543', () => {
    expect(only('gk4543-holes-multipart.zip').crs).toEqual({ epsg: 'EPSG:4543', name: 'CGCS2000 / 3-degree Gauss-Kruger CM 102E' });
  });

  it('reads several shapefiles of one zip as layers, lines and Z points as x/y, skipping macOS forks and memo fields', () => {
    const [roads, points] = layers('utf8-two-layers.zip');
    expect(roads?.name).toBe('道路');
    expect(roads?.encoding).toBe('utf-8');
    expect(roads?.crs?.epsg).toBe('EPSG:4490');
    expect(roads?.collection?.features.map((feature) => [feature.properties?.名称, feature.geometry?.type])).toEqual([
      ['环村路', 'LineString'],
      ['滇池路（东段）', 'MultiLineString'],
    ]);
    expect(points?.name).toBe('测点');
    expect(points?.crs?.epsg).toBe('EPSG:32648');
    expect(points?.collection?.features[0]).toEqual({ type: 'Feature', properties: { name: 'BM-1' }, geometry: { type: 'Point', coordinates: [271234.5, 2766543.25] } });
    expect(points?.warnings.map((warning) => warning.message.en)).toEqual(['field "memo" (type M) is a memo or binary field and was not imported']);
  });
});

describe('missing parts', () => {
  it('imports geometry without attributes when the .dbf is missing, and says so', () => {
    const layer = only('no-dbf.zip');
    expect(layer.collection?.features).toHaveLength(4);
    expect(layer.collection?.features.every((feature) => Object.keys(feature.properties ?? {}).length === 0)).toBe(true);
    expect(layer.warnings.map((warning) => warning.code)).toEqual(['DBF_MISSING']);
    expect((layer.collection?.features[0]?.geometry as Polygon).coordinates).toHaveLength(2);
  });

  it('refuses attributes without their .shp', () => {
    const result = read('no-shp.zip');
    expect(result.ok || result.problems.map((problem) => [problem.code, problem.message.en])).toEqual([['SHP_MISSING', '"holes" has no .shp geometry file (only .dbf, .prj)']]);
  });

  it('refuses a truncated .shp with its record number', () => {
    const zip = readZip(importFixture('gk4543-gbk-cpg936.zip'));
    if (!zip.ok) throw new Error('fixture');
    const files = zip.files.map((file) => (file.name.endsWith('.shp') ? { ...file, bytes: file.bytes.subarray(0, file.bytes.length - 10) } : file));
    const result = readShapefile(files);
    expect(result.ok || result.problems.map((problem) => problem.message.en)).toEqual(['地块.shp is not a valid .shp file: record 2 is truncated or damaged']);
  });
});
