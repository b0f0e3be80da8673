import { describe, expect, it } from 'vitest';
import { geometryFromWkt } from '../../../../src/domain/import/geometryFromWkt';

describe('geometryFromWkt', () => {
  it.each([
    ['POINT(10 20)', { type: 'Point', coordinates: [10, 20] }],
    ['MULTIPOINT((10 20),(11 21))', { type: 'MultiPoint', coordinates: [[10, 20], [11, 21]] }],
    ['MULTIPOINT (10 20, 11 21)', { type: 'MultiPoint', coordinates: [[10, 20], [11, 21]] }],
    ['LINESTRING(10 20,11 21)', { type: 'LineString', coordinates: [[10, 20], [11, 21]] }],
    ['POLYGON((10 10,10 20,20 20,20 10,10 10),(14 14,14 16,16 16,14 14))', { type: 'Polygon', coordinates: [[[10, 10], [10, 20], [20, 20], [20, 10], [10, 10]], [[14, 14], [14, 16], [16, 16], [14, 14]]] }],
    ['MULTIPOLYGON(((30 30,30 35,35 35,30 30)))', { type: 'MultiPolygon', coordinates: [[[[30, 30], [30, 35], [35, 35], [30, 30]]]] }],
    ['POINTM(10 20 30)', { type: 'Point', coordinates: [10, 20] }],
    ['LINESTRING Z(10.0 20.0 30.0, 11.0 21.0 31.0)', { type: 'LineString', coordinates: [[10, 20, 30], [11, 21, 31]] }],
    ['LINESTRING ZM(10.0 20.0 30.0 40.0, 11.0 21.0 31.0 41.0)', { type: 'LineString', coordinates: [[10, 20, 30], [11, 21, 31]] }],
    ['polygon empty', null],
  ])('%s', (text, geometry) => {
    expect(geometryFromWkt(text)).toEqual({ ok: true, geometry });
  });

  it('keeps an EWKT SRID and refuses what is not WKT, saying why', () => {
    expect(geometryFromWkt('SRID=4490;POINT(102.7 25)')).toEqual({ ok: true, geometry: { type: 'Point', coordinates: [102.7, 25] }, srid: 4490 });
    expect(geometryFromWkt('POINT(10)')).toEqual({ ok: false, reason: 'a position has 1 values' });
    expect(geometryFromWkt('1 POINT(10 10)').ok).toBe(false);
    expect(geometryFromWkt('POLYGON((0 0, 1 0, 1 1, 0 0)')).toEqual({ ok: false, reason: 'a parenthesis is not closed' });
    expect(geometryFromWkt('CIRCULARSTRING(0 0, 1 1, 2 0)').ok).toBe(false);
  });
});
