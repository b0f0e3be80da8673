import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { addDrawnFeature } from '../../../../src/domain/edits/addDrawnFeature';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { dragVertex } from '../../../../src/domain/edits/dragVertex';
import { History } from '../../../../src/domain/edits/history';
import { vertexHandles } from '../../../../src/domain/edits/vertexHandles';
import { feature, layerDefinition, loadFixture, momentOf, reasonOf } from './editFixtures';

describe('vertex handles', () => {
  it('gives each vertex one handle, none for a ring\'s closing position, holes and parts included', () => {
    const villages = loadFixture('villages');
    expect(vertexHandles(feature(villages, 'UV-001').geometry).map((handle) => handle.path)).toEqual([[0, 0], [0, 1], [0, 2], [0, 3]]);
    expect(vertexHandles(feature(villages, 'UV-002').geometry)).toHaveLength(8);
    expect(vertexHandles(feature(villages, 'UV-003').geometry).at(-1)).toEqual({ path: [1, 0, 3], position: [102.725, 25.001] });
    expect(vertexHandles(feature(loadFixture('roads'), 'RD-01').geometry).map((handle) => handle.path)).toEqual([[0], [1], [2]]);
    expect(vertexHandles(null)).toEqual([]);
  });
});

describe('dragging a vertex', () => {
  it('gives the moved shape and the moment a release commits, undone in one step', () => {
    const before = loadFixture('villages');
    const dragged = dragVertex(before, 'UV-001', [0, 2], [102.703, 25.0025]);
    expect(dragged.ok).toBe(true);
    if (!dragged.ok) return;
    expect((dragged.geometry as Polygon).coordinates[0]?.[2]).toEqual([102.703, 25.0025]);
    const step = History.empty().apply(before, dragged.moment);
    expect(feature(step.collection, 'UV-001').geometry).toEqual(dragged.geometry);
    expect(step.history.undo(step.collection)?.collection).toEqual(before);
  });

  it('shows a crossing shape while refusing it, with the reason', () => {
    const before = loadFixture('villages');
    const dragged = dragVertex(before, 'UV-001', [0, 1], [102.701, 25.003]);
    expect(dragged.ok).toBe(false);
    if (dragged.ok) return;
    expect(dragged.reason.en).toContain('the ring intersects itself');
    const ring = (dragged.geometry as Polygon).coordinates[0] ?? [];
    expect(ring[1]).toEqual([102.701, 25.003]);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(dragVertex(before, 'UV-001', [0, 9], [102.7, 25])).toMatchObject({ ok: false, geometry: null });
  });
});

describe('adding a drawn feature', () => {
  const layer = layerDefinition('urban-villages');
  const drawn: Polygon = { type: 'Polygon', coordinates: [[[102.74, 25.0], [102.742, 25.0], [102.742, 25.002], [102.74, 25.002], [102.74, 25.0]]] };

  it('starts its history with the status the user chose, on the date given', () => {
    const before = loadFixture('villages');
    const moment = momentOf(addDrawnFeature(before, layer, drawn, { name: '新村', street: '湖滨街道' }, 'demolishing', '2026-06-01'));
    const [added] = moment.putFeatures;
    expect(added?.id).toBe('UV-031');
    expect(added?.properties).toEqual({ name: '新村', status: 'demolishing', street: '湖滨街道', history: [{ date: '2026-06-01', status: 'demolishing' }] });
    const after = applyMoment(before, moment).collection;
    expect(after.features).toHaveLength(before.features.length + 1);
  });

  it('refuses a status outside the lifecycle, and leaves the rest to addFeature', () => {
    const before = loadFixture('villages');
    expect(reasonOf(addDrawnFeature(before, layer, drawn, { name: '新村' }, 'built', '2026-06-01')).en).toContain('status "built" is not in the lifecycle');
    expect(reasonOf(addDrawnFeature(before, layer, drawn, { name: ' ' }, 'pending', '2026-06-01')).en).toBe('the name cannot be empty');
    expect(momentOf(addDrawnFeature(before, layer, drawn, { name: '新村' }, 'pending', '2026-06-01')).putFeatures[0]?.properties.history).toEqual([{ date: '2026-06-01', status: 'pending' }]);
  });
});
