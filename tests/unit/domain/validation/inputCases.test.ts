/**
 * Every input-rule fixture file (tests/fixtures/input-cases, named by the ids of
 * docs/input-rules.md) against its expected problems and warnings (MapLibre
 * style-spec's input / expected-errors pairs). `UPDATE_EXPECTED=1 npx vitest run` rewrites the
 * expected files (turf's REGEN); review the diff before committing it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedJson } from '../../../support/expectedJson';
import { expectedOf, expectedPath, INPUT_CASES_DIR, inputCaseNames, validateInputCase, type ExpectedReport } from '../../../support/inputCases';

describe('input-rule fixtures: the validator reports exactly the expected problems and warnings', () => {
  for (const name of inputCaseNames()) {
    it(name, () => {
      const actual = expectedOf(validateInputCase(name));
      expect(actual).toEqual(expectedJson<ExpectedReport>(expectedPath(name), actual));
    });
  }

  it('has an expected file for every fixture and a fixture for every expected file', () => {
    expect(inputCaseNames().length).toBeGreaterThan(90);
    for (const name of inputCaseNames()) expect(existsSync(expectedPath(name)), name).toBe(true);
    const names = new Set(inputCaseNames());
    for (const file of readdirSync(INPUT_CASES_DIR).filter((entry) => /\.(expected|options)\.json$/.test(entry)))
      expect(names.has(file.replace(/\.(expected|options)\.json$/, '')), file).toBe(true);
  });
});
