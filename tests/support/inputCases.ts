/** The fixtures of docs/input-rules.md (tests/fixtures/input-cases) and how they are validated in tests. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../src/domain/plan/manifest';
import type { GeodataSchemas } from '../../src/domain/plan/schemaValidation';
import { parseManifest } from '../../src/data/parseGeodata';
import { validateGeoJson, type ValidateGeoJsonOptions } from '../../src/domain/validation/validateGeoJson';
import type { ValidationIssue, ValidationReport } from '../../src/domain/validation/validationReport';
import { projectRoot } from './runCli';

export const INPUT_CASES_DIR = join(projectRoot, 'tests', 'fixtures', 'input-cases');
const GEODATA = join(projectRoot, 'geodata');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

export const projectManifest: Manifest = parseManifest(readFileSync(join(GEODATA, 'layers.json'), 'utf8'));
export const projectSchemas: GeodataSchemas = {
  planLayer: readJson(join(GEODATA, 'schema', 'plan-layer.schema.json')),
};

/** Fixture names without extension, e.g. "D3-bow-tie". */
export function inputCaseNames(): string[] {
  return readdirSync(INPUT_CASES_DIR)
    .filter((file) => file.endsWith('.geojson'))
    .map((file) => file.slice(0, -'.geojson'.length))
    .sort();
}

interface CaseOptions {
  layer?: string;
  declaredCrs?: string;
  convertFrom?: 'gcj02' | 'bd09';
}

/** Options of a case: its `<case>.options.json`, in the district of the project's manifest. */
export function inputCaseOptions(name: string): ValidateGeoJsonOptions {
  const path = join(INPUT_CASES_DIR, `${name}.options.json`);
  const given = (existsSync(path) ? readJson(path) : {}) as CaseOptions;
  const options: ValidateGeoJsonOptions = { districtBounds: projectManifest.district.bounds };
  if (given.layer) {
    options.layer = projectManifest.layers.find((layer) => layer.id === given.layer);
    options.manifest = projectManifest;
    options.schemas = projectSchemas;
  }
  if (given.declaredCrs) options.declaredCrs = given.declaredCrs;
  if (given.convertFrom) options.convertFrom = given.convertFrom;
  return options;
}

export function inputCaseBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(INPUT_CASES_DIR, `${name}.geojson`)));
}

export function validateInputCase(name: string): ValidationReport {
  return validateGeoJson(inputCaseBytes(name), inputCaseOptions(name));
}

/** What an expected file pins down of each issue: the code, where, and which feature. */
export interface ExpectedIssue {
  code: string;
  path: string;
  featureIndex?: number;
}

export interface ExpectedReport {
  problems: ExpectedIssue[];
  warnings: ExpectedIssue[];
}

const pinned = (issue: ValidationIssue): ExpectedIssue =>
  issue.featureIndex === undefined ? { code: issue.code, path: issue.path } : { code: issue.code, path: issue.path, featureIndex: issue.featureIndex };

export function expectedOf(report: ValidationReport): ExpectedReport {
  return { problems: report.problems.map(pinned), warnings: report.warnings.map(pinned) };
}

export const expectedPath = (name: string): string => join(INPUT_CASES_DIR, `${name}.expected.json`);
