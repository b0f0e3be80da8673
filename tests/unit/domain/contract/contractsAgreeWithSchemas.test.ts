/**
 * The contracts of layers.json and tour.json check exactly what the schema files they write say:
 * every file and every small break of it (a member removed, added or of another type) is
 * accepted or refused alike by the contract and by Ajv reading the written schema, and the
 * contract names a place Ajv names too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../../src/domain/contract/Contract';
import { contractIssues } from '../../../../src/domain/contract/contractIssues';
import { schemaDocument } from '../../../../src/domain/contract/schemaDocument';
import { isCalendarDate } from '../../../../src/domain/dates/isCalendarDate';
import { isRecord } from '../../../../src/domain/isRecord';
import { MANIFEST_CONTRACT } from '../../../../src/domain/plan/manifest';
import { TOUR_CONTRACT } from '../../../../src/domain/tour/tour';
import { DATUM_SHIFTS_CONTRACT } from '../../../../src/domain/datum/datumShiftProfile';
import { jsonPointer } from '../../../../src/domain/validation/jsonPointer';
import { projectRoot } from '../../../support/runCli';

const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(projectRoot, ...path), 'utf8'));

/** Copies of `value`, each broken in one place, with that place. */
function breaks(value: unknown, path = ''): { path: string; value: unknown }[] {
  const replaced = (replacement: unknown) => ({ path, value: replacement });
  const here = [typeof value === 'string' ? replaced(42) : replaced('text'), replaced(null)];
  const within = (inner: { path: string; value: unknown }[], put: (changed: unknown) => unknown) => inner.map((found) => ({ path: found.path, value: put(found.value) }));
  if (Array.isArray(value)) {
    return [
      ...here,
      replaced([]),
      ...(value.length > 0 ? [replaced([...value, value[0]])] : []),
      ...value.flatMap((item: unknown, index) => within(breaks(item, jsonPointer(path, index)), (changed) => value.map((other: unknown, at) => (at === index ? changed : other)))),
    ];
  }
  if (isRecord(value)) {
    return [
      ...here,
      replaced({ ...value, misspelt: 1 }),
      ...Object.keys(value).map((key) => replaced(Object.fromEntries(Object.entries(value).filter(([other]) => other !== key)))),
      ...Object.entries(value).flatMap(([key, member]) => within(breaks(member, jsonPointer(path, key)), (changed) => ({ ...value, [key]: changed }))),
    ];
  }
  return typeof value === 'number' ? [...here, replaced(-1e9), replaced(1e9)] : [...here, replaced(''), replaced('2025-02-30')];
}

/** Where Ajv says a value is wrong, in the contracts' convention (a missing or extra member at its own path). */
function ajvPath(error: ErrorObject): string {
  const property = error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
  return typeof property === 'string' ? jsonPointer(error.instancePath, property) : error.instancePath;
}

function expectAgreement(contract: Contract<unknown>, id: string, documents: unknown[]): number {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  ajv.addFormat('date', isCalendarDate);
  const validate = ajv.compile(schemaDocument(contract, { id, title: id, source: id }));
  let compared = 0;
  for (const document of documents) {
    for (const broken of [{ path: '(none)', value: document }, ...breaks(document)]) {
      const issues = contractIssues(contract, broken.value);
      const valid = validate(broken.value);
      const where = `${id}, broken at ${broken.path}`;
      expect(issues.length === 0, where).toBe(valid);
      if (!valid) expect((validate.errors ?? []).map(ajvPath), where).toContain(issues[0]?.path);
      compared += 1;
    }
  }
  return compared;
}

describe('the contracts and the schema files they write', () => {
  it('agree on layers.json and every small break of it', () => {
    const manifests = [readJson('geodata', 'layers.json'), readJson('tests', 'fixtures', 'geodata-mini', 'layers.json')];
    expect(expectAgreement(MANIFEST_CONTRACT, 'layers.schema.json', manifests)).toBeGreaterThan(2000);
  });

  it('agree on tour.json and every small break of it', () => {
    expect(expectAgreement(TOUR_CONTRACT, 'tour.schema.json', [readJson('geodata', 'tour.json')])).toBeGreaterThan(500);
  });

  it('agree on datum-shifts.json and every small break of it', () => {
    const profiles = [readJson('geodata', 'datum-shifts.json'), readJson('tests', 'fixtures', 'crs', 'datum-shifts.json')];
    expect(expectAgreement(DATUM_SHIFTS_CONTRACT, 'datum-shifts.schema.json', profiles)).toBeGreaterThan(300);
  });
});
