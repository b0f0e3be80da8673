import { describe, expect, it } from 'vitest';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { changeAttributes } from '../../../../src/domain/edits/changeAttributes';
import { feature, layerDefinition, loadFixture, momentOf, reasonOf } from './editFixtures';

describe('editing attributes in the form', () => {
  it('sets and removes attributes, keeping the rest of the feature as it was', () => {
    const before = loadFixture('villages');
    const moment = momentOf(changeAttributes(before, 'UV-001', { name: ' 瓦窑社区 ', households: 1000, street: undefined }));
    const after = feature(applyMoment(before, moment).collection, 'UV-001');
    expect(after.properties).toEqual({ ...feature(before, 'UV-001').properties, name: '瓦窑社区', households: 1000, street: undefined });
    expect(Object.hasOwn(after.properties, 'street')).toBe(false);
    expect(after.geometry).toBe(feature(before, 'UV-001').geometry);
  });

  it('keeps the name non-empty', () => {
    const reason = reasonOf(changeAttributes(loadFixture('villages'), 'UV-001', { name: '  ' }));
    expect(reason).toEqual({ zh: '名称不能为空', en: 'the name cannot be empty' });
  });

  it('sends status and history changes to "change status" and never changes the id', () => {
    const collection = loadFixture('villages');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { status: 'renovated' })).en).toContain('is changed by "change status"');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { history: [] })).zh).toContain('更改状态');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { id: 'UV-100' })).en).toBe('a feature id cannot be changed');
  });

  it('refuses prototype-polluting keys at any depth (input rule G1)', () => {
    const collection = loadFixture('villages');
    const patch = JSON.parse('{"__proto__": {"isAdmin": true}}') as Record<string, unknown>;
    expect(reasonOf(changeAttributes(collection, 'UV-001', patch)).en).toBe('"__proto__" is not allowed as an attribute name');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { constructor: 1 })).zh).toBe('不允许的属性名 "constructor"');
    const nested = JSON.parse('{"extra": {"prototype": {"x": 1}}}') as Record<string, unknown>;
    expect(reasonOf(changeAttributes(collection, 'UV-001', nested)).en).toBe('attribute "extra" has the forbidden key "prototype"');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses values that are not JSON, and values outside an enumerated attribute', () => {
    const collection = loadFixture('villages');
    expect(reasonOf(changeAttributes(collection, 'UV-001', { households: Number.NaN })).en).toBe('attribute "households" is not a finite number');
    const reason = reasonOf(changeAttributes(collection, 'UV-001', { plan: 'rebuild' }, layerDefinition('urban-villages')));
    expect(reason.en).toBe('attribute "plan" must be one of: demolish, renovate');
  });

  it('gives an empty moment when the form is saved unchanged', () => {
    const moment = momentOf(changeAttributes(loadFixture('villages'), 'UV-001', { name: '瓦窑村', households: 960 }));
    expect(moment.putFeatures).toEqual([]);
  });
});
