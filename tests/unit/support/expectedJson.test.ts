import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedJson } from '../../support/expectedJson';

describe('expected files of fixture tests', () => {
  const folder = mkdtempSync(join(tmpdir(), 'expected-json-'));
  afterEach(() => rmSync(join(folder, 'case.expected.json'), { force: true }));

  it('fail a test whose expected file is missing, and write nothing', () => {
    const path = join(folder, 'case.expected.json');
    expect(() => expectedJson(path, { problems: [] }, false)).toThrow(/case\.expected\.json is missing: write it with UPDATE_EXPECTED=1/);
    expect(existsSync(path)).toBe(false);
  });

  it('give back what the file holds, not what the test produced', () => {
    const path = join(folder, 'case.expected.json');
    writeFileSync(path, '{"problems":["RING_NOT_CLOSED"]}');
    expect(expectedJson(path, { problems: [] }, false)).toEqual({ problems: ['RING_NOT_CLOSED'] });
  });

  it('are written only when updating on purpose', () => {
    const path = join(folder, 'case.expected.json');
    expect(expectedJson(path, { problems: ['TOO_DEEP'] }, true)).toEqual({ problems: ['TOO_DEEP'] });
    expect(readFileSync(path, 'utf8')).toBe('{\n  "problems": [\n    "TOO_DEEP"\n  ]\n}\n');
  });
});
