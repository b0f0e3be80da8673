import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../../support/runCli';

const temporaryDirectories: string[] = [];

function copyOfGeodata(): string {
  const directory = mkdtempSync(join(tmpdir(), 'plan-map-check-'));
  temporaryDirectories.push(directory);
  cpSync(join(projectRoot, 'geodata'), directory, { recursive: true });
  return directory;
}

afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('npm run check-data -- <dir>', () => {
  it('passes the bundled geodata', async () => {
    const run = await runCli('checkGeodata.ts', [join(projectRoot, 'geodata')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('geodata is valid');
  });

  it('names the file, the feature and the field of a status that is not in the lifecycle', async () => {
    const directory = copyOfGeodata();
    const path = join(directory, 'roads.geojson');
    const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: { id: string; properties: { status: string } }[] };
    const feature = collection.features[2];
    if (!feature) throw new Error('the sample has fewer than three roads');
    feature.properties.status = 'finished';
    writeFileSync(path, JSON.stringify(collection));
    const run = await runCli('checkGeodata.ts', [directory]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`roads.geojson features[2] (${feature.id}) /features/2/properties/status`);
  });

  it('checks the guided tour too, naming the scene field that points at a missing project', async () => {
    const directory = copyOfGeodata();
    const path = join(directory, 'tour.json');
    const tour = JSON.parse(readFileSync(path, 'utf8')) as { scenes: { highlight?: { layer: string; id: string }[] }[] };
    const scene = tour.scenes[1];
    if (!scene) throw new Error('the sample tour has fewer than two scenes');
    scene.highlight = [{ layer: 'roads', id: 'RD-404' }];
    writeFileSync(path, JSON.stringify(tour));
    const run = await runCli('checkGeodata.ts', [directory]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('tour.json /scenes/1/highlight/0/id');
  });

  it('checks datum-shifts.json against its contract, naming the profile field that is missing', async () => {
    const directory = copyOfGeodata();
    writeFileSync(join(directory, 'datum-shifts.json'), JSON.stringify({ profiles: [{ name: '西安80', method: 'bursa-wolf-7', sourceCrs: 'EPSG:2379', dxMeters: 1, dyMeters: 2, dzMeters: 3, rxArcSeconds: 0, ryArcSeconds: 0, rzArcSeconds: 0, scalePpm: 0 }] }));
    const run = await runCli('checkGeodata.ts', [directory]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('datum-shifts.json /profiles/0/convention [REQUIRED]');
  });

  it('checks a layer added by manifest and data alone, and writes its editor schema without being asked', async () => {
    const directory = copyOfGeodata();
    const manifestPath = join(directory, 'layers.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { layers: unknown[] };
    manifest.layers.push({
      id: 'kindergartens', name: { zh: '幼儿园', en: 'Kindergartens' }, geometry: 'point', color: '#0072B2',
      statuses: [{ id: 'planned', label: { zh: '规划', en: 'Planned' }, color: '#9ECAE1' }, { id: 'open', label: { zh: '已开学', en: 'Open' }, color: '#08519C' }],
      doneStatuses: ['open'],
      targets: [{ id: 'kindergarten-seats', label: { zh: '新增学位', en: 'New places' }, metric: 'sum', property: 'seats', unit: { zh: '个', en: 'seats' }, target: 3000, deadline: '2028-08-31', countedStatuses: ['open'] }],
    });
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    const school = (seats: unknown) => JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'SC-1', geometry: { type: 'Point', coordinates: [102.7, 24.99] }, properties: { name: '湖滨一幼', status: 'open', history: [{ date: '2025-09-01', status: 'open' }], seats } }],
    });
    writeFileSync(join(directory, 'kindergartens.geojson'), school('一千二'));
    const refused = await runCli('checkGeodata.ts', [directory]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('kindergartens.geojson features[0] (SC-1) /features/0/properties/seats');
    expect(existsSync(join(directory, 'schema', 'kindergartens.schema.json')), 'no schema file is needed to check the layer').toBe(false);

    writeFileSync(join(directory, 'kindergartens.geojson'), school(1200));
    const valid = await runCli('checkGeodata.ts', [directory]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('schema/kindergartens.schema.json');
    const written = JSON.parse(readFileSync(join(directory, 'schema', 'kindergartens.schema.json'), 'utf8')) as { title: string };
    expect(written.title).toBe('幼儿园 Kindergartens (geodata/kindergartens.geojson)');
    const again = await runCli('checkGeodata.ts', [directory]);
    expect(again.stdout, 'an up-to-date editor schema is left alone').not.toContain('schema/');
  });

  it('exits 2 with a clear message for a folder that is not there', async () => {
    const run = await runCli('checkGeodata.ts', [join(tmpdir(), 'no-such-geodata-folder')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read.*layers\.json.*file not found/);
  });
});
