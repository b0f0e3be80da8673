import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectVersionOf } from '../../src/data/projectVersion';
import type { RawProject } from '../../src/domain/changes/mergeProjectEdits';
import type { SaveStep } from '../../src/server/store/saveSteps';
import type { ApiClient } from '../api/support/apiClient';
import { copyGeodata, EDITOR, writeTestAccounts } from '../api/support/apiTestServer';
import { expectTruthfulHistory } from '../api/support/layerHistory';
import { signInTo, spawnServer, type ServerProcess } from '../api/support/serverProcess';
import { importTestDistrict, type TestDistrictSchema } from '../support/databaseTestStore';

/*
 * The server, as `npm start` runs it on the database with every project save on the one-row path,
 * killed with SIGKILL at each step of a project's save. After every kill a fresh server finds the
 * project, the layer and its history as before the save, or, killed after the commit, the new
 * project with its audit record and version; and the next save goes through at once.
 */

const LAYER = 'idle-land';
const STEPS: SaveStep[] = ['disk-version-kept', 'new-content-written', 'layer-renamed', 'audit-appended', 'version-listed', 'intent-removed'];

let rootDirectory: string;
let geodataDirectory: string;
let stateDirectory: string;
let district: TestDistrictSchema;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-db-kill-row-'));
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
  const variables: Record<string, string> = { PLAN_MAP_DATABASE_URL: district.database.url, PLAN_MAP_DATABASE_SCHEMA: district.database.schema, PLAN_MAP_ONE_ROW_SAVE_FROM: '0' };
  if (killAt) Object.assign(variables, { PLAN_MAP_TEST_MODE: '1', PLAN_MAP_TEST_KILL_AT: killAt });
  return spawnServer({ geodataDirectory, stateDirectory, variables });
}

async function firstProject(client: ApiClient): Promise<{ feature: RawProject; version: string }> {
  const { text } = await client.layer(LAYER);
  const id = String((JSON.parse(text) as { features: RawProject[] }).features[0]?.id);
  const response = await client.get(`/api/layers/${LAYER}/features/${encodeURIComponent(id)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { feature: RawProject; version: string };
}

function putNoted(client: ApiClient, project: { feature: RawProject; version: string }, note: string): Promise<Response> {
  const feature = { ...project.feature, properties: { ...(project.feature.properties as Record<string, unknown>), note } };
  return client.write('PUT', `/api/layers/${LAYER}/features/${encodeURIComponent(String(feature.id))}`, JSON.stringify(feature), { 'Content-Type': 'application/geo+json', 'If-Match': `"${project.version}"` });
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

it('leaves the project, the layer and its history as they were, or the save fully recorded, when killed at any step of a one-row save', async () => {
  for (const step of STEPS) {
    const doomed = await start(step);
    const editor = await signInTo(doomed);
    const before = await firstProject(editor);
    const layerBefore = await editor.layer(LAYER);
    const note = `killed at ${step}`;
    const answer = await putNoted(editor, before, note).then((response) => response.status, () => 'connection lost');
    expect(await doomed.exited, `killed at ${step} (answer: ${String(answer)})`).toBe('SIGKILL');

    const fresh = await start(null);
    try {
      const reader = await signInTo(fresh);
      const live = await firstProject(reader);
      const committed = step === 'intent-removed';
      const noted = { ...before.feature, properties: { ...(before.feature.properties as Record<string, unknown>), note } };
      expect(live.version, `the project after a kill at ${step}`).toBe(committed ? projectVersionOf(noted) : before.version);
      const layer = await reader.layer(LAYER);
      if (!committed) expect(layer.text, `the layer after a kill at ${step}`).toBe(layerBefore.text);
      expect(layer.version === layerBefore.version, `the layer version after a kill at ${step}`).toBe(!committed);
      await expectTruthfulHistory(reader, LAYER, layer.version);
      const next = await putNoted(reader, live, `after the kill at ${step}`);
      expect(next.status, `a save after the kill at ${step}`).toBe(200);
    } finally {
      await stop(fresh);
    }
  }
}, 300_000);
