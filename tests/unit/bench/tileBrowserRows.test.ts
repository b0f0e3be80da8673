import { describe, expect, it } from 'vitest';
import { tileBrowserRows } from '../../../scripts/bench/tileBrowserRows';
import type { TileBrowserRepetition, TileBrowserResult } from '../../../scripts/bench/tileBrowserResult';

function repetition(firstFullRenderMs: number, panFrameMs: number, pssBytes: number): TileBrowserRepetition {
  return { firstFullRenderMs, filterLatencyMs: [firstFullRenderMs / 10, firstFullRenderMs / 5], panFrameMs, pssBytes, tilesAtFirstFullRender: 4, errors: [] };
}

describe('tiled layer browser rows', () => {
  const result: TileBrowserResult = {
    size: 1_000_000,
    repetitions: 2,
    loadAverage: { before: 1, after: 2 },
    views: [
      { view: 'district', ours: [repetition(1000, 100, 500e6), repetition(3000, 300, 700e6)], baseline: [repetition(2000, 200, 400e6), repetition(2000, 200, 400e6)], floor: { firstFullRenderMs: 900, panFrameMs: 80, pssBytes: 350e6 } },
      { view: 'street', ours: [repetition(500, 50, 300e6)], baseline: [repetition(1000, 100, 300e6)], floor: { firstFullRenderMs: 400, panFrameMs: 40, pssBytes: 250e6 } },
    ],
  };
  const rows = tileBrowserRows(result);

  it('gives each view its four rows: first full render, filter click, pan frame and memory', () => {
    expect(rows.map((row) => row.metric)).toEqual([
      'tiled, district view: first full render (baseline = MapLibre on the same tiles; 4 / 4 tiles)',
      'tiled, district view: filter click → pixels',
      'tiled, district view: pan frame',
      'tiled, district view: process tree PSS',
      'tiled, street, z15: first full render (baseline = MapLibre on the same tiles; 4 / 4 tiles)',
      'tiled, street, z15: filter click → pixels',
      'tiled, street, z15: pan frame',
      'tiled, street, z15: process tree PSS',
    ]);
  });

  it('reports medians, the ratio of medians with the spread of the pairs, the app without layers as the floor, and memory in MB', () => {
    const [render, filter, , memory] = rows;
    expect(render).toMatchObject({ ours: 2000, baseline: 2000, floor: 900, ratio: { median: 1, min: 0.5, max: 1.5, pairs: 2 } });
    // Each repetition's clicks count as their median: 150 and 450 ms against 300 ms.
    expect(filter).toMatchObject({ ours: 300, baseline: 300 });
    expect(memory).toMatchObject({ unit: 'MB', ours: 600, baseline: 400, floor: 350 });
    expect(rows[4]?.ratio?.median).toBe(0.5);
  });
});
