import { describe, expect, it } from 'vitest';
import { searchFeatures } from '../../../../src/domain/browse/searchFeatures';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';

function feature(id: string, name: string): PlanFeature {
  return { type: 'Feature', id, geometry: null, properties: { name, status: 'pending', history: [{ date: '2024-01-01', status: 'pending' }] } };
}

function searchable(layerId: string, features: PlanFeature[]) {
  return { layerId, ids: features.map((each) => each.id), names: features.map((each) => each.properties.name) };
}

const layers = [
  searchable('urban-villages', [feature('UV-001', '下庄村'), feature('UV-002', '上庄村'), feature('UV-010', '金星村')]),
  searchable('old-neighborhoods', [feature('ON-001', '金星小区'), feature('ON-002', '庄园小区')]),
];

describe('search by name or id', () => {
  it('finds projects by part of their Chinese name across layers', () => {
    const hits = searchFeatures(layers, '金星');
    expect(hits.map((hit) => hit.featureId)).toEqual(['UV-010', 'ON-001']);
  });

  it('puts an exact id first, and ignores case, spaces and full-width characters', () => {
    expect(searchFeatures(layers, 'uv-001')[0]?.featureId).toBe('UV-001');
    expect(searchFeatures(layers, 'ＵＶ－００２')[0]?.featureId).toBe('UV-002');
    expect(searchFeatures(layers, ' 下 庄 ')[0]?.featureId).toBe('UV-001');
  });

  it('ranks names that start with the query before names that only contain it', () => {
    expect(searchFeatures(layers, '庄').map((hit) => hit.featureId)).toEqual(['ON-002', 'UV-001', 'UV-002']);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchFeatures(layers, '   ')).toEqual([]);
    expect(searchFeatures(layers, '-0', 2)).toHaveLength(2);
  });
});
