/** Drafts in the browser's storage: per editor, per layer; drafts from before keys had a user stay readable. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeAttributes } from '../../../src/domain/edits/changeAttributes';
import { draftOf, draftStorageKey, type Draft } from '../../../src/domain/edits/draft';
import { applyMoment } from '../../../src/domain/edits/applyMoment';
import { readDrafts, removeDrafts, writeDraft } from '../../../src/ui/staff/draftStorage';
import { loadFixture, momentOf } from '../domain/edits/editFixtures';

/** localStorage as the browser gives it: string keys and values, enumerable by index. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number { return this.items.size; }
  clear(): void { this.items.clear(); }
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  key(index: number): string | null { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string): void { this.items.delete(key); }
  setItem(key: string, value: string): void { this.items.set(key, String(value)); }
  keys(): string[] { return [...this.items.keys()]; }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('window', { localStorage: storage });
});
afterEach(() => vi.unstubAllGlobals());

function villageDraft(households: number, baseVersion = '"v1"'): Draft {
  const base = loadFixture('villages');
  const edited = applyMoment(base, momentOf(changeAttributes(base, 'UV-001', { households }))).collection;
  return draftOf('urban-villages', baseVersion, base, edited, '2026-11-26T08:49:00.000Z');
}

describe('draft storage', () => {
  it("offers each editor only their own drafts on a shared computer", () => {
    writeDraft('王科员', villageDraft(1));
    writeDraft('李工', villageDraft(2));
    expect(readDrafts('王科员', 'urban-villages').map((draft) => draft.moments)).toEqual([villageDraft(1).moments]);
    expect(readDrafts('李工', 'urban-villages').map((draft) => draft.moments)).toEqual([villageDraft(2).moments]);
    expect(readDrafts('李工', 'roads')).toEqual([]);
    removeDrafts('李工', 'urban-villages');
    expect(readDrafts('李工', 'urban-villages')).toEqual([]);
    expect(readDrafts('王科员', 'urban-villages')).toHaveLength(1);
  });

  it('keeps one draft per editor and layer: a newer version replaces the older', () => {
    writeDraft('王科员', villageDraft(1, '"v1"'));
    writeDraft('王科员', villageDraft(3, '"v2"'));
    expect(readDrafts('王科员', 'urban-villages').map((draft) => draft.baseVersion)).toEqual(['"v2"']);
  });

  it('a draft stored before drafts had an owner is offered to the next editor, once', () => {
    const old = villageDraft(5);
    storage.setItem(draftStorageKey('urban-villages', old.baseVersion), JSON.stringify(old));
    expect(readDrafts('王科员', 'urban-villages')).toEqual([old]);
    expect(storage.keys().some((key) => key === draftStorageKey('urban-villages', old.baseVersion))).toBe(false);
    expect(readDrafts('李工', 'urban-villages')).toEqual([]);
    expect(readDrafts('王科员', 'urban-villages')).toEqual([old]);
  });

  it('ignores what is not a draft and a user name that looks like a key', () => {
    storage.setItem(draftStorageKey('urban-villages', '"v9"'), '{not json');
    writeDraft('a:b', villageDraft(1));
    expect(readDrafts('a', 'b:urban-villages')).toEqual([]);
    expect(readDrafts('a:b', 'urban-villages')).toHaveLength(1);
  });
});
