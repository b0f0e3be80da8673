import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { addFeature } from '../../../../src/domain/edits/addFeature';
import { History } from '../../../../src/domain/edits/history';
import { nextFeatureId } from '../../../../src/domain/edits/nextFeatureId';
import { feature, layerDefinition, loadFixture, momentOf, reasonOf } from './editFixtures';

const villages = layerDefinition('urban-villages');
const drawn: Polygon = { type: 'Polygon', coordinates: [[[102.74, 25.0], [102.742, 25.0], [102.742, 25.002], [102.74, 25.002], [102.74, 25.0]]] };

describe('drawing a new project', () => {
  it('gets the next id in the layer pattern and a history starting at the first status', () => {
    const collection = loadFixture('villages');
    const moment = momentOf(addFeature(collection, villages, drawn, { name: '新村', street: '湖滨街道', plan: 'renovate' }, '2025-05-01'));
    const [added] = moment.putFeatures;
    expect(added?.id).toBe('UV-031');
    expect(added?.properties).toEqual({ name: '新村', status: 'pending', street: '湖滨街道', plan: 'renovate', history: [{ date: '2025-05-01', status: 'pending' }] });
    expect(added?.geometry).toEqual(drawn);
  });

  it('keeps its generated id through add, undo and redo', () => {
    const before = loadFixture('villages');
    const moment = momentOf(addFeature(before, villages, drawn, { name: '新村' }, '2025-05-01'));
    const added = History.empty().apply(before, moment);
    const undone = added.history.undo(added.collection);
    expect(undone?.collection).toEqual(before);
    const redone = undone?.history.redo(undone.collection);
    expect(redone?.collection.features.at(-1)?.id).toBe('UV-031');
    expect(JSON.stringify(redone?.collection)).toBe(JSON.stringify(added.collection));
  });

  it('stores polygons with RFC 7946 winding, as the validator does', () => {
    const clockwise: Polygon = { type: 'Polygon', coordinates: [[[102.74, 25.0], [102.74, 25.002], [102.742, 25.002], [102.742, 25.0], [102.74, 25.0]]] };
    const added = momentOf(addFeature(loadFixture('villages'), villages, clockwise, { name: '新村' }, '2025-05-01')).putFeatures[0];
    const counterclockwise = [...(clockwise.coordinates[0] ?? [])].reverse();
    expect(added?.geometry).toEqual({ type: 'Polygon', coordinates: [counterclockwise] });
  });

  it('refuses a shape of the wrong kind, a self-crossing ring, a bad date and a preset status', () => {
    const collection = loadFixture('villages');
    const line = { type: 'LineString', coordinates: [[102.7, 25.0], [102.71, 25.0]] };
    expect(reasonOf(addFeature(collection, villages, line, { name: '新村' }, '2025-05-01')).en).toContain('takes polygons');
    const bowtie = { type: 'Polygon', coordinates: [[[102.74, 25.0], [102.742, 25.002], [102.742, 25.0], [102.74, 25.002], [102.74, 25.0]]] };
    expect(reasonOf(addFeature(collection, villages, bowtie, { name: '新村' }, '2025-05-01')).zh).toMatch(/自相交|相交/);
    expect(reasonOf(addFeature(collection, villages, drawn, { name: '新村' }, '2025-13-01')).en).toContain('not a valid date');
    expect(reasonOf(addFeature(collection, villages, drawn, { name: '新村', status: 'renovated' }, '2025-05-01')).en).toBe(
      'the "status" of a new feature is set by the editor',
    );
    expect(reasonOf(addFeature(collection, villages, drawn, { name: '' }, '2025-05-01')).en).toBe('the name cannot be empty');
  });
});

describe('nextFeatureId', () => {
  it('follows the prefix and the zero padding of the layer', () => {
    expect(nextFeatureId(loadFixture('villages').features, villages)).toBe('UV-031');
    expect(nextFeatureId(loadFixture('roads').features, layerDefinition('roads'))).toBe('RD-03');
    const roads = loadFixture('roads');
    expect(nextFeatureId([...roads.features, { ...feature(roads, 'RD-01'), id: 'RD-99' }], layerDefinition('roads'))).toBe('RD-100');
  });

  it('starts an empty layer from the initials of its id, and skips ids already taken', () => {
    expect(nextFeatureId([], villages)).toBe('UV-001');
    expect(nextFeatureId([], villages, new Set(['UV-001']))).toBe('UV-002');
  });
});
