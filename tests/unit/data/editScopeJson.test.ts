import { describe, expect, it } from 'vitest';
import { parseEditScope, parseRefusedFeatures } from '../../../src/data/editScopeJson';

describe('editScopeJson: the scope and the refusals as the server answers them', () => {
  it('reads a scope, and null (unrestricted) for an account without one', () => {
    expect(parseEditScope({ subDistricts: ['太和街道'], layers: ['urban-villages'] })).toEqual({ subDistricts: ['太和街道'], layers: ['urban-villages'] });
    expect(parseEditScope({ layers: ['schools'] })).toEqual({ layers: ['schools'] });
    expect(parseEditScope(null)).toBeNull();
    expect(parseEditScope(undefined)).toBeNull();
  });

  it('reads each refused feature with its texts, and none from a body without them', () => {
    const body = {
      error: 'outside-edit-scope',
      features: [{ id: 'UV-017', name: '西庄村', reason: 'sub-district', message: { zh: '范围外', en: 'outside' }, fix: { zh: '撤销', en: 'undo' } }, 'junk'],
    };
    expect(parseRefusedFeatures(body)).toEqual([{ id: 'UV-017', name: '西庄村', message: { zh: '范围外', en: 'outside' }, fix: { zh: '撤销', en: 'undo' } }]);
    expect(parseRefusedFeatures({})).toEqual([]);
  });
});
