/** Archives (docs/input-rules.md, A7): zips are refused before or while extracting when they are bombs, lie or escape. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../../src/data/import/readZip';
import { importFixture } from './importFixture';

const codes = (result: ReturnType<typeof readZip>): string[] => (result.ok ? [] : result.problems.map((problem) => problem.code));

describe('readZip', () => {
  it('extracts every file of an ordinary archive, stored or deflated', () => {
    const archive = zipSync({ 'a.txt': [new TextEncoder().encode('abc'), { level: 0 }], 'dir/b.txt': new TextEncoder().encode('hello '.repeat(100)) });
    const result = readZip(archive);
    expect(result.ok && result.files.map((file) => [file.name, new TextDecoder().decode(file.bytes).length])).toEqual([['a.txt', 3], ['dir/b.txt', 600]]);
  });

  it('refuses an entry that expands more than 100× (30 MB of blanks in 30 KB), reading only the directory', () => {
    const result = readZip(importFixture('zip-bomb.zip'));
    expect(codes(result)).toEqual(['ZIP_RATIO_TOO_HIGH']);
    expect(result.ok || result.problems[0]?.message.en).toContain('"bomb.dbf" expands more than 100×');
    expect(result.ok || result.problems[0]?.message.zh).toContain('压缩炸弹');
  });

  it('refuses an archive whose total uncompressed size exceeds the limit', () => {
    const result = readZip(importFixture('zip-bomb.zip'), { limits: { maxTotalBytes: 10 * 1024 * 1024, maxRatio: 1e6 } });
    expect(codes(result)).toEqual(['ZIP_TOO_LARGE']);
    expect(result.ok || result.problems[0]?.message.en).toContain('more than 10 MB');
  });

  it('stops inflating when an entry produces more than its header declares (a lying header)', () => {
    // The directory says 1000 bytes; the data inflates to 30 MB. The output never grows past the
    // declared size (readZip allocates exactly that), so the refusal comes at the first chunk that passes it.
    const result = readZip(importFixture('lying-header.zip'));
    expect(codes(result)).toEqual(['ZIP_SIZE_MISMATCH']);
  });

  it.each([
    ['zip-slip.zip', '"../evil.txt"', 'contains ".." (points outside the archive)'],
    ['absolute-path.zip', '"/etc/evil.txt"', 'is an absolute path'],
    ['nul-name.zip', '"holes.shp\\u0000.txt"', 'contains a NUL character'],
  ])('refuses %s by its entry name', (fixture, shown, reason) => {
    const result = readZip(importFixture(fixture));
    expect(codes(result)).toEqual(['ZIP_UNSAFE_NAME']);
    expect(result.ok || result.problems[0]?.message.en).toContain(`${shown} in the zip ${reason}`);
  });

  it('accepts names that merely contain two dots', () => {
    expect(readZip(zipSync({ 'plan..v2.txt': new Uint8Array([1]) })).ok).toBe(true);
  });

  it('refuses more entries than the limit', () => {
    const result = readZip(importFixture('utf8-two-layers.zip'), { limits: { maxEntries: 5 } });
    expect(codes(result)).toEqual(['ZIP_TOO_MANY_ENTRIES']);
    expect(result.ok || result.problems[0]?.message.en).toBe('the zip archive holds 11 files, more than the limit of 5');
  });

  it('names damaged archives instead of throwing', () => {
    const archive = importFixture('gk4543-gbk-cpg936.zip');
    expect(codes(readZip(archive.subarray(0, 200)))).toEqual(['ZIP_INVALID']);
    const corrupted = archive.slice();
    corrupted.fill(0xff, 60, 200); // inside the first entry's deflate stream
    expect(codes(readZip(corrupted))[0]).toMatch(/^ZIP_(INVALID|SIZE_MISMATCH)$/);
  });

  it('inflates only the entries asked for', () => {
    const result = readZip(importFixture('plan.kmz'), { wanted: (name) => name.endsWith('.kml') });
    expect(result.ok && result.files.map((file) => file.name)).toEqual(['doc.kml']);
  });
});
