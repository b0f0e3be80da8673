/** Input rules A1–A7, G1, G5 (docs/input-rules.md): what arrives is JSON, in UTF-8, within limits, and cannot pollute prototypes. */
import { describe, expect, it } from 'vitest';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { validateInputCase } from '../../../support/inputCases';

const only = (name: string) => {
  const report = validateInputCase(name);
  expect(report.problems).toHaveLength(1);
  const [problem] = report.problems;
  if (!problem) throw new Error('no problem');
  return { problem, report };
};

describe('A1: files that are not JSON are named, not parsed', () => {
  it.each([
    ['A1-html-error-page', 'HTML page'],
    ['A1-shapefile', 'Shapefile'],
    ['A7-zip', 'ZIP archive'],
  ])('%s is called %s', (name, format) => {
    const { problem, report } = only(name);
    expect(problem.code).toBe('NOT_JSON');
    expect(problem.message.en).toContain(format);
    expect(report.collection).toBeUndefined();
  });

  it('a text note gets INVALID_JSON at line 1, column 1', () => {
    expect(only('A1-text-note').problem.message.en).toMatch(/^line 1, column 1: unexpected "S"/);
  });

  it('an empty file says it is empty', () => {
    expect(only('A1-empty').problem.message.en).toBe('the file is empty');
    expect(only('A1-whitespace').problem.code).toBe('EMPTY_INPUT');
  });
});

describe('A2: trailing commas and NaN/Infinity are syntax errors with their line and column', () => {
  it.each([
    ['A2-trailing-comma-array', 'line 4, column 60: trailing comma before ]'],
    ['A2-trailing-comma-object', 'line 4, column 51: trailing comma before }'],
    ['A2-nan', 'line 2, column 50: NaN is not allowed in JSON'],
    ['A2-infinity', 'line 2, column 85: Infinity is not allowed in JSON'],
    ['A2-negative-infinity', 'line 2, column 92: Infinity is not allowed in JSON'],
  ])('%s', (name, message) => {
    const { problem } = only(name);
    expect(problem.code).toBe('INVALID_JSON');
    expect(problem.message.en).toContain(message);
    expect(problem.message.zh).toMatch(/^第 \d+ 行第 \d+ 列：/);
  });
});

describe('A3: UTF-8 only; a BOM is fine, other encodings are named and never decoded into mojibake', () => {
  it('accepts a BOM and keeps Chinese text intact', () => {
    const report = validateInputCase('A3-bom');
    expect(report.problems).toEqual([]);
    expect(report.collection?.features[0]?.properties?.name).toBe('瓦窑村');
  });

  it.each([
    ['A3-gbk', 'GBK'],
    ['A3-utf16le', 'UTF-16LE'],
    ['A3-utf16be-no-bom', 'UTF-16BE'],
  ])('%s is refused as %s', (name, encoding) => {
    const { problem, report } = only(name);
    expect(problem.code).toBe('ENCODING_NOT_UTF8');
    expect(problem.message.en).toContain(encoding);
    expect(problem.message.en).toContain('must be UTF-8');
    expect(report.collection).toBeUndefined();
  });
});

describe('A4: duplicate members', () => {
  it('names the duplicated member by its JSON pointer and stops before the ambiguous value is used', () => {
    const { problem, report } = only('A4-duplicate-property');
    expect(problem).toMatchObject({ code: 'DUPLICATE_KEY', path: '/features/0/properties/name' });
    expect(problem.message.en).toContain('"name" appears more than once');
    expect(report.collection).toBeUndefined();
  });
});

describe('A5: size limit', () => {
  it('refuses a body above 50 MB before decoding it', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20);
    const report = validateGeoJson(bytes);
    expect(report.problems.map((problem) => problem.code)).toEqual(['TOO_LARGE']);
    expect(report.problems[0]?.message.en).toContain('50 MB');
  });

  it('takes a configured limit, for strings too', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [], padding: '瓦'.repeat(400) });
    expect(validateGeoJson(text, { limits: { maxBytes: 1000 } }).problems.map((problem) => problem.code)).toEqual(['TOO_LARGE']);
    expect(validateGeoJson(text, { limits: { maxBytes: 2000 } }).problems.map((problem) => problem.code)).toEqual(['NO_FEATURES']);
  });
});

describe('A6: nesting limits', () => {
  it('stops 10 000 levels inside a property without exhausting the stack', () => {
    const depth = 10_000;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}},"geometry":null}]}`;
    expect(text.length).toBeGreaterThan(20_000);
    const report = validateGeoJson(text);
    expect(report.problems.map((problem) => problem.code)).toEqual(['TOO_DEEP']);
    expect(report.problems[0]?.path.startsWith('/features/0/properties/deep/0/0')).toBe(true);
  });

  it('allows 32 levels inside properties and refuses more', () => {
    const nested = (levels: number): string => `${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}`;
    const file = (levels: number): string => `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":${nested(levels)}},"geometry":null}]}`;
    expect(validateGeoJson(file(31)).problems).toEqual([]);
    expect(validateGeoJson(file(33)).problems.map((problem) => problem.code)).toEqual(['TOO_DEEP']);
    expect(validateInputCase('A6-deep-properties').problems[0]?.message.en).toContain('deeper than 32 levels');
  });

  it('refuses coordinates nested deeper than their geometry type allows', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[[[[102.7, 25]]]]]] } }] });
    const report = validateGeoJson(text);
    expect(report.problems.map((problem) => [problem.code, problem.path])).toEqual([['COORDINATES_NESTING', '/features/0/geometry/coordinates/0/0']]);
  });
});

describe('G1: prototype pollution', () => {
  it.each(['G1-proto', 'G1-constructor-prototype'])('%s is rejected and left out of the data', (name) => {
    const { problem, report } = only(name);
    expect(problem.code).toBe('FORBIDDEN_KEY');
    const properties = report.collection?.features[0]?.properties ?? {};
    expect(Object.keys(properties)).toEqual(['name']);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect((Object.assign({}, properties) as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});

describe('G5: vertex limit', () => {
  // How long this takes is a benchmark question (npm run bench), not a test's.
  it('refuses more than 2 000 000 vertices with TOO_MANY_VERTICES', () => {
    const count = 2_000_001;
    const ring = `[${'[102.7,25],'.repeat(count - 1)}[102.7,25]]`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[${ring}]}}]}`;
    const report = validateGeoJson(text);
    expect(report.problems.map((problem) => problem.code)).toEqual(['TOO_MANY_VERTICES']);
    expect(report.problems[0]?.message.en).toContain('2000001 vertices');
  });

  it('takes a configured vertex limit', () => {
    const report = validateInputCase('A3-bom');
    expect(report.problems).toEqual([]);
    const text = JSON.stringify(report.collection);
    expect(validateGeoJson(text, { limits: { maxVertices: 4 } }).problems.map((problem) => problem.code)).toEqual(['TOO_MANY_VERTICES']);
  });
});
