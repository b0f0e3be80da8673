import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentVersionOf } from '../../src/data/contentVersion';
import { SAVE_STEPS, type SaveStep } from '../../src/server/store/saveSteps';
import type { ApiClient } from './support/apiClient';
import { ADMIN, copyGeodata, EDITOR, writeTestAccounts } from './support/apiTestServer';
import { expectTruthfulHistory, type AuditLine, type ListedVersion } from './support/layerHistory';
import { signInTo, spawnServer, type ServerProcess } from './support/serverProcess';
import { withNoteOnEveryFeature } from './support/layerEdits';
import { putPlan } from './support/planDocument';

/*
 * The real server kills itself with SIGKILL at each step of a save in turn (PLAN_MAP_TEST_MODE=1,
 * PLAN_MAP_TEST_KILL_AT=<step>; docs/save-sequence.md). After each restart the layer file is the
 * old or the new one, whole, as the step says; the version list and the audit log name exactly
 * the saves that became live; nothing is left over; and saves that never became live can never
 * push the original version out of a short history (3 versions kept). A layer and the plan
 * (layers.json, saved by an admin) go through the same sequence, and both are tested.
 */

/** What is saved: its key (layer id or document file name), its file, another version of its content, who saves it and how. */
interface SavedFile {
  key: string;
  fileName: string;
  account: { username: string; password: string };
  /** Versions are kept as `<n>.<extension>` beside `<n>.json`. */
  extension: string;
  variantOf: (original: Buffer) => Buffer;
  etagOf: (client: ApiClient) => Promise<string>;
  put: (client: ApiClient, bytes: Buffer, etag: string) => Promise<Response>;
}

const LAYER_FILE: SavedFile = {
  key: 'urban-villages',
  fileName: 'urban-villages.geojson',
  account: EDITOR,
  extension: 'geojson',
  variantOf: (original) => Buffer.from(withNoteOnEveryFeature(original.toString('utf8'))),
  etagOf: async (client) => (await client.layer('urban-villages')).etag,
  put: (client, bytes, etag) => client.putLayer('urban-villages', new Uint8Array(bytes), etag),
};

/** The server stores layers.json formatted this way, so a variant in this form is stored byte for byte. */
const formatted = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

const PLAN_FILE: SavedFile = {
  key: 'layers.json',
  fileName: 'layers.json',
  account: ADMIN,
  extension: 'document',
  variantOf: (original) => {
    const plan = JSON.parse(original.toString('utf8')) as { district: { name: { en: string } } };
    plan.district.name.en = `${plan.district.name.en} (revised)`;
    return formatted(plan);
  },
  etagOf: async (client) => (await client.get('/api/documents/layers.json')).headers.get('etag') ?? '',
  put: (client, bytes, etag) => putPlan(client, JSON.parse(bytes.toString('utf8')), etag),
};

const KEEP_VERSIONS = 3;
const COMMIT_STEP: SaveStep = 'layer-renamed';
/** Rounds per step; one is enough to show each step's outcome, more soak the same steps. */
const ROUNDS_PER_STEP = Number(process.env.PLAN_MAP_KILL_STEP_ROUNDS ?? 1);

let rootDirectory: string;
let geodataDirectory: string;
let stateDirectory: string;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-kill-steps-'));
  geodataDirectory = await copyGeodata(rootDirectory);
  stateDirectory = join(rootDirectory, 'state');
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }, { ...ADMIN, role: 'admin' }]);
});
afterAll(() => rm(rootDirectory, { recursive: true, force: true }));

function start(killAt: SaveStep | null): Promise<ServerProcess> {
  const variables: Record<string, string> = { PLAN_MAP_KEEP_VERSIONS: String(KEEP_VERSIONS) };
  if (killAt) Object.assign(variables, { PLAN_MAP_TEST_MODE: '1', PLAN_MAP_TEST_KILL_AT: killAt });
  return spawnServer({ geodataDirectory, stateDirectory, variables });
}

/** What the state folder holds besides listed versions: nothing, once a restart has settled a crash. */
async function leftovers({ key, extension }: SavedFile): Promise<string[]> {
  const directory = join(stateDirectory, 'versions', key);
  const names = await readdir(directory).catch(() => [] as string[]);
  const pattern = new RegExp(`^(\\d+)\\.(json|${extension})$`);
  const numbered = new Set(names.filter((name) => pattern.test(name)));
  return names.filter((name) => {
    if (name.endsWith('.plan-map-tmp') || name.startsWith('save-intent')) return true;
    const match = pattern.exec(name);
    return match !== null && !numbered.has(`${match[1]}.${match[2] === 'json' ? extension : 'json'}`);
  });
}

interface History {
  versions: ListedVersion[];
  records: AuditLine[];
}

describe.each([LAYER_FILE, PLAN_FILE])('$fileName', (saved) => {
it('leaves the old or the new file and a truthful history when killed at any step of a save', async () => {
  const LAYER = saved.key;
  const layerFile = join(geodataDirectory, saved.fileName);
  const original = await readFile(layerFile);
  const variant = saved.variantOf(original);
  const steps: SaveStep[] = ['disk-version-kept', ...SAVE_STEPS.filter((step) => step !== 'disk-version-kept').flatMap((step) => Array<SaveStep>(ROUNDS_PER_STEP).fill(step))];
  let history: History = { versions: [], records: [] };
  let previous: { step: SaveStep; old: Buffer; next: Buffer } | undefined;
  let server: ServerProcess | undefined;

  /** After a restart: the file is what the step says, the history tells the truth and changed as the step says. */
  const checkAfterRestart = async (client: ApiClient, output: string): Promise<void> => {
    if (!previous) return;
    const { step, old, next } = previous;
    const live = SAVE_STEPS.indexOf(step) >= SAVE_STEPS.indexOf(COMMIT_STEP);
    const after = await readFile(layerFile);
    expect(after.equals(live ? next : old), `killed at ${step}: the layer should be the ${live ? 'new' : 'old'} file, whole`).toBe(true);
    expect(await leftovers(saved), `killed at ${step}: files left over after the restart`).toEqual([]);
    const now = await expectTruthfulHistory(client, LAYER, contentVersionOf(after));
    if (live) {
      expect(now.records.slice(1), `killed at ${step}: earlier records changed`).toEqual(history.records);
      expect(now.records[0]).toMatchObject({ fromVersion: contentVersionOf(old), toVersion: contentVersionOf(next), user: saved.account.username });
      expect(now.versions[0]).toMatchObject({ version: contentVersionOf(next), current: true, user: saved.account.username });
      if (step !== 'intent-removed') expect(output).toContain('was live before the crash');
      // The editor never got an answer; saving the same again is recognised as done.
      const retry = await saved.put(client, next, `"${contentVersionOf(old)}"`);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toMatchObject({ changed: false, version: contentVersionOf(next) });
    } else {
      expect(now.records, `killed at ${step}: the audit log changed for a save that never became live`).toEqual(history.records);
      expect(now.versions.map((entry) => entry.version), `killed at ${step}: the version list changed for a save that never became live`).toEqual(
        step === 'disk-version-kept' ? [contentVersionOf(original)] : history.versions.map((entry) => entry.version),
      );
      if (step === 'intent-written' || step === 'layer-temp-written') expect(output).toContain('had not become live');
    }
    history = { versions: now.versions, records: now.records };
  };

  try {
    for (const step of steps) {
      server = await start(step);
      const client = await signInTo(server, saved.account);
      await checkAfterRestart(client, server.output());
      // Until the first save became live, the original version must stay listed, however many saves died before.
      if (!history.records.length && previous) expect(history.versions.map((entry) => entry.summary.origin)).toEqual(['disk']);

      const etag = await saved.etagOf(client);
      const old = await readFile(layerFile);
      const next = old.equals(variant) ? original : variant;
      const answer = await saved.put(client, next, etag).catch(() => undefined);
      expect(answer, `the save should have died at ${step}`).toBeUndefined();
      expect(await server.exited).toBe('SIGKILL');
      previous = { step, old, next };
    }
    server = await start(null);
    await checkAfterRestart(await signInTo(server, saved.account), server.output());
  } finally {
    server?.child.kill('SIGKILL');
  }
}, 240_000);
});
