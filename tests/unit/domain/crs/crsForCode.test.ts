import { describe, expect, it } from 'vitest';
import { crsForCode } from '../../../../src/domain/crs/crsForCode';
import { datumShiftNeed } from '../../../../src/domain/crs/datumShiftNeed';
import { readCrsDefinition } from '../../../../src/data/crs/readCrsDefinition';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const parameters = (proj4: string): string[] => proj4.split(/\s+/).filter((part) => !/^\+(no_defs|type=crs|wktext)$/.test(part)).sort();

describe('pinned definitions against the EPSG registry', () => {
  it.each([...range(4491, 4554), 3857, 32650])('EPSG:%i is pinned as the registry defines it', async (code) => {
    const registry = await readCrsDefinition(code);
    const pinned = crsForCode(code);
    expect(registry).toBeDefined();
    expect(parameters(pinned?.proj4 ?? '')).toEqual(parameters(registry?.proj4 ?? ''));
  });
});

describe('datums and their shifts', () => {
  it.each([
    [4545, 'none'],
    [3857, 'none'],
    [32650, 'none'],
    [2193, 'none'],
    [2379, 'unknown'],
    [4610, 'unknown'],
    [2431, 'unknown'],
    [4214, 'unknown'],
    [27700, 'unknown'],
    [23031, 'published'],
  ])('EPSG:%i: %s', async (code, kind) => {
    const definition = crsForCode(code) ?? (await readCrsDefinition(code));
    expect(definition && datumShiftNeed(definition).kind).toBe(kind);
  });
});
