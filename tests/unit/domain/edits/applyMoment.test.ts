import { describe, expect, it } from 'vitest';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { momentBetween } from '../../../../src/domain/edits/momentBetween';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';
import { feature, loadFixture } from './editFixtures';

const ids = (collection: { features: PlanFeature[] }): string[] => collection.features.map((item) => item.id);

describe('applyMoment', () => {
  it('replaces a feature in place, leaves the input untouched and shares the untouched features', () => {
    const before = loadFixture('villages');
    const snapshot = JSON.stringify(before);
    const renamed = { ...feature(before, 'UV-002'), properties: { ...feature(before, 'UV-002').properties, name: '新名' } };
    const { collection, inverse } = applyMoment(before, { putFeatures: [renamed], deleteFeatureIds: [] });
    expect(ids(collection)).toEqual(['UV-001', 'UV-002', 'UV-003', 'UV-030']);
    expect(feature(collection, 'UV-002').properties.name).toBe('新名');
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(collection.features[0]).toBe(before.features[0]);
    expect(JSON.stringify(applyMoment(collection, inverse).collection)).toBe(snapshot);
  });

  it('appends new ids and deletes them again on undo', () => {
    const before = loadFixture('villages');
    const added = { ...feature(before, 'UV-001'), id: 'UV-031' };
    const { collection, inverse } = applyMoment(before, { putFeatures: [added], deleteFeatureIds: [] });
    expect(ids(collection)).toEqual(['UV-001', 'UV-002', 'UV-003', 'UV-030', 'UV-031']);
    expect(inverse.deleteFeatureIds).toEqual(['UV-031']);
    expect(applyMoment(collection, inverse).collection).toEqual(before);
  });

  it('puts deleted features back at their original positions on undo', () => {
    const before = loadFixture('villages');
    const { collection, inverse } = applyMoment(before, { putFeatures: [], deleteFeatureIds: ['UV-003', 'UV-001'] });
    expect(ids(collection)).toEqual(['UV-002', 'UV-030']);
    const undone = applyMoment(collection, inverse);
    expect(ids(undone.collection)).toEqual(['UV-001', 'UV-002', 'UV-003', 'UV-030']);
    expect(JSON.stringify(undone.collection)).toBe(JSON.stringify(before));
    // Redo (the inverse of the inverse) deletes them again.
    expect(ids(applyMoment(undone.collection, undone.inverse).collection)).toEqual(['UV-002', 'UV-030']);
  });

  it('undoes a moment that deletes, replaces and adds at once', () => {
    const before = loadFixture('villages');
    const snapshot = JSON.stringify(before);
    const changed = { ...feature(before, 'UV-030'), geometry: null };
    const added = { ...feature(before, 'UV-001'), id: 'UV-031' };
    const { collection, inverse } = applyMoment(before, { putFeatures: [changed, added], deleteFeatureIds: ['UV-002'] });
    expect(ids(collection)).toEqual(['UV-001', 'UV-003', 'UV-030', 'UV-031']);
    expect(JSON.stringify(applyMoment(collection, inverse).collection)).toBe(snapshot);
  });

  it('returns the same collection for an empty moment', () => {
    const before = loadFixture('villages');
    expect(applyMoment(before, { putFeatures: [], deleteFeatureIds: [] }).collection).toBe(before);
  });
});

describe('momentBetween', () => {
  it('is the one moment that turns the old layer into the new one', () => {
    const before = loadFixture('villages');
    const after = loadFixture('villages');
    after.features.splice(1, 1);
    after.features.splice(1, 0, { ...feature(before, 'UV-001'), id: 'UV-031' });
    const uv030 = feature(after, 'UV-030');
    uv030.properties = { ...uv030.properties, households: 151 };
    const moment = momentBetween(before, after);
    expect(moment.deleteFeatureIds).toEqual(['UV-002']);
    expect(moment.putFeatures.map((item) => item.id)).toEqual(['UV-031', 'UV-030']);
    expect(JSON.stringify(applyMoment(before, moment).collection)).toBe(JSON.stringify(after));
  });

  it('is empty between a layer and a copy of it with keys in another order', () => {
    const before = loadFixture('villages');
    const after = loadFixture('villages');
    const first = feature(after, 'UV-001');
    after.features[0] = { geometry: first.geometry, properties: first.properties, id: first.id, type: 'Feature' };
    expect(momentBetween(before, after)).toEqual({ putFeatures: [], deleteFeatureIds: [] });
  });
});
