/**
 * The real files in geodata/ — what staff edit and the app serves — are valid, consistent and
 * complete, and the generated per-layer schemas are up to date with layers.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geodataSchemaFiles } from '../../src/domain/plan/geodataSchemaFiles';
import type { Manifest } from '../../src/domain/plan/manifest';
import { type GeodataSchemas, createGeodataValidator, layerFileName, validateGeodata } from '../../src/domain/plan/schemaValidation';
import type { ValidationIssue } from '../../src/domain/validation/validationReport';

const geodataDir = join(import.meta.dirname, '..', '..', 'geodata');
const schemaDir = join(geodataDir, 'schema');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const manifestJson = readJson(join(geodataDir, 'layers.json'));
const LAYER_IDS = (manifestJson as Manifest).layers.map((layer) => layer.id);
const schemas: GeodataSchemas = {
  planLayer: readJson(join(schemaDir, 'plan-layer.schema.json')),
};
const validator = createGeodataValidator(schemas);

/** One line per problem, so a failing assertion reads like a validation report. */
const report = (problems: ValidationIssue[]): string[] =>
  problems.map((problem) => `${problem.file ?? ''} ${problem.path || '(whole file)'}: ${problem.message.en}`);

describe('geodata/layers.json', () => {
  it('validates against schema/layers.schema.json and the consistency rules', () => {
    expect(report(validator.validateManifest(manifestJson))).toEqual([]);
  });

  it('has a GeoJSON file for every layer and control line, and no other beside them', () => {
    const layerFiles = readdirSync(geodataDir).filter((name) => name.endsWith('.geojson'));
    const controlLineIds = ((manifestJson as Manifest).controlLines ?? []).map((line) => line.id);
    expect(layerFiles.sort()).toEqual([...LAYER_IDS, ...controlLineIds].map((id) => `${id}.geojson`).sort());
  });
});

describe('the schema files in geodata/schema/ that the code writes', () => {
  it('are exactly what scripts/write-schemas.ts writes from the contracts and the current layers.json', () => {
    const files = geodataSchemaFiles(manifestJson as Manifest);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['layers.schema.json', 'tour.schema.json', ...LAYER_IDS.map((id) => `${id}.schema.json`)]));
    for (const [fileName, text] of files) {
      const path = join(schemaDir, fileName);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
      expect(current, `geodata/schema/${fileName} is stale: run npx tsx scripts/write-schemas.ts`).toBe(text);
    }
  });
});

describe('geodata/<layer-id>.geojson', () => {
  for (const layerId of LAYER_IDS) {
    it(`${layerFileName(layerId)} exists and validates against its layer schema and the consistency rules`, () => {
      const path = join(geodataDir, layerFileName(layerId));
      expect(existsSync(path), `geodata/${layerFileName(layerId)} is missing`).toBe(true);
      expect(report(validator.validateLayer(layerId, readJson(path), manifestJson))).toEqual([]);
    });
  }

  it('has no layer files besides those the manifest lists', () => {
    const layerFiles = readdirSync(geodataDir).filter((file) => file.endsWith('.geojson'));
    const layers = Object.fromEntries(
      layerFiles.map((file) => [file.replace(/\.geojson$/, ''), readJson(join(geodataDir, file))]),
    );
    const problems = validateGeodata(manifestJson, layers, schemas).filter((problem) => problem.code === 'UNKNOWN_LAYER');
    expect(report(problems)).toEqual([]);
  });
});
