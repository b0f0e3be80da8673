import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { addFeature } from '../../../../src/domain/edits/addFeature';
import { changeAttributes } from '../../../../src/domain/edits/changeAttributes';
import { changeStatus } from '../../../../src/domain/edits/changeStatus';
import { deleteFeatures } from '../../../../src/domain/edits/deleteFeatures';
import type { EditResult } from '../../../../src/domain/edits/editResult';
import { History } from '../../../../src/domain/edits/history';
import { moveVertex } from '../../../../src/domain/edits/moveVertex';
import { isoDateFromDayNumber } from '../../../../src/domain/dates/isoDateFromDayNumber';
import type { PlanFeatureCollection } from '../../../../src/domain/plan/planFeature';
import { layerDefinition, loadFixture, momentOf } from './editFixtures';

const villages = layerDefinition('urban-villages');

/** Deterministic "random" choices (Park–Miller minimal standard generator), so a failure replays. */
function chooser(seed: number): (count: number) => number {
  let state = seed;
  return (count) => {
    state = (state * 48271) % 2147483647;
    return state % count;
  };
}

function square(west: number, south: number): Polygon {
  const size = 0.002;
  return { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] };
}

/** One edit of each kind in turn, on a feature picked at random: what a busy afternoon of editing looks like. */
function randomEdit(collection: PlanFeatureCollection, step: number, choose: (count: number) => number): EditResult {
  const ids = collection.features.map((feature) => feature.id);
  const id = ids[choose(ids.length)] ?? '';
  // Dates only move forward: one day per step, after every date in the fixture.
  const date = isoDateFromDayNumber(20_200 + step);
  switch (step % 5) {
    case 0:
      return addFeature(collection, villages, square(102.75 + step * 0.003, 25.01), { name: `新项目 ${step}`, street: '湖滨街道' }, date);
    case 1: {
      const target = collection.features.find((feature) => feature.id === id);
      const vertexCount = target?.geometry?.type === 'Polygon' ? (target.geometry.coordinates[0]?.length ?? 1) - 1 : 0;
      if (target?.geometry?.type !== 'Polygon' || vertexCount < 1) return changeAttributes(collection, id, { note: `step ${step}` });
      const vertex = choose(vertexCount);
      const [lon = 0, lat = 0] = target.geometry.coordinates[0]?.[vertex] ?? [];
      return moveVertex(collection, id, [0, vertex], [lon + 0.00001 * (1 + choose(5)), lat - 0.00001 * (1 + choose(5))]);
    }
    case 2:
      return ids.length > 3 ? deleteFeatures(collection, [id]) : changeAttributes(collection, id, { households: step });
    case 3:
      return changeAttributes(collection, id, { name: `改名 ${step}`, households: step * 10, inspected: true });
    default: {
      const statuses = villages.statuses.map((status) => status.id);
      const current = collection.features.find((feature) => feature.id === id)?.properties.status;
      const next = statuses.find((status) => status !== current && choose(2) === 0) ?? statuses.find((status) => status !== current) ?? 'pending';
      return changeStatus(collection, villages, [id], next, date);
    }
  }
}

describe('undo and redo (input rule F6)', () => {
  it('undoing 50 mixed edits gives back the byte-identical original; redoing them all gives the edited layer again', () => {
    const original = loadFixture('villages');
    const originalText = JSON.stringify(original);
    const choose = chooser(20_250_501);
    let collection = original;
    let history = History.empty();
    const kinds = new Set<string | undefined>();
    for (let step = 0; step < 50; step++) {
      const moment = momentOf(randomEdit(collection, step, choose));
      kinds.add(moment.note);
      const done = history.apply(collection, moment);
      collection = done.collection;
      history = done.history;
    }
    expect(history.undoSize).toBe(50);
    expect([...kinds].sort()).toEqual(['add-feature', 'change-attributes', 'change-status', 'delete-features', 'move-vertex']);
    const editedText = JSON.stringify(collection);
    expect(editedText).not.toBe(originalText);

    while (history.canUndo) {
      const undone = history.undo(collection);
      if (!undone) break;
      ({ collection, history } = undone);
    }
    expect(JSON.stringify(collection)).toBe(originalText);
    expect(history.redoSize).toBe(50);

    while (history.canRedo) {
      const redone = history.redo(collection);
      if (!redone) break;
      ({ collection, history } = redone);
    }
    expect(JSON.stringify(collection)).toBe(editedText);
    expect(JSON.stringify(original)).toBe(originalText);
  });

  it('a new edit after an undo ends the redo branch', () => {
    const before = loadFixture('villages');
    const first = History.empty().apply(before, momentOf(changeAttributes(before, 'UV-001', { households: 1 })));
    const undone = first.history.undo(first.collection);
    expect(undone?.history.canRedo).toBe(true);
    if (!undone) return;
    const other = undone.history.apply(undone.collection, momentOf(changeAttributes(undone.collection, 'UV-002', { households: 2 })));
    expect(other.history.canRedo).toBe(false);
    expect(other.history.canUndo).toBe(true);
  });

  it('keeps at most maxSize steps, dropping the oldest', () => {
    let collection = loadFixture('villages');
    let history = History.empty(3);
    for (let households = 1; households <= 5; households++) {
      ({ collection, history } = history.apply(collection, momentOf(changeAttributes(collection, 'UV-001', { households }))));
    }
    expect(history.undoSize).toBe(3);
    while (history.canUndo) {
      const undone = history.undo(collection);
      if (!undone) break;
      ({ collection, history } = undone);
    }
    expect(collection.features[0]?.properties.households).toBe(2);
  });

  it('does not record edits that changed nothing, and has nothing to undo at the start', () => {
    const collection = loadFixture('villages');
    const unchanged = History.empty().apply(collection, momentOf(changeAttributes(collection, 'UV-001', { households: 960 })));
    expect(unchanged.history.canUndo).toBe(false);
    expect(History.empty().undo(collection)).toBeUndefined();
    expect(History.empty().redo(collection)).toBeUndefined();
  });
});
