import { describe, expect, it } from 'vitest';
import { coordinateValue } from '../../../../src/domain/import/coordinateValue';
import { guessTableColumns } from '../../../../src/domain/import/tableColumns';

describe('coordinateValue', () => {
  it.each([
    ['102.7', 102.7],
    [' 3433935.54 ', 3433935.54],
    [25, 25],
    ['102°41′30″', 102 + 41 / 60 + 30 / 3600],
    ['25度3分12秒', 25 + 3 / 60 + 12 / 3600],
    ['102:41:30.5', 102 + 41 / 60 + 30.5 / 3600],
    ['-102°30′', -102.5],
    ['abc', undefined],
    ['', undefined],
    ['102°75′', undefined],
  ])('%s → %s', (cell, value) => {
    const read = coordinateValue(cell);
    if (value === undefined) expect(read).toBeUndefined();
    else expect(read).toBeCloseTo(value, 10);
  });
});

describe('guessTableColumns', () => {
  it('takes longitude and latitude by their Chinese or English names', () => {
    expect(guessTableColumns(['名称', '纬度', '经度'], [['甲', 25, 102.7]])).toEqual({ columns: { kind: 'xy', x: '经度', y: '纬度' } });
    expect(guessTableColumns(['name', 'LAT', 'Lon'], [['a', 25, 102.7]])).toEqual({ columns: { kind: 'xy', x: 'Lon', y: 'LAT' } });
  });

  it('reads 横坐标 as the easting and 纵坐标 as the northing', () => {
    expect(guessTableColumns(['点号', '纵坐标', '横坐标'], [['J1', 2768000, 35512000]])).toEqual({ columns: { kind: 'xy', x: '横坐标', y: '纵坐标' } });
  });

  it('tells survey-ordered X/Y (X the northing) from mathematical X/Y by the values, with or without a zone prefix', () => {
    expect(guessTableColumns(['X', 'Y'], [[2768000.5, 35512000.2]])).toEqual({ columns: { kind: 'xy', x: 'Y', y: 'X' }, surveyOrder: true });
    expect(guessTableColumns(['X', 'Y'], [[2768000.5, 512000.2]])).toEqual({ columns: { kind: 'xy', x: 'Y', y: 'X' }, surveyOrder: true });
    expect(guessTableColumns(['X', 'Y'], [[512000.2, 2768000.5]])).toEqual({ columns: { kind: 'xy', x: 'X', y: 'Y' } });
    expect(guessTableColumns(['x', 'y'], [[102.7, 25.0]])).toEqual({ columns: { kind: 'xy', x: 'x', y: 'y' } });
  });

  it('finds a WKT column by its name or its values, and nothing in a table without coordinates', () => {
    expect(guessTableColumns(['编号', '坐标'], [['1', 'POLYGON((0 0,1 0,1 1,0 0))']])).toEqual({ columns: { kind: 'wkt', wkt: '坐标' } });
    expect(guessTableColumns(['id', 'description', 'shape_text'], [['1', 'Point wkt', 'POINT (1 2)']])).toEqual({ columns: { kind: 'wkt', wkt: 'shape_text' } });
    expect(guessTableColumns(['项目', '面积'], [['甲', 12]])).toEqual({});
  });
});
