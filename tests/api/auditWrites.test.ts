import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { contentVersionOf } from '../../src/data/contentVersion';
import type { ApiClient } from './support/apiClient';
import { copyGeodata, EDITOR, writeTestAccounts } from './support/apiTestServer';
import { listVersions, readWholeAudit } from './support/layerHistory';
import { withProperty } from './support/layerEdits';
import { signInTo, spawnServer, type ServerProcess } from './support/serverProcess';
import { mountSmallDisk, type SmallDisk } from './support/smallDisk';

/*
 * An audit record is written whole or not at all, and a save whose record cannot be written is
 * not a save: the real server, its state folder on a nearly full disk (a tmpfs where this
 * process may mount one, else a file-size limit on the server), and a log whose end a crash tore.
 */

const LAYER = 'urban-villages';
const PAGE_BYTES = 4096;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function folders(prefix: string): Promise<{ geodataDirectory: string; stateDirectory: string; rootDirectory: string }> {
  const rootDirectory = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(rootDirectory, { recursive: true, force: true }));
  const geodataDirectory = await copyGeodata(rootDirectory);
  const stateDirectory = join(rootDirectory, 'state');
  await mkdir(stateDirectory, { recursive: true });
  return { rootDirectory, geodataDirectory, stateDirectory };
}

async function startSignedIn(options: Parameters<typeof spawnServer>[0]): Promise<{ server: ServerProcess; client: ApiClient }> {
  const server = await spawnServer(options);
  cleanups.push(async () => {
    server.child.kill('SIGKILL');
    await server.exited;
  });
  return { server, client: await signInTo(server) };
}

/** Three 1000-character notes on every project: a save whose audit record is about 90 KB (each value under the 1 KiB cap). */
function withLongNotes(text: string): string {
  const collection = JSON.parse(text) as { features: { properties: Record<string, unknown> }[] };
  collection.features.forEach((feature, index) => {
    for (const key of ['note1', 'note2', 'note3']) feature.properties[key] = `${key}-${index}-`.padEnd(1000, 'x');
  });
  return JSON.stringify(collection);
}

function pages(bytes: number): number {
  return Math.ceil(bytes / PAGE_BYTES);
}

/** Valid records of another layer, so the log is near a file-size limit where no small disk can be mounted. */
function fillerRecords(totalBytes: number): string {
  const line = `${JSON.stringify({ time: '2026-01-01T00:00:00.000Z', user: 'filler', layer: 'roads', action: 'save', fromVersion: 'A'.repeat(27), toVersion: 'B'.repeat(27), id: 'filler', added: [], removed: [], changed: [], areaDeltaSquareMetersById: {}, totalAreaDeltaSquareMeters: 0, totalLengthDeltaMeters: 0, statusRegressions: [], namesById: {}, pad: 'p'.repeat(900) })}\n`;
  return line.repeat(Math.ceil(totalBytes / line.length));
}

it('refuses a save whose audit record does not fit on the state disk, keeps the layer and the log as they were, and audits the next save', async () => {
  const { geodataDirectory, stateDirectory } = await folders('plan-map-audit-full-');
  const disk: SmallDisk | null = await mountSmallDisk(stateDirectory, 1024);
  if (disk) cleanups.push(() => disk.unmount());
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }]);
  // Without a mount: every file the server writes is limited to a size the log is just under.
  const fileLimitKiB = 224;
  if (!disk) await writeFile(join(stateDirectory, 'audit.jsonl'), fillerRecords(200 * 1024));
  const { server, client } = await startSignedIn({ geodataDirectory, stateDirectory, ...(disk ? {} : { shellPrefix: `ulimit -f ${fileLimitKiB};` }) });
  console.log(`nearly full state folder: ${disk ? 'a 1 MiB tmpfs' : `ulimit -f ${fileLimitKiB} (no tmpfs could be mounted)`}`);

  // A first save keeps the version found on disk and starts the log.
  const first = await client.layer(LAYER);
  expect((await client.putLayer(LAYER, withProperty(first.text, 'UV-001', 'name', '第一次保存'), first.etag)).status).toBe(200);

  const layerFile = join(geodataDirectory, `${LAYER}.geojson`);
  const auditFile = join(stateDirectory, 'audit.jsonl');
  const { text, etag } = await client.layer(LAYER);
  const big = withLongNotes(text);
  if (disk) {
    // Room for the new version's content and the save's intent (which holds the record), not for the record once more.
    const recordBytes = Buffer.byteLength(big) - Buffer.byteLength(text);
    await disk.fillLeaving((pages(Buffer.byteLength(big)) + pages(recordBytes + 2048) + 4) * PAGE_BYTES);
  }
  const layerBefore = await readFile(layerFile);
  const auditBefore = await readFile(auditFile);
  const versionsBefore = await listVersions(client, LAYER);

  const refused = await client.putLayer(LAYER, big, etag);
  expect(refused.status).toBe(507);
  expect(await refused.json()).toMatchObject({ error: 'storage-full', message: { en: expect.stringContaining('old file is intact') } });
  // The layer was written, then the record failed: this is the audit's failure, not the layer's.
  expect(server.output()).toContain('could not append the audit record, undoing the save');
  expect((await readFile(layerFile)).equals(layerBefore)).toBe(true);
  expect((await client.layer(LAYER)).etag).toBe(etag);
  // Not a byte of the record stays behind to swallow the next one.
  expect((await readFile(auditFile)).equals(auditBefore)).toBe(true);
  expect(await listVersions(client, LAYER)).toEqual(versionsBefore);
  const names = await readdir(join(stateDirectory, 'versions', LAYER));
  expect(names.filter((name) => name.endsWith('.plan-map-tmp') || name.startsWith('save-intent'))).toEqual([]);
  expect(names.filter((name) => name.endsWith('.geojson'))).toHaveLength(versionsBefore.versions.length);

  // The next save that fits is saved and audited, its record whole and readable.
  const small = await client.putLayer(LAYER, withProperty(text, 'UV-002', 'name', '第二次保存'), etag);
  expect(small.status).toBe(200);
  const { version } = (await small.json()) as { version: string };
  const records = await readWholeAudit(client, LAYER);
  expect(records.map((record) => record.toVersion)).toEqual([version, contentVersionOf(layerBefore)]);
  for (const line of (await readFile(auditFile, 'utf8')).split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
}, 120_000);

it('sets a torn or unreadable end of the log aside at start, says so, and keeps the next record whole', async () => {
  const { geodataDirectory, stateDirectory } = await folders('plan-map-audit-torn-');
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }]);
  const auditFile = join(stateDirectory, 'audit.jsonl');
  const tornEnds = [
    // What a kill in the middle of an append leaves: the first part of a record, no newline.
    { reason: 'no-newline', bytes: '{"time":"2026-12-01T08:00:00.000Z","user":"editor","layer":"urban-villages","action":"save","fromVe' },
    // What a power cut can leave on some file systems: a line of zeros.
    { reason: 'unparsable', bytes: `${'\0'.repeat(300)}\n` },
  ];
  let saves = 0;
  for (const [index, torn] of tornEnds.entries()) {
    const { server, client } = await startSignedIn({ geodataDirectory, stateDirectory });
    const { text, etag } = await client.layer(LAYER);
    expect((await client.putLayer(LAYER, withProperty(text, 'UV-001', 'name', `保存 ${saves}`), etag)).status).toBe(200);
    saves += 1;
    server.child.kill('SIGKILL');
    await server.exited;
    const whole = await readFile(auditFile);
    await appendFile(auditFile, torn.bytes);

    const restarted = await startSignedIn({ geodataDirectory, stateDirectory });
    expect(restarted.server.output()).toContain(`byte(s) of an incomplete record (${torn.reason}), moved to`);
    expect((await readFile(auditFile)).equals(whole), 'the log is cut back to its last whole record').toBe(true);
    const sideFiles = (await readdir(stateDirectory)).filter((name) => name.startsWith('audit-torn-'));
    expect(sideFiles).toHaveLength(index + 1);
    const sideContents = await Promise.all(sideFiles.map((name) => readFile(join(stateDirectory, name), 'utf8')));
    expect(sideContents).toContain(torn.bytes);

    const latest = await restarted.client.layer(LAYER);
    const next = await restarted.client.putLayer(LAYER, withProperty(latest.text, 'UV-001', 'name', `保存 ${saves}`), latest.etag);
    expect(next.status).toBe(200);
    saves += 1;
    const records = await readWholeAudit(restarted.client, LAYER);
    expect(records).toHaveLength(saves);
    expect(records[0]?.toVersion).toBe(((await next.json()) as { version: string }).version);
    restarted.server.child.kill('SIGKILL');
    await restarted.server.exited;
  }
}, 120_000);
