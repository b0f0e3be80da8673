import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../../support/runCli';

const temporaryDirectories: string[] = [];

function copyOfGeodata(): string {
  const directory = mkdtempSync(join(tmpdir(), 'plan-map-control-'));
  temporaryDirectories.push(directory);
  cpSync(join(projectRoot, 'geodata'), directory, { recursive: true, filter: (source) => !source.includes(join('geodata', 'basemap')) });
  return directory;
}

afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('npm run check-data checks the control-line files', () => {
  it('names a control line whose area became a line, and one with no name', async () => {
    const directory = copyOfGeodata();
    const path = join(directory, 'basic-farmland.geojson');
    const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };
    const [first, second] = collection.features;
    if (!first || !second) throw new Error('the sample has two farmland areas');
    first.geometry = { type: 'LineString', coordinates: [[102.6, 25.0], [102.61, 25.0]] };
    delete second.properties.name;
    writeFileSync(path, JSON.stringify(collection));
    const run = await runCli('checkGeodata.ts', [directory]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('basic-farmland.geojson /features/0/geometry [TYPE]');
    expect(run.stdout).toContain('basic-farmland.geojson /features/1/properties/name [REQUIRED]');
  });

  it('names a control-line file layers.json lists but the folder lacks', async () => {
    const directory = copyOfGeodata();
    rmSync(join(directory, 'urban-boundary.geojson'));
    const run = await runCli('checkGeodata.ts', [directory]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('urban-boundary.geojson [MISSING_FILE]');
  });
});
