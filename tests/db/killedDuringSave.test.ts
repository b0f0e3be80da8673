import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentVersionOf } from '../../src/data/contentVersion';
import type { SaveStep } from '../../src/server/store/saveSteps';
import { copyGeodata, EDITOR, writeTestAccounts } from '../api/support/apiTestServer';
import { parseCollection } from '../api/support/layerEdits';
import { expectTruthfulHistory } from '../api/support/layerHistory';
import { signInTo, spawnServer, type ServerProcess } from '../api/support/serverProcess';
import { importTestDistrict, type TestDistrictSchema } from '../support/databaseTestStore';

/*
 * The server, as `npm start` runs it on the database, killed with SIGKILL at each step of a save
 * (the steps the PostgreSQL store passes, inside its transaction, and the one after the commit).
 * After every kill, a fresh server finds the old layer whole and no trace of the save, or, killed
 * after the commit, the new layer with its audit record and version; and the next save goes
 * through at once (the killed connection's lock died with it).
 */

const LAYER = 'idle-land';
/** In the order the store passes them; only the last is after the commit. */
const STEPS: SaveStep[] = ['disk-version-kept', 'new-content-written', 'layer-renamed', 'audit-appended', 'version-listed', 'intent-removed'];

let rootDirectory: string;
let geodataDirectory: string;
let stateDirectory: string;
let district: TestDistrictSchema;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-db-kill-'));
  geodataDirectory = await copyGeodata(rootDirectory);
  stateDirectory = join(rootDirectory, 'state');
  district = await importTestDistrict(geodataDirectory);
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }], district.database);
});
afterAll(async () => {
  await district?.drop();
  await rm(rootDirectory, { recursive: true, force: true });
});

function start(killAt: SaveStep | null): Promise<ServerProcess> {
  const variables: Record<string, string> = { PLAN_MAP_DATABASE_URL: district.database.url, PLAN_MAP_DATABASE_SCHEMA: district.database.schema };
  if (killAt) Object.assign(variables, { PLAN_MAP_TEST_MODE: '1', PLAN_MAP_TEST_KILL_AT: killAt });
  return spawnServer({ geodataDirectory, stateDirectory, variables });
}

/** The layer with a note on every project that names the round, so each round's save changes it. */
function withNote(text: string, note: string): string {
  const collection = parseCollection(text);
  for (const feature of collection.features) feature.properties.note = note;
  return JSON.stringify(collection);
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

it('leaves the old layer and no trace, or the new one fully recorded, when killed at any step of a save', async () => {
  for (const step of STEPS) {
    const doomed = await start(step);
    const editor = await signInTo(doomed);
    const { text, etag, version: before } = await editor.layer(LAYER);
    const variant = withNote(text, `killed at ${step}`);
    const answer = await editor.putLayer(LAYER, variant, etag).then((response) => response.status, () => 'connection lost');
    expect(await doomed.exited, `killed at ${step} (answer: ${String(answer)})`).toBe('SIGKILL');

    const fresh = await start(null);
    try {
      const reader = await signInTo(fresh);
      const live = await reader.layer(LAYER);
      const expected = step === 'intent-removed' ? contentVersionOf(Buffer.from(variant)) : before;
      expect(live.version, `after a kill at ${step}`).toBe(expected);
      const { records } = await expectTruthfulHistory(reader, LAYER, expected);
      expect(records.some((record) => record.toVersion === contentVersionOf(Buffer.from(variant))), `audit after a kill at ${step}`).toBe(step === 'intent-removed');
      // Nothing is left holding the layer: the next save is answered at once.
      const next = await reader.putLayer(LAYER, withNote(live.text, `after the kill at ${step}`), live.etag);
      expect(next.status, `a save after the kill at ${step}`).toBe(200);
    } finally {
      await stop(fresh);
    }
  }
}, 300_000);
