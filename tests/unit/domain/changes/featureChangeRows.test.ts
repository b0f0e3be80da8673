import { describe, expect, it } from 'vitest';
import type { LineString, Polygon } from 'geojson';
import { featureChangeRows, type FeatureChangeRow } from '../../../../src/domain/changes/featureChangeRows';
import { diffLayers } from '../../../../src/domain/changes/layerDiff';
import type { LayerDefinition, Locale } from '../../../../src/domain/plan/manifest';
import type { PlanFeature, PlanGeometry } from '../../../../src/domain/plan/planFeature';
import { projectManifest } from '../../../support/inputCases';

function layerOf(id: string): LayerDefinition {
  const definition = projectManifest.layers.find((layer) => layer.id === id);
  if (!definition) throw new Error(`no layer ${id} in geodata/layers.json`);
  return definition;
}

const URBAN_VILLAGES = layerOf('urban-villages');
const ROADS = layerOf('roads');

/** 100 m × 100 m near the district (1 ha) when `sizeMeters` is 100; degrees from metres at 25° N. */
function square(sizeMeters: number): Polygon {
  const east = 102.7 + sizeMeters / 100_900;
  const north = 25 + sizeMeters / 110_800;
  return { type: 'Polygon', coordinates: [[[102.7, 25], [east, 25], [east, north], [102.7, north], [102.7, 25]]] };
}

function line(lengthMeters: number): LineString {
  return { type: 'LineString', coordinates: [[102.7, 25], [102.7, 25 + lengthMeters / 110_800]] };
}

function village(properties: Record<string, unknown>, geometry: PlanGeometry = square(100)): PlanFeature {
  return {
    type: 'Feature',
    id: 'UV-013',
    geometry,
    properties: { name: '官渡村', status: 'pending', history: [{ date: '2024-01-08', status: 'pending' }], street: '官渡街道', plan: 'renovate', households: 721, ...properties },
  };
}

/** The rows of the one changed feature between two versions of it, as "label: before → after" in a language. */
function rowsBetween(definition: LayerDefinition, before: PlanFeature, after: PlanFeature): FeatureChangeRow[] {
  const change = diffLayers(definition, { type: 'FeatureCollection', features: [before] }, { type: 'FeatureCollection', features: [after] }).changed[0];
  if (!change) throw new Error('the feature did not change');
  return featureChangeRows(definition, change);
}

function lines(rows: FeatureChangeRow[], locale: Locale): string[] {
  return rows.map((row) => (row.kind === 'value' ? `${row.label[locale]}: ${row.before[locale]} → ${row.after[locale]}` : `${row.label[locale]}: ${row.text[locale]}`));
}

describe('featureChangeRows', () => {
  it('says a status change and its new history entry with the layer\'s status labels, never raw ids or JSON', () => {
    const rows = rowsBetween(URBAN_VILLAGES, village({}), village({ status: 'demolished', history: [{ date: '2024-01-08', status: 'pending' }, { date: '2026-11-20', status: 'demolished' }] }));
    expect(lines(rows, 'zh')).toEqual(['状态: 待启动 → 已拆除', '状态历程: 新增 2026-11-20 已拆除']);
    expect(lines(rows, 'en')).toEqual(['Status: Not started → Demolished', 'Status history: added 2026-11-20 Demolished']);
  });

  it('names removed history entries too, as when one editor\'s entry is replaced by another\'s', () => {
    const before = village({ status: 'expropriating', history: [{ date: '2024-01-08', status: 'pending' }, { date: '2026-06-03', status: 'expropriating' }] });
    const after = village({ status: 'demolishing', history: [{ date: '2024-01-08', status: 'pending' }, { date: '2026-06-04', status: 'demolishing' }] });
    expect(lines(rowsBetween(URBAN_VILLAGES, before, after), 'zh')).toEqual(['状态: 征收中 → 拆除中', '状态历程: 新增 2026-06-04 拆除中；删除 2026-06-03 征收中']);
  });

  it('labels the layer\'s attributes from the manifest, enumerated values by their labels, in manifest order', () => {
    const rows = rowsBetween(URBAN_VILLAGES, village({}), village({ households: 730, plan: 'demolish', name: '官渡村（一期）', note: '核实' }));
    expect(lines(rows, 'zh')).toEqual(['名称: 官渡村 → 官渡村（一期）', '实施方式: 综合整治 → 拆除重建', '涉及户数: 721 → 730', 'note: — → 核实']);
    expect(lines(rows, 'en')).toEqual(['Name: 官渡村 → 官渡村（一期）', 'Approach: Renovate → Demolish and rebuild', 'Households: 721 → 730', 'note: — → 核实']);
  });

  it('shows a reshaped polygon\'s area change in the layer\'s unit', () => {
    const rows = rowsBetween(URBAN_VILLAGES, village({}, square(100)), village({}, square(200)));
    expect(lines(rows, 'zh')).toEqual(['面积（形状已修改）: +3 公顷']);
    expect(lines(rows, 'en')).toEqual(['Area (shape changed): +3 ha']);
  });

  it('shows a re-routed road\'s length change in kilometres', () => {
    const road = (geometry: LineString): PlanFeature => ({ type: 'Feature', id: 'RD-01', geometry, properties: { name: '环湖路', status: 'planned', history: [{ date: '2024-01-01', status: 'planned' }], grade: 'arterial' } });
    const rows = rowsBetween(ROADS, road(line(2000)), { ...road(line(1500)), properties: { ...road(line(1500)).properties, grade: 'secondary' } });
    expect(lines(rows, 'zh')).toEqual(['道路等级: 主干路 → 次干路', '长度（形状已修改）: −0.5 公里']);
  });

  it('falls back to the values themselves when a history is not a list of dated statuses', () => {
    const rows = rowsBetween(URBAN_VILLAGES, village({ history: 'pending' }), village({ history: [{ date: '2024-01-08', status: 'pending' }] }));
    expect(lines(rows, 'en')).toEqual(['Status history: pending → [{"date":"2024-01-08","status":"pending"}]']);
  });
});
