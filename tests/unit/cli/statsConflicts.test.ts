/** Runs the real `npm run stats -- --json` on the bundled sample and reads its conflicts with the control lines. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ConflictsJson } from '../../../src/cli/conflictsJson';
import { referenceArea, relativeError } from '../../support/geodesicReference';
import { MINI_GEODATA_DIR } from '../../support/planLayers';
import { projectRoot, runCli } from '../../support/runCli';

const geodata = join(projectRoot, 'geodata');
const read = (file: string): FeatureCollection<Polygon | MultiPolygon> =>
  JSON.parse(readFileSync(join(geodata, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;

describe('npm run stats -- --json lists the conflicts with the control lines', () => {
  it('names, for the sample, each deliberate conflict under its control line', async () => {
    const run = await runCli('stats.ts', ['--json', geodata], projectRoot);
    expect(run.code).toBe(0);
    const { conflicts } = JSON.parse(run.stdout) as { conflicts: ConflictsJson[] };
    expect(conflicts.map((line) => [line.controlLine, line.rule, line.projects.map((project) => `${project.layer}/${project.id}`)])).toEqual([
      ['eco-red-line', 'forbidden', ['green-space/GS-003']],
      ['basic-farmland', 'forbidden', ['idle-land/IL-061']],
      ['urban-boundary', 'outside-forbidden', ['idle-land/IL-001', 'idle-land/IL-061']],
      ['lakeshore-protection', 'forbidden', ['green-space/GS-046']],
    ]);

    // The overlap recomputed apart: turf's overlay, GeographicLib's area on the ellipsoid.
    const park = read('green-space.geojson').features.find((feature) => feature.id === 'GS-003') as Feature<Polygon | MultiPolygon>;
    const redLine = union(read('eco-red-line.geojson'));
    const shared = redLine && intersect(featureCollection([park, redLine]));
    const [reported] = conflicts[0]?.projects ?? [];
    expect(relativeError(reported?.area_m2 ?? 0, referenceArea(shared?.geometry ?? null))).toBeLessThan(1e-6);
    expect(relativeError(reported?.share ?? 0, referenceArea(shared?.geometry ?? null) / referenceArea(park.geometry))).toBeLessThan(1e-6);
    expect(reported?.areas).toEqual(['青龙山生态保护红线']);
  });

  it('adds a 管控线冲突 section to the readable report', async () => {
    const run = await runCli('stats.ts', [geodata], projectRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('永久基本农田（basic-farmland）线内禁止建设：1 个项目');
    expect(run.stdout).toMatch(/idle-land\/IL-061 云溪西片区1号地块 +1\.88 公顷 +占项目 99\.2%/);
    expect(run.stdout).toContain('城镇开发边界（urban-boundary）线外禁止建设：2 个项目');
  });

  it('is empty where layers.json has no control lines', async () => {
    const run = await runCli('stats.ts', ['--json', MINI_GEODATA_DIR], projectRoot);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { conflicts: unknown }).conflicts).toEqual([]);
  });
});
