import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SCAN_MAX_BYTES, readAuditPage, type AuditPage } from '../../../../src/server/store/readAuditPage';

// Real files on disk: lines across the 64 KiB chunks the log is read in, lines larger than a page's scan, a torn end.
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plan-map-audit-page-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

function line(index: number, layer: string, padBytes: number): string {
  return `${JSON.stringify({ time: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(), user: 'editor', layer, action: 'save', fromVersion: `F${index}`, toVersion: `T${index}`, pad: 'p'.repeat(padBytes) })}\n`;
}

async function allPages(file: string, query: { layer?: string; limit: number }): Promise<{ versions: string[]; pages: AuditPage[] }> {
  const pages: AuditPage[] = [];
  let before: number | undefined;
  do {
    const page = await readAuditPage(file, { ...query, ...(before === undefined ? {} : { before }) });
    pages.push(page);
    expect(page.next === null || before === undefined || page.next < before, 'the cursor moves towards the start').toBe(true);
    before = page.next ?? undefined;
  } while (before !== undefined && pages.length < 10_000);
  return { versions: pages.flatMap((page) => page.records.map((record) => record.toVersion ?? '')), pages };
}

describe('readAuditPage', () => {
  it('reads every record once, newest first, whatever the line sizes against the 64 KiB chunks', async () => {
    const file = join(directory, 'sizes.jsonl');
    // Sizes around the chunk size, so lines end on, just before and just after chunk boundaries.
    const sizes = [10, 65_400, 65_536, 70_000, 1, 200_000, 65_535 - 150, 3, 131_072];
    await writeFile(file, sizes.map((size, index) => line(index, index % 2 ? 'a' : 'b', size)).join(''));
    for (const limit of [1, 2, 5, 200]) {
      const { versions } = await allPages(file, { limit });
      expect(versions).toEqual(sizes.map((_, index) => `T${index}`).reverse());
    }
    expect((await allPages(file, { limit: 2, layer: 'a' })).versions).toEqual(['T7', 'T5', 'T3', 'T1']);
  });

  it('summarises a line over 1 MiB from its first bytes and moves past it, even when it is larger than a page may scan', async () => {
    const file = join(directory, 'large.jsonl');
    const largeBytes = AUDIT_SCAN_MAX_BYTES + 1024;
    await writeFile(file, line(0, 'a', 10) + line(1, 'a', largeBytes) + line(2, 'a', 10));
    const { versions, pages } = await allPages(file, { limit: 1 });
    expect(versions).toEqual(['T2', 'T1', 'T0']);
    expect(pages[1]?.records[0]).toEqual({ time: '2026-01-01T00:01:00.000Z', user: 'editor', layer: 'a', action: 'save', fromVersion: 'F1', toVersion: 'T1', tooLarge: { bytes: Buffer.byteLength(line(1, 'a', largeBytes)) - 1 } });
  });

  it('skips a last line without its newline (an append in progress or a torn end)', async () => {
    const file = join(directory, 'torn.jsonl');
    await writeFile(file, line(0, 'a', 10) + line(1, 'a', 10));
    await appendFile(file, line(2, 'a', 10).slice(0, 50));
    expect((await allPages(file, { limit: 10 })).versions).toEqual(['T1', 'T0']);
  });

  it('answers an empty page for a missing log, and throws for one it cannot read', async () => {
    expect(await readAuditPage(join(directory, 'missing.jsonl'), { limit: 10 })).toEqual({ records: [], next: null, unreadableLines: 0 });
    await expect(readAuditPage(directory, { limit: 10 })).rejects.toThrow();
  });
});
