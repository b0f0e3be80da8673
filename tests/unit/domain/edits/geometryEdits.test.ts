import { describe, expect, it } from 'vitest';
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { deleteFeatures } from '../../../../src/domain/edits/deleteFeatures';
import { History } from '../../../../src/domain/edits/history';
import { moveVertex } from '../../../../src/domain/edits/moveVertex';
import { replaceGeometry } from '../../../../src/domain/edits/replaceGeometry';
import { feature, layerDefinition, loadFixture, momentOf, reasonOf } from './editFixtures';

describe('moving a vertex', () => {
  it('moves the last position of a ring with the first, so the ring stays closed', () => {
    const before = loadFixture('villages');
    const after = applyMoment(before, momentOf(moveVertex(before, 'UV-001', [0, 0], [102.6995, 24.9995]))).collection;
    const ring = (feature(after, 'UV-001').geometry as Polygon).coordinates[0] ?? [];
    expect(ring[0]).toEqual([102.6995, 24.9995]);
    expect(ring.at(-1)).toEqual([102.6995, 24.9995]);
    expect(ring[1]).toEqual([102.702, 25.0]);
  });

  it('moving the closing position moves the first one too', () => {
    const before = loadFixture('villages');
    const after = applyMoment(before, momentOf(moveVertex(before, 'UV-030', [0, 4], [102.7295, 24.9995]))).collection;
    const ring = (feature(after, 'UV-030').geometry as Polygon).coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring[4]);
    expect(ring[0]).toEqual([102.7295, 24.9995]);
  });

  it('reaches into holes, multipolygon parts and lines, copying only what it changes', () => {
    const villages = loadFixture('villages');
    const withHole = applyMoment(villages, momentOf(moveVertex(villages, 'UV-002', [1, 2], [102.7125, 25.0025]))).collection;
    const oldRings = (feature(villages, 'UV-002').geometry as Polygon).coordinates;
    const rings = (feature(withHole, 'UV-002').geometry as Polygon).coordinates;
    expect(rings[1]?.[2]).toEqual([102.7125, 25.0025]);
    expect(rings[0]).toBe(oldRings[0]);

    const parts = applyMoment(villages, momentOf(moveVertex(villages, 'UV-003', [1, 0, 2], [102.7262, 25.0012]))).collection;
    expect((feature(parts, 'UV-003').geometry as MultiPolygon).coordinates[1]?.[0]?.[2]).toEqual([102.7262, 25.0012]);

    const roads = loadFixture('roads');
    const line = applyMoment(roads, momentOf(moveVertex(roads, 'RD-01', [2], [102.725, 25.012]))).collection;
    expect((feature(line, 'RD-01').geometry as LineString).coordinates[2]).toEqual([102.725, 25.012]);
    const multi = applyMoment(roads, momentOf(moveVertex(roads, 'RD-02', [1, 0], [102.721, 25.021]))).collection;
    expect((feature(multi, 'RD-02').geometry as MultiLineString).coordinates[1]?.[0]).toEqual([102.721, 25.021]);
  });

  it('refuses a path that is not in the geometry, and a move that makes the ring cross itself', () => {
    const villages = loadFixture('villages');
    expect(reasonOf(moveVertex(villages, 'UV-001', [0, 9], [102.7, 25])).en).toBe("vertex path [0, 9] is not in the feature's Polygon");
    expect(reasonOf(moveVertex(villages, 'UV-003', [0, 0], [102.7, 25])).zh).toContain('不在该要素的 MultiPolygon 中');
    expect(reasonOf(moveVertex(villages, 'UV-001', [0, 1], [102.701, 25.003])).en).toContain('the ring intersects itself at [102.700667, 25.002000]');
    expect(reasonOf(moveVertex(villages, 'UV-001', [0, 1], [Number.NaN, 25])).en).toBe('the new position is not a valid coordinate');
    expect(reasonOf(moveVertex(villages, 'UV-001', [0, 1], [200, 25])).en).toContain('outside longitude/latitude range');
  });
});

describe('replacing a geometry', () => {
  it('takes a valid shape of the same kind and refuses a line for a polygon layer', () => {
    const villages = loadFixture('villages');
    const square: Polygon = { type: 'Polygon', coordinates: [[[102.7, 25.0], [102.701, 25.0], [102.701, 25.001], [102.7, 25.001], [102.7, 25.0]]] };
    const after = applyMoment(villages, momentOf(replaceGeometry(villages, 'UV-001', square))).collection;
    expect(feature(after, 'UV-001').geometry).toEqual(square);
    const line = { type: 'LineString', coordinates: [[102.7, 25.0], [102.71, 25.0]] };
    expect(reasonOf(replaceGeometry(villages, 'UV-001', line)).en).toContain('takes polygons');
    expect(reasonOf(replaceGeometry(villages, 'UV-001', line, layerDefinition('urban-villages'))).zh).toContain('只接受面');
  });
});

describe('deleting features', () => {
  it('puts a deleted feature back at its original position on undo', () => {
    const before = loadFixture('villages');
    const deleted = History.empty().apply(before, momentOf(deleteFeatures(before, ['UV-002'])));
    expect(deleted.collection.features.map((item) => item.id)).toEqual(['UV-001', 'UV-003', 'UV-030']);
    const undone = deleted.history.undo(deleted.collection);
    expect(undone?.collection.features.map((item) => item.id)).toEqual(['UV-001', 'UV-002', 'UV-003', 'UV-030']);
    expect(JSON.stringify(undone?.collection)).toBe(JSON.stringify(before));
  });

  it('refuses an empty selection and unknown ids', () => {
    const villages = loadFixture('villages');
    expect(reasonOf(deleteFeatures(villages, [])).zh).toBe('没有选中要素');
    expect(reasonOf(deleteFeatures(villages, ['UV-001', 'UV-404'])).en).toContain('"UV-404"');
  });
});
