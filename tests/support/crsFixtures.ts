/** The files of tests/fixtures/crs (SOURCES.md there says where each comes from). A missing one fails the test that reads it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { projectRoot } from './runCli';

export const crsFixtureDirectory = join(projectRoot, 'tests', 'fixtures', 'crs');

export function crsFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(crsFixtureDirectory, name)));
}

export function crsFixtureJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(crsFixtureDirectory, name), 'utf8')) as T;
}

/** Reference longitudes/latitudes computed by cs2cs once, with the command that made them. */
export function cs2csReference(name: string): { command: string; lonLat: [number, number][] } {
  return crsFixtureJson(name);
}

/** The largest difference, in degrees, between two lists of positions of the same length. */
export function largestDegreeDifference(actual: readonly Position[], expected: readonly Position[]): number {
  if (actual.length !== expected.length) return Infinity;
  return Math.max(...actual.map((position, index) => Math.max(Math.abs((position[0] ?? NaN) - (expected[index]?.[0] ?? NaN)), Math.abs((position[1] ?? NaN) - (expected[index]?.[1] ?? NaN)))));
}

/** The largest distance, in degrees, from any of `actual` to the nearest of `expected`: for rings a reader may start elsewhere or wind the other way. */
export function largestDegreeDistanceToNearest(actual: readonly Position[], expected: readonly Position[]): number {
  return Math.max(...actual.map((position) => Math.min(...expected.map((other) => Math.hypot((position[0] ?? NaN) - (other[0] ?? NaN), (position[1] ?? NaN) - (other[1] ?? NaN))))));
}
