import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from './support/apiClient';
import { copyGeodata, EDITOR, writeTestAccounts } from './support/apiTestServer';
import { spawnServer, type ServerProcess } from './support/serverProcess';

/*
 * A large audit log (about 120 MB: two records of 40 MB each, as servers before the record cap
 * wrote them, among 20,000 ordinary ones) is served a page at a time to four readers at once,
 * each reading it to the end, while the server's memory is watched. A server that loads the log
 * whole grows by hundreds of megabytes per reader; this one must stay within a generous bound
 * above its own resting size, measured in the same run.
 */

const ORDINARY_RECORDS = 20_000;
const HUGE_RECORD_BYTES = 40 * 1024 * 1024;
const READERS = 4;
const GROWTH_BOUND_BYTES = 96 * 1024 * 1024;

let rootDirectory: string;
let server: ServerProcess;
let client: ApiClient;

function record(index: number, layer: string, extra = ''): string {
  const version = (letter: string) => `${letter}${String(index).padStart(26, '0')}`;
  return `{"time":"${new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString()}","user":"editor","layer":"${layer}","action":"save","fromVersion":"${version('F')}","toVersion":"${version('T')}","added":[],"removed":[],"changed":[{"id":"RD-01","attributes":[{"key":"note","after":"${extra || 'x'.repeat(1800)}"}],"geometryChanged":false,"areaDeltaSquareMeters":0,"lengthDeltaMeters":0}],"areaDeltaSquareMetersById":{},"totalAreaDeltaSquareMeters":0,"totalLengthDeltaMeters":0,"statusRegressions":[],"namesById":{}}\n`;
}

/** Written as a stream: the test itself never holds the log either. */
async function writeLargeAudit(file: string): Promise<{ roads: number }> {
  const stream = createWriteStream(file);
  let roads = 0;
  for (let index = 0; index < ORDINARY_RECORDS; index += 1) {
    const layer = index % 2 === 0 ? 'roads' : 'urban-villages';
    const huge = index === 100 || index === ORDINARY_RECORDS - 100;
    if (layer === 'roads' || huge) roads += 1;
    if (!stream.write(record(index, huge ? 'roads' : layer, huge ? 'y'.repeat(HUGE_RECORD_BYTES) : ''))) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return { roads };
}

/** Resident and peak resident memory of a process, from Linux's /proc. */
async function memoryOf(pid: number): Promise<{ rssBytes: number; peakBytes: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rssBytes: kib('VmRSS'), peakBytes: kib('VmHWM') };
}

let expectedRoads = 0;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-audit-memory-'));
  const geodataDirectory = await copyGeodata(rootDirectory);
  const stateDirectory = join(rootDirectory, 'state');
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }]);
  expectedRoads = (await writeLargeAudit(join(stateDirectory, 'audit.jsonl'))).roads;
  server = await spawnServer({ geodataDirectory, stateDirectory });
  client = new ApiClient(server.baseUrl);
  expect((await client.login(EDITOR.username, EDITOR.password)).status).toBe(200);
}, 120_000);
afterAll(async () => {
  server.child.kill('SIGKILL');
  await server.exited;
  await rm(rootDirectory, { recursive: true, force: true });
});

/** One reader paging through the whole log; returns how many records it got and the largest page in bytes. */
async function readToTheEnd(layer: string | undefined): Promise<{ records: number; tooLarge: number; largestPageBytes: number }> {
  let before: string | null = null;
  const totals = { records: 0, tooLarge: 0, largestPageBytes: 0 };
  do {
    const query = new URLSearchParams({ limit: '200', ...(layer ? { layer } : {}), ...(before ? { before } : {}) });
    const response = await client.get(`/api/audit?${query.toString()}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    totals.largestPageBytes = Math.max(totals.largestPageBytes, Buffer.byteLength(text));
    const page = JSON.parse(text) as { records: { tooLarge?: unknown }[]; next: string | null };
    totals.records += page.records.length;
    totals.tooLarge += page.records.filter((entry) => entry.tooLarge).length;
    before = page.next;
  } while (before !== null);
  return totals;
}

it('serves a 120 MB audit log page by page to four readers at once within bounded memory', async () => {
  const pid = server.child.pid ?? 0;
  // A first page warms the code path; the resting size is measured after it.
  expect((await client.get('/api/audit?limit=5')).status).toBe(200);
  const resting = await memoryOf(pid);

  let highestRss = resting.rssBytes;
  const sampler = setInterval(() => {
    void memoryOf(pid).then(({ rssBytes }) => {
      highestRss = Math.max(highestRss, rssBytes);
    }).catch(() => undefined);
  }, 20);
  let results;
  try {
    results = await Promise.all(Array.from({ length: READERS }, (_, index) => readToTheEnd(index === 0 ? undefined : 'roads')));
  } finally {
    clearInterval(sampler);
  }
  const after = await memoryOf(pid);
  // The kernel's high-water mark catches a peak between two samples, when the load set a new one (start-up may have set a higher one before).
  const highest = after.peakBytes > resting.peakBytes ? Math.max(after.peakBytes, highestRss) : highestRss;
  const growthBytes = highest - resting.rssBytes;
  console.log(`audit memory: resting ${(resting.rssBytes / 2 ** 20).toFixed(0)} MB, highest ${(highest / 2 ** 20).toFixed(0)} MB, growth ${(growthBytes / 2 ** 20).toFixed(0)} MB; largest page ${(Math.max(...results.map((result) => result.largestPageBytes)) / 1024).toFixed(0)} KiB`);

  expect(results[0]).toMatchObject({ records: ORDINARY_RECORDS, tooLarge: 2 });
  for (const result of results.slice(1)) expect(result).toMatchObject({ records: expectedRoads, tooLarge: 2 });
  for (const result of results) expect(result.largestPageBytes).toBeLessThan(1024 * 1024);
  expect(growthBytes).toBeLessThan(GROWTH_BOUND_BYTES);
}, 180_000);
