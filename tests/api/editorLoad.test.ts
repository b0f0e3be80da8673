import { afterAll, beforeAll, expect, it } from 'vitest';
import { notesIn, runEditorLoad } from '../../scripts/load/editorLoad';
import { startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import { parseCollection } from './support/layerEdits';

/*
 * 50 editors save different projects of one layer at once for a minute (PLAN_MAP_LOAD_SECONDS),
 * each through the project's own address, while readers load the layer: no save is refused, no
 * acknowledged save is lost, and every save has its audit record. The latencies are printed,
 * never asserted (docs/benchmark.md has the figures). Both stores.
 */

const EDITORS = 50;
const LAYER = 'idle-land';
const DURATION_MS = Number(process.env.PLAN_MAP_LOAD_SECONDS ?? 60) * 1000;

let server: ApiTestServer;

beforeAll(async () => {
  // Sign-ins are not what is measured: the budget lets 50 editors in within seconds.
  server = await startApiTestServer({ loginLimits: { hashesAtOnce: 1, checksPerMinute: 6000 } });
}, 120_000);
afterAll(() => server.close());

it(`${EDITORS} editors saving different projects for a minute lose no update`, async () => {
  const projects = parseCollection((await server.readStored(`${LAYER}.geojson`)).toString('utf8')).features.slice(0, EDITORS);
  expect(projects).toHaveLength(EDITORS);
  const editors = projects.map((project, index) => ({ username: `editor-${index + 1}`, password: `load-password-${index + 1}`, projectId: project.id }));
  await server.writeAccounts(editors.map(({ username, password }) => ({ username, password, role: 'editor' as const })));

  const result = await runEditorLoad({ baseUrl: server.baseUrl, layer: LAYER, editors, readers: 4, durationMs: DURATION_MS });
  console.log(
    `${EDITORS} editors, ${Math.round(result.durationMs / 1000)} s: ${result.saves.count} saves, p50 ${Math.round(result.saves.p50Ms)} ms, p99 ${Math.round(result.saves.p99Ms)} ms; ` +
      `${result.reads.count} reads, p50 ${Math.round(result.reads.p50Ms)} ms, p99 ${Math.round(result.reads.p99Ms)} ms`,
  );

  expect(result.failures).toEqual([]);
  expect(result.lastAcknowledged.size).toBe(EDITORS);
  const notes = notesIn((await server.readStored(`${LAYER}.geojson`)).toString('utf8'));
  for (const [projectId, note] of result.lastAcknowledged) expect(notes.get(projectId), projectId).toBe(note);
  const audited = (await server.storedAuditLines()).filter((line) => (JSON.parse(line) as { layer: string }).layer === LAYER);
  expect(audited).toHaveLength(result.saves.count);
  expect(result.reads.count).toBeGreaterThan(0);
}, 300_000);
