import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentVersionOf } from '../../src/data/contentVersion';
import { copyGeodata, EDITOR, SECOND_EDITOR, writeTestAccounts } from '../api/support/apiTestServer';
import { openEventStream } from '../api/support/eventStream';
import { withProperty } from '../api/support/layerEdits';
import { expectTruthfulHistory } from '../api/support/layerHistory';
import { signInTo, spawnServer, type ServerProcess } from '../api/support/serverProcess';
import { importTestDistrict, type TestDistrictSchema } from '../support/databaseTestStore';

/*
 * Two app servers, two processes as `npm start` runs them, on one database: what a bureau runs
 * behind a proxy. A save through one is live on pages connected to the other, and two editors
 * racing through different servers get the same conditional answer one server would give.
 */

let rootDirectory: string;
let district: TestDistrictSchema;
let first: ServerProcess;
let second: ServerProcess;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-two-servers-'));
  const geodataDirectory = await copyGeodata(rootDirectory);
  const stateDirectory = join(rootDirectory, 'state');
  district = await importTestDistrict(geodataDirectory);
  await writeTestAccounts(
    stateDirectory,
    [
      { ...EDITOR, role: 'editor' },
      { ...SECOND_EDITOR, role: 'editor' },
    ],
    district.database,
  );
  const variables = { PLAN_MAP_DATABASE_URL: district.database.url, PLAN_MAP_DATABASE_SCHEMA: district.database.schema };
  [first, second] = await Promise.all([spawnServer({ geodataDirectory, stateDirectory, variables }), spawnServer({ geodataDirectory, stateDirectory, variables })]);
  // Importing, hashing two passwords and starting two servers takes more than vitest's 10 s on a busy machine.
}, 60_000);

afterAll(async () => {
  for (const server of [first, second]) {
    server?.child.kill('SIGTERM');
    await server?.exited;
  }
  await district?.drop();
  await rm(rootDirectory, { recursive: true, force: true });
}, 60_000);

it('a save through one server is announced live to pages on the other, which then serves the new layer', async () => {
  const pageOnSecond = await openEventStream(second.baseUrl);
  try {
    const editor = await signInTo(first);
    const { text, etag } = await editor.layer('lakeshore');
    const edited = withProperty(text, 'LS-01', 'name', '湖岸 经由一号服务器');
    const response = await editor.putLayer('lakeshore', edited, etag);
    expect(response.status).toBe(200);
    const version = contentVersionOf(Buffer.from(edited));
    await pageOnSecond.waitFor((event) => event.layer === 'lakeshore' && event.version === version, 10_000);
    const reader = await fetch(`${second.baseUrl}/geodata/lakeshore.geojson`);
    expect(await reader.text()).toBe(edited);
    expect(reader.headers.get('etag')).toBe(`"${version}"`);
  } finally {
    pageOnSecond.close();
  }
});

it('two editors changing one project through different servers: one is saved, the other gets 412 naming the winner', async () => {
  const [one, two] = await Promise.all([signInTo(first), signInTo(second, SECOND_EDITOR)]);
  const { text, etag } = await one.layer('idle-land');
  const mine = withProperty(text, 'IL-001', 'name', '一号的改动');
  const theirs = withProperty(text, 'IL-001', 'name', '二号的改动');
  const [a, b] = await Promise.all([one.putLayer('idle-land', mine, etag), two.putLayer('idle-land', theirs, etag)]);
  const statuses = [a.status, b.status].sort();
  expect(statuses).toEqual([200, 412]);
  const winner = a.status === 200 ? mine : theirs;
  const loser = a.status === 200 ? b : a;
  expect(((await loser.json()) as { currentVersion: string }).currentVersion).toBe(contentVersionOf(Buffer.from(winner)));
  // Whichever server is asked, the history agrees with the live layer.
  for (const client of [one, two]) await expectTruthfulHistory(client, 'idle-land', contentVersionOf(Buffer.from(winner)));
});
