import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanMapServer, type PlanMapServer } from '../../src/server/createPlanMapServer';
import { PmtilesFileSource } from '../../src/data/basemap/pmtilesFileSource';
import { sampleBasemapPmtiles } from '../support/pmtiles/sampleBasemapPmtiles';

let directory = '';
let server: PlanMapServer;
let archiveUrl = '';
let archive: Uint8Array = new Uint8Array();
const archivePath = () => join(directory, 'geodata', 'basemap', 'district.pmtiles');

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'plan-map-pmtiles-'));
  mkdirSync(join(directory, 'dist'));
  writeFileSync(join(directory, 'dist', 'index.html'), '<!doctype html><title>plan map</title>');
  mkdirSync(join(directory, 'geodata', 'basemap'), { recursive: true });
  archive = sampleBasemapPmtiles('protomaps');
  writeFileSync(archivePath(), archive);
  server = createPlanMapServer({ distDirectory: join(directory, 'dist'), geodataDirectory: join(directory, 'geodata') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  archiveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/geodata/basemap/district.pmtiles`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(directory, { recursive: true, force: true });
});

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('the server serves a PMTiles basemap in byte ranges', () => {
  it('sends the whole archive with Accept-Ranges and a strong ETag when no range is asked', async () => {
    const response = await fetch(archiveUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-type')).toBe('application/vnd.pmtiles');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(await bytesOf(response)).toEqual(archive);
  });

  it('answers a range with 206 and exactly those bytes: first, open-ended and suffix ranges', async () => {
    const size = archive.byteLength;
    for (const [range, first, last] of [['bytes=0-126', 0, 126], ['bytes=1000-', 1000, size - 1], ['bytes=-16', size - 16, size - 1], [`bytes=${size - 5}-${size + 100}`, size - 5, size - 1]] as const) {
      const response = await fetch(archiveUrl, { headers: { Range: range } });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(`bytes ${first}-${last}/${size}`);
      expect(response.headers.get('content-length'), range).toBe(String(last - first + 1));
      expect(await bytesOf(response), range).toEqual(archive.slice(first, last + 1));
    }
  });

  it('answers 416 with the size for a range past the end or backwards', async () => {
    for (const range of [`bytes=${archive.byteLength}-`, 'bytes=500-100', 'bytes=-0', 'bytes=x-y']) {
      const response = await fetch(archiveUrl, { headers: { Range: range } });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe(`bytes */${archive.byteLength}`);
      await response.arrayBuffer();
    }
  });

  it('honours If-Range: the same version gets its piece, an older one the whole new file', async () => {
    const etag = (await fetch(archiveUrl, { method: 'HEAD' })).headers.get('etag') ?? '';
    const same = await fetch(archiveUrl, { headers: { Range: 'bytes=0-6', 'If-Range': etag } });
    expect(same.status).toBe(206);
    expect(new TextDecoder().decode(await bytesOf(same))).toBe('PMTiles');
    const stale = await fetch(archiveUrl, { headers: { Range: 'bytes=0-6', 'If-Range': '"0-0"' } });
    expect(stale.status).toBe(200);
    expect((await bytesOf(stale)).byteLength).toBe(archive.byteLength);
    const notModified = await fetch(archiveUrl, { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
  });

  it('changes the ETag when the archive is replaced on disk', async () => {
    const before = (await fetch(archiveUrl, { method: 'HEAD' })).headers.get('etag');
    const later = new Date(Date.now() + 5_000);
    utimesSync(archivePath(), later, later);
    const after = (await fetch(archiveUrl, { method: 'HEAD' })).headers.get('etag');
    expect(after).not.toBe(before);
  });

  it('is read by the pmtiles package over HTTP exactly as from the file', async () => {
    const overHttp = new PMTiles(new FetchSource(archiveUrl));
    const fromFile = new PMTiles(new PmtilesFileSource(archivePath()));
    expect(await overHttp.getHeader()).toEqual({ ...(await fromFile.getHeader()), etag: expect.any(String) as string });
    expect(await overHttp.getMetadata()).toEqual(await fromFile.getMetadata());
    const viaHttp = await overHttp.getZxy(12, 3216, 1754);
    const viaFile = await fromFile.getZxy(12, 3216, 1754);
    expect(viaHttp?.data.byteLength).toBeGreaterThan(1000);
    expect(new Uint8Array(viaHttp?.data ?? new ArrayBuffer(0))).toEqual(new Uint8Array(viaFile?.data ?? new ArrayBuffer(1)));
  });

  it('keeps archives inside the geodata folder', async () => {
    const response = await fetch(`${archiveUrl.replace('/geodata/basemap/district.pmtiles', '')}/geodata/basemap/..%2F..%2Fdist%2Fx.pmtiles`);
    expect(response.status).toBe(404);
    await response.arrayBuffer();
  });
});
