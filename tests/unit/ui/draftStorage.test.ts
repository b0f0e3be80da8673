/** Drafts in the browser's storage: per editor, per layer and per tab; older key formats stay readable. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeAttributes } from '../../../src/domain/edits/changeAttributes';
import { draftOf, draftStorageKey, type Draft } from '../../../src/domain/edits/draft';
import { applyMoment } from '../../../src/domain/edits/applyMoment';
import { draftChangedFeatureCount } from '../../../src/domain/edits/draftChangedFeatureCount';
import { userDraftStorageKey } from '../../../src/domain/edits/userDraftStorageKey';
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

type DraftStorage = typeof import('../../../src/ui/staff/draftStorage');

let storage: MemoryStorage;
beforeEach(() => { storage = new MemoryStorage(); });
afterEach(() => vi.unstubAllGlobals());

/**
 * A page load in a tab: the shared localStorage, the tab's own sessionStorage (kept across a
 * reload of that tab), and a fresh copy of the module, as a new page has.
 */
async function loadPage(tabSession: MemoryStorage = new MemoryStorage()): Promise<DraftStorage> {
  switchToTab(tabSession);
  vi.resetModules();
  return import('../../../src/ui/staff/draftStorage');
}

/** The browser's globals as one tab's page sees them. */
function switchToTab(tabSession: MemoryStorage): void {
  vi.stubGlobal('window', { localStorage: storage, sessionStorage: tabSession });
}

function villageDraft(households: number, baseVersion = '"v1"', featureIds = ['UV-001'], savedAt = '2026-11-26T08:49:00.000Z'): Draft {
  const base = loadFixture('villages');
  let edited = base;
  for (const id of featureIds) edited = applyMoment(edited, momentOf(changeAttributes(edited, id, { households }))).collection;
  return draftOf('urban-villages', baseVersion, base, edited, savedAt);
}

describe('draft storage', () => {
  it("offers each editor only their own drafts on a shared computer", async () => {
    const page = await loadPage();
    page.writeDraft('王科员', villageDraft(1));
    page.writeDraft('李工', villageDraft(2));
    const next = await loadPage();
    expect(next.readDrafts('王科员', 'urban-villages').map((offer) => offer.draft.moments)).toEqual([villageDraft(1).moments]);
    expect(next.readDrafts('李工', 'urban-villages').map((offer) => offer.draft.moments)).toEqual([villageDraft(2).moments]);
    expect(next.readDrafts('李工', 'roads')).toEqual([]);
    const [offer] = next.readDrafts('李工', 'urban-villages');
    if (offer) next.removeDraft(offer.key);
    expect(next.readDrafts('李工', 'urban-villages')).toEqual([]);
    expect(next.readDrafts('王科员', 'urban-villages')).toHaveLength(1);
  });

  it('two tabs of one editor keep separate drafts, and a new tab is offered both, newest first', async () => {
    const firstSession = new MemoryStorage();
    const first = await loadPage(firstSession);
    first.writeDraft('王科员', villageDraft(1, '"v1"', ['UV-002'], '2026-11-26T08:00:00.000Z'));
    const second = await loadPage();
    second.writeDraft('王科员', villageDraft(2, '"v1"', ['UV-003', 'UV-001'], '2026-11-26T08:05:00.000Z'));
    // Each tab's later autosave replaces only its own draft.
    switchToTab(firstSession);
    first.writeDraft('王科员', villageDraft(3, '"v1"', ['UV-002'], '2026-11-26T08:01:00.000Z'));
    const third = await loadPage();
    const offers = third.readDrafts('王科员', 'urban-villages');
    expect(offers.map((offer) => offer.draft.savedAt)).toEqual(['2026-11-26T08:05:00.000Z', '2026-11-26T08:01:00.000Z']);
    expect(offers.map((offer) => draftChangedFeatureCount(offer.draft))).toEqual([2, 1]);
    expect(new Set(offers.map((offer) => offer.key)).size).toBe(2);
  });

  it("a reloaded tab is offered its own draft, and its next autosave does not overwrite it before it is restored", async () => {
    const tabSession = new MemoryStorage();
    const before = await loadPage(tabSession);
    before.writeDraft('王科员', villageDraft(1, '"v1"', ['UV-002']));
    const reloaded = await loadPage(tabSession);
    expect(reloaded.currentTabId()).toBe(before.currentTabId());
    const [offer] = reloaded.readDrafts('王科员', 'urban-villages');
    expect(offer?.draft.moments).toEqual(villageDraft(1, '"v1"', ['UV-002']).moments);
    reloaded.writeDraft('王科员', villageDraft(7, '"v1"', ['UV-003'], '2026-11-26T09:00:00.000Z'));
    const elsewhere = await loadPage();
    expect(elsewhere.readDrafts('王科员', 'urban-villages').map((found) => found.draft.moments)).toEqual([
      villageDraft(7, '"v1"', ['UV-003']).moments,
      villageDraft(1, '"v1"', ['UV-002']).moments,
    ]);
    // Saved or undone back: only this tab's own draft goes.
    switchToTab(tabSession);
    reloaded.removeTabDraft('王科员', 'urban-villages');
    const later = await loadPage();
    expect(later.readDrafts('王科员', 'urban-villages').map((found) => found.key)).toEqual([offer?.key]);
  });

  it('a draft stored before drafts had a tab is still offered, and can be discarded', async () => {
    const old = villageDraft(4, '"v2"');
    storage.setItem(userDraftStorageKey('王科员', 'urban-villages', old.baseVersion), JSON.stringify(old));
    const page = await loadPage();
    const offers = page.readDrafts('王科员', 'urban-villages');
    expect(offers.map((offer) => offer.draft)).toEqual([old]);
    const [offer] = offers;
    if (offer) page.removeDraft(offer.key);
    expect(page.readDrafts('王科员', 'urban-villages')).toEqual([]);
  });

  it('a draft stored before drafts had an owner is offered to the next editor, once', async () => {
    const old = villageDraft(5);
    storage.setItem(draftStorageKey('urban-villages', old.baseVersion), JSON.stringify(old));
    const page = await loadPage();
    expect(page.readDrafts('王科员', 'urban-villages').map((offer) => offer.draft)).toEqual([old]);
    expect(storage.keys().some((key) => key === draftStorageKey('urban-villages', old.baseVersion))).toBe(false);
    expect(page.readDrafts('李工', 'urban-villages')).toEqual([]);
    expect(page.readDrafts('王科员', 'urban-villages').map((offer) => offer.draft)).toEqual([old]);
  });

  it('ignores what is not a draft and a user name that looks like a key', async () => {
    storage.setItem(draftStorageKey('urban-villages', '"v9"'), '{not json');
    const page = await loadPage();
    page.writeDraft('a:b', villageDraft(1));
    const next = await loadPage();
    expect(next.readDrafts('a', 'b:urban-villages')).toEqual([]);
    expect(next.readDrafts('a:b', 'urban-villages')).toHaveLength(1);
  });
});
