import { describe, expect, it } from 'vitest';
import { importBlockReason, type ImportBlockInput } from '../../../src/ui/staff/importBlockReason';

const ready: ImportBlockInput = {
  busy: false,
  hasFeatures: true,
  needsMapping: false,
  mappingApplied: false,
  problemCount: 0,
  validOnly: false,
  diff: { added: ['UV-031'], removed: [], changed: [] },
};

describe('why an import cannot be previewed or saved yet', () => {
  it('lets a checked file with plan fields and no problems through', () => {
    expect(importBlockReason(ready)).toBeNull();
  });

  it('blocks a file without plan fields until its field mapping is applied', () => {
    expect(importBlockReason({ ...ready, needsMapping: true })).toBe('mapping');
    expect(importBlockReason({ ...ready, needsMapping: true, mappingApplied: true })).toBeNull();
    // Problems found before the mapping do not hide that the mapping is missing.
    expect(importBlockReason({ ...ready, needsMapping: true, problemCount: 2 })).toBe('mapping');
  });

  it('blocks while checking, without features, with problems unless only the valid features are taken, and when nothing would change', () => {
    expect(importBlockReason({ ...ready, busy: true, needsMapping: true })).toBe('checking');
    expect(importBlockReason({ ...ready, hasFeatures: false })).toBe('unreadable');
    expect(importBlockReason({ ...ready, problemCount: 1 })).toBe('problems');
    expect(importBlockReason({ ...ready, problemCount: 1, validOnly: true })).toBeNull();
    expect(importBlockReason({ ...ready, diff: { added: [], removed: [], changed: [] } })).toBe('unchanged');
  });
});
