import { describe, expect, it } from 'vitest';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { changeAttributes } from '../../../../src/domain/edits/changeAttributes';
import { changeStatus } from '../../../../src/domain/edits/changeStatus';
import { conflictChanges } from '../../../../src/domain/edits/conflictChanges';
import { addFeature } from '../../../../src/domain/edits/addFeature';
import { deleteFeatures } from '../../../../src/domain/edits/deleteFeatures';
import { asDraft, draftOf, draftStorageKey, draftStorageKeyPrefix, type Draft } from '../../../../src/domain/edits/draft';
import type { EditResult } from '../../../../src/domain/edits/editResult';
import { rebaseDraft, replayDraft } from '../../../../src/domain/edits/rebaseDraft';
import { resolveConflicts } from '../../../../src/domain/edits/resolveConflicts';
import type { PlanFeatureCollection } from '../../../../src/domain/plan/planFeature';
import { feature, layerDefinition, loadFixture, momentOf } from './editFixtures';

const villages = layerDefinition('urban-villages');

/** The layer after some edits, made the way the app makes them. */
function edited(collection: PlanFeatureCollection, ...edits: ((current: PlanFeatureCollection) => EditResult)[]): PlanFeatureCollection {
  return edits.reduce((current, edit) => applyMoment(current, momentOf(edit(current))).collection, collection);
}

function draftFrom(base: PlanFeatureCollection, ...edits: ((current: PlanFeatureCollection) => EditResult)[]): Draft {
  const moments = [];
  let current = base;
  for (const edit of edits) {
    const moment = momentOf(edit(current));
    moments.push(moment);
    current = applyMoment(current, moment).collection;
  }
  return { layerId: 'urban-villages', baseVersion: '"v1"', savedAt: '2025-05-01T09:30:00+08:00', moments };
}

describe('restoring a draft after the server moved on (input rules F2, F7)', () => {
  it('applies the user\'s edit cleanly when the server changed a different feature', () => {
    const base = loadFixture('villages');
    const server = edited(base, (c) => changeStatus(c, villages, ['UV-001'], 'renovated', '2025-04-01'));
    const draft = draftFrom(base, (c) => changeAttributes(c, 'UV-002', { households: 450 }));
    const rebased = rebaseDraft(base, server, draft);
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.appliedIds).toEqual(['UV-002']);
    expect(feature(rebased.merged, 'UV-001').properties.status).toBe('renovated');
    expect(feature(rebased.merged, 'UV-002').properties.households).toBe(450);
  });

  it('reports one conflict with both versions when both changed the same feature, and "ours" keeps the user\'s', () => {
    const base = loadFixture('villages');
    const server = edited(base, (c) => changeAttributes(c, 'UV-001', { households: 999 }));
    const draft = draftFrom(base, (c) => changeAttributes(c, 'UV-001', { households: 1000 }), (c) => changeAttributes(c, 'UV-002', { households: 1 }));
    const rebased = rebaseDraft(base, server, draft);
    expect(rebased.conflicts).toHaveLength(1);
    const [conflict] = rebased.conflicts;
    expect(conflict?.kind).toBe('both-changed');
    expect(conflict?.ours?.properties.households).toBe(1000);
    expect(conflict?.theirs?.properties.households).toBe(999);
    expect(conflict?.merged).toBeUndefined();
    // The clean edit went in; the conflicted feature waits, as the server has it.
    expect(feature(rebased.merged, 'UV-002').properties.households).toBe(1);
    expect(feature(rebased.merged, 'UV-001').properties.households).toBe(999);

    const ours = resolveConflicts(rebased, { 'UV-001': 'ours' });
    if (!ours.ok) throw new Error(ours.reason.en);
    expect(feature(ours.collection, 'UV-001').properties.households).toBe(1000);
    expect(ours.moment.putFeatures.map((item) => item.id)).toEqual(['UV-001', 'UV-002']);
    expect(JSON.stringify(applyMoment(server, ours.moment).collection)).toBe(JSON.stringify(ours.collection));

    const theirs = resolveConflicts(rebased, { 'UV-001': 'theirs' });
    expect(theirs.ok && feature(theirs.collection, 'UV-001').properties.households).toBe(999);
  });

  it('shows what each side changed, in the terms of the pre-save review', () => {
    const base = loadFixture('villages');
    const server = edited(base, (c) => changeAttributes(c, 'UV-001', { households: 999 }));
    const [conflict] = rebaseDraft(base, server, draftFrom(base, (c) => changeAttributes(c, 'UV-001', { households: 1000 }))).conflicts;
    if (!conflict) throw new Error('expected a conflict');
    const changes = conflictChanges(villages, conflict);
    expect(changes.onServer.changed[0]?.attributes).toEqual([{ key: 'households', before: 960, after: 999 }]);
    expect(changes.ours.changed[0]?.attributes).toEqual([{ key: 'households', before: 960, after: 1000 }]);
  });

  it('offers a merged version when the two edits touched different attributes', () => {
    const base = loadFixture('villages');
    const server = edited(base, (c) => changeStatus(c, villages, ['UV-001'], 'renovated', '2025-04-01'));
    const rebased = rebaseDraft(base, server, draftFrom(base, (c) => changeAttributes(c, 'UV-001', { name: '瓦窑社区' })));
    const [conflict] = rebased.conflicts;
    expect(conflict?.merged?.properties).toMatchObject({ name: '瓦窑社区', status: 'renovated' });
    const resolved = resolveConflicts(rebased, { 'UV-001': 'merged' });
    expect(resolved.ok && feature(resolved.collection, 'UV-001').properties.history.at(-1)).toEqual({ date: '2025-04-01', status: 'renovated' });
  });

  it('names a feature the server deleted while the user edited it, and the reverse', () => {
    const base = loadFixture('villages');
    const server = edited(base, (c) => deleteFeatures(c, ['UV-001']), (c) => changeAttributes(c, 'UV-002', { households: 5 }));
    const draft = draftFrom(base, (c) => changeAttributes(c, 'UV-001', { households: 1000 }), (c) => deleteFeatures(c, ['UV-002']));
    const rebased = rebaseDraft(base, server, draft);
    expect(rebased.conflicts.map((conflict) => [conflict.featureId, conflict.kind])).toEqual([
      ['UV-001', 'deleted-on-server'],
      ['UV-002', 'changed-on-server-deleted-locally'],
    ]);
    const resolved = resolveConflicts(rebased, { 'UV-001': 'ours', 'UV-002': 'ours' });
    if (!resolved.ok) throw new Error(resolved.reason.en);
    expect(resolved.collection.features.map((item) => item.id)).toEqual(['UV-003', 'UV-030', 'UV-001']);
    expect(resolved.moment.deleteFeatureIds).toEqual(['UV-002']);
  });

  it('will not finish while a conflict has no choice, saying which', () => {
    const base = loadFixture('villages');
    const server = edited(base, (c) => changeAttributes(c, 'UV-001', { households: 999 }));
    const rebased = rebaseDraft(base, server, draftFrom(base, (c) => changeAttributes(c, 'UV-001', { households: 1000 })));
    const resolved = resolveConflicts(rebased, {});
    expect(resolved.ok).toBe(false);
    expect(!resolved.ok && resolved.unresolvedIds).toEqual(['UV-001']);
    expect(!resolved.ok && resolved.reason.zh).toContain('UV-001');
  });

  it('gives a new project a fresh id when another tab took its id meanwhile', () => {
    const base = loadFixture('villages');
    const drawn = { type: 'Polygon', coordinates: [[[102.74, 25.0], [102.742, 25.0], [102.742, 25.002], [102.74, 25.002], [102.74, 25.0]]] };
    const server = edited(base, (c) => addFeature(c, villages, drawn, { name: '别人画的' }, '2025-05-01'));
    const rebased = rebaseDraft(base, server, draftFrom(base, (c) => addFeature(c, villages, drawn, { name: '我画的' }, '2025-05-01')));
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.renamedIds).toEqual([{ from: 'UV-031', to: 'UV-032' }]);
    expect(rebased.merged.features.slice(-2).map((item) => [item.id, item.properties.name])).toEqual([
      ['UV-031', '别人画的'],
      ['UV-032', '我画的'],
    ]);
  });

  it('replays a draft on the version it was made from, as one moment or many', () => {
    const base = loadFixture('villages');
    const draft = draftFrom(base, (c) => deleteFeatures(c, ['UV-002']), (c) => changeAttributes(c, 'UV-003', { households: 7 }));
    const expected = edited(base, (c) => deleteFeatures(c, ['UV-002']), (c) => changeAttributes(c, 'UV-003', { households: 7 }));
    expect(JSON.stringify(replayDraft(base, draft).merged)).toBe(JSON.stringify(expected));
    const compact = draftOf('urban-villages', '"v1"', base, expected, '2025-05-01T09:30:00+08:00');
    expect(compact.moments).toHaveLength(1);
    expect(JSON.stringify(replayDraft(base, compact).merged)).toBe(JSON.stringify(expected));
  });
});

describe('draft storage', () => {
  it('keys drafts by layer and version, and finds older versions by the layer prefix', () => {
    const key = draftStorageKey('urban-villages', 'W/"abc:1"');
    expect(key).toBe('plan-map:draft:urban-villages:W%2F%22abc%3A1%22');
    expect(key.startsWith(draftStorageKeyPrefix('urban-villages'))).toBe(true);
    expect(draftStorageKey('urban-villages', 'x')).not.toBe(draftStorageKey('urban-villages-2', 'x'));
  });

  it('reads back a stored draft through JSON, and ignores what is not one', () => {
    const base = loadFixture('villages');
    const draft = draftFrom(base, (c) => changeAttributes(c, 'UV-001', { households: 1 }));
    expect(asDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(asDraft({ layerId: 'urban-villages', baseVersion: 'v', savedAt: 'now', moments: [{ putFeatures: 'x' }] })).toBeUndefined();
    expect(asDraft(null)).toBeUndefined();
  });
});
