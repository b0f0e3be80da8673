import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { checkLayerConsistency } from './layerConsistency';
import type { LayerDefinition, Manifest } from './manifest';
import { layerSchema as layerSchemaOf, layerSchemaFileName } from './layerSchema';
import { manifestIssues } from './manifestIssues';
import { schemaRuleCode, schemaRuleText, type SchemaRule } from '../contract/schemaRuleText';
import { schemaRuleOfAjvError } from './schemaRuleOfAjvError';
import { fieldOfPath, problemFieldText, type FieldProblem } from '../validation/attributeProblemText';
import type { ValidationIssue } from '../validation/validationReport';
import { isRecord } from '../isRecord';
import { jsonPointer } from '../validation/jsonPointer';
import { controlLineIdsOf } from '../control/controlLineIdsOf';

/**
 * The schema every plan layer file shares, parsed. Passed in, never read here, so the domain stays
 * free of fs. The manifest needs none (its contract is in the code, manifest.ts), and each layer's
 * own narrowing is derived from the manifest (layerSchema.ts), so it can never be stale or missing.
 */
export interface GeodataSchemas {
  /** geodata/schema/plan-layer.schema.json, which every per-layer schema refers to. */
  planLayer: unknown;
}

export interface GeodataValidator {
  validateManifest(manifestJson: unknown): ValidationIssue[];
  /**
   * The manifest supplies the layer's lifecycle for the consistency checks and, when it is valid,
   * the layer's schema. Given `labelsFrom`, the layer's parsed definition, the schema comes from it
   * and messages about a feature property name it by its label, as a form or the import review
   * shows it ("涉及户数：必填，不能为空"); otherwise they name it by its path.
   */
  validateLayer(layerId: string, layerJson: unknown, manifestJson: unknown, labelsFrom?: LayerDefinition): ValidationIssue[];
}

export const MANIFEST_FILE = 'layers.json';
export const layerFileName = (layerId: string): string => `${layerId}.geojson`;

const PLAN_LAYER_SCHEMA_FILE = 'schema/plan-layer.schema.json';

/** Consistency checks that repeat a schema rule; when the schema already complains at the same path, they stay quiet. */
const CODES_ALSO_IN_SCHEMA = new Set(['UNKNOWN_STATUS', 'INVALID_DATE']);

/** Everything wrong with the manifest and the layer files, keyed by layer id; missing and unknown layers included. */
export function validateGeodata(manifestJson: unknown, layers: Record<string, unknown>, schemas: GeodataSchemas): ValidationIssue[] {
  const validator = cachedValidator(schemas);
  const problems = validator.validateManifest(manifestJson);
  const manifestLayerIds = layerIdsOf(manifestJson);
  for (const layerId of manifestLayerIds) {
    const file = layerFileName(layerId);
    if (!Object.hasOwn(layers, layerId)) problems.push({ file, path: '', code: 'MISSING_FILE', message: { zh: `缺少图层文件 ${file}`, en: `layer file ${file} is missing` } });
    else problems.push(...validator.validateLayer(layerId, layers[layerId], manifestJson));
  }
  // Control-line files sit beside the layer files; check-data reads and checks them on their own.
  const controlLineIds = controlLineIdsOf(manifestJson);
  for (const layerId of Object.keys(layers))
    if (!manifestLayerIds.includes(layerId) && !controlLineIds.includes(layerId))
      problems.push({
        file: layerFileName(layerId),
        path: '',
        code: 'UNKNOWN_LAYER',
        message: { zh: `图层 ${layerId} 未在 ${MANIFEST_FILE} 中定义`, en: `layer ${layerId} is not defined in ${MANIFEST_FILE}` },
      });
  // A broken shared schema is reported by every layer; say it once.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.featureIndex, problem.path, problem.code, problem.message]);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Compiles the schemas once; reuse the result when validating often (e.g. on every edit). */
export function createGeodataValidator(schemas: GeodataSchemas): GeodataValidator {
  const ajv = new Ajv2020({
    allErrors: true,
    // Error objects carry the failing data, so messages can quote the value.
    verbose: true,
    allowUnionTypes: true,
    // Positions are [lon, lat] with an optional elevation: an open tuple, on purpose.
    strictTuples: false,
  });
  const compile = (schema: unknown, file: string): Compiled => {
    try {
      if (!isRecord(schema)) throw new Error('not a JSON object');
      return { validate: ajv.compile(schema), problems: [] };
    } catch (error) {
      return { problems: [schemaProblem(file, error)] };
    }
  };
  const planLayerProblems: ValidationIssue[] = [];
  try {
    if (!isRecord(schemas.planLayer)) throw new Error('not a JSON object');
    ajv.addSchema(schemas.planLayer);
  } catch (error) {
    planLayerProblems.push(schemaProblem(PLAN_LAYER_SCHEMA_FILE, error));
  }
  const compileLayerSchema = (definition: LayerDefinition | undefined): Compiled => {
    // A manifest that fails its own checks is reported on its own; its layers are still checked against what every layer shares.
    if (!definition) return compile(schemas.planLayer, PLAN_LAYER_SCHEMA_FILE);
    // Without an $id the derived schema stays out of Ajv's registry, so a changed manifest compiles anew beside the old one.
    const { $id: _id, ...derived } = layerSchemaOf(definition);
    return compile(derived, `schema/${layerSchemaFileName(definition.id)}`);
  };

  const layerSchemas = new Map<string, Compiled>();
  const layerSchema = (layerId: string, manifestJson: unknown, parsed: LayerDefinition | undefined): Compiled => {
    const definition = parsed?.id === layerId ? parsed : validLayerDefinition(manifestJson, layerId);
    const key = definition ? JSON.stringify(definition) : `\u0000${layerId}`;
    const compiled = layerSchemas.get(key) ?? compileLayerSchema(definition);
    layerSchemas.set(key, compiled);
    return compiled;
  };

  return {
    validateManifest: (manifestJson) => manifestIssues(manifestJson, MANIFEST_FILE),
    validateLayer(layerId, layerJson, manifestJson, labelsFrom) {
      const file = layerFileName(layerId);
      const compiled = layerSchema(layerId, manifestJson, labelsFrom);
      const found = runSchema(compiled.validate, layerJson, file);
      const schemaPaths = new Set(found.map(({ issue }) => issue.path));
      const consistency = checkLayerConsistency(file, layerJson, statusIdsOf(manifestJson, layerId))
        .filter((problem) => !(CODES_ALSO_IN_SCHEMA.has(problem.code) && schemaPaths.has(problem.path)))
        .map((issue): Finding => ({ issue, broken: { message: issue.message } }));
      const labelled = [...found, ...consistency].map(({ issue, broken }) => {
        const field = labelsFrom ? fieldOfPath(issue.path) : undefined;
        return field ? { ...issue, message: problemFieldText(broken, field, labelsFrom) } : issue;
      });
      // Group by feature, in file order, so a reader fixes one feature at a time.
      return [...planLayerProblems, ...compiled.problems, ...labelled].sort((a, b) => (a.featureIndex ?? -1) - (b.featureIndex ?? -1));
    },
  };
}

interface Compiled {
  validate?: ValidateFunction;
  problems: ValidationIssue[];
}

/** An issue and what its message is made of, for wording it again by the field's label. */
interface Finding {
  issue: ValidationIssue;
  broken: FieldProblem;
}

const validatorCache = new WeakMap<GeodataSchemas, GeodataValidator>();
function cachedValidator(schemas: GeodataSchemas): GeodataValidator {
  let validator = validatorCache.get(schemas);
  if (!validator) {
    validator = createGeodataValidator(schemas);
    validatorCache.set(schemas, validator);
  }
  return validator;
}

function runSchema(validate: ValidateFunction | undefined, data: unknown, file: string): Finding[] {
  if (!validate || validate(data)) return [];
  const byKey = new Map<string, Finding>();
  for (const error of validate.errors ?? []) {
    // "if" only reports that its "then" failed; the "then" error is the useful one.
    if (error.keyword === 'if') continue;
    const rule = schemaRuleOfAjvError(error);
    const path = rulePath(rule, error.instancePath);
    const text = schemaRuleText(rule, error.data);
    const issue: ValidationIssue = { file, ...featureOf(data, path), path, code: schemaRuleCode(rule), message: text.message };
    // A per-layer rule narrows a common one at the same place (e.g. geometry type); keep the narrower, later one.
    byKey.set(`${path}\u0000${error.keyword}`, { issue, broken: { rule, value: error.data, message: text.message } });
  }
  return [...byKey.values()];
}

/** The JSON pointer of the offending value; for a missing or extra property, the property's own path. */
function rulePath(rule: SchemaRule, instancePath: string): string {
  return rule.keyword === 'required' || rule.keyword === 'additionalProperties' ? jsonPointer(instancePath, rule.property) : instancePath;
}

function featureOf(data: unknown, path: string): Pick<ValidationIssue, 'featureIndex' | 'featureId'> {
  const match = /^\/features\/(\d+)(?:\/|$)/.exec(path);
  if (!match) return {};
  const featureIndex = Number(match[1]);
  const feature: unknown = isRecord(data) && Array.isArray(data.features) ? data.features[featureIndex] : undefined;
  const id = isRecord(feature) ? feature.id : undefined;
  return typeof id === 'string' ? { featureIndex, featureId: id } : { featureIndex };
}

const manifestValidity = new WeakMap<object, boolean>();

/** The layer's definition when the manifest passes its contract and consistency checks; undefined otherwise. */
function validLayerDefinition(manifestJson: unknown, layerId: string): LayerDefinition | undefined {
  if (!isRecord(manifestJson)) return undefined;
  let valid = manifestValidity.get(manifestJson);
  if (valid === undefined) {
    valid = manifestIssues(manifestJson, MANIFEST_FILE).length === 0;
    manifestValidity.set(manifestJson, valid);
  }
  return valid ? (manifestJson as Manifest).layers.find((layer) => layer.id === layerId) : undefined;
}

function statusIdsOf(manifestJson: unknown, layerId: string): string[] | undefined {
  if (!isRecord(manifestJson) || !Array.isArray(manifestJson.layers)) return undefined;
  const layer: unknown = manifestJson.layers.find((candidate: unknown) => isRecord(candidate) && candidate.id === layerId);
  if (!isRecord(layer) || !Array.isArray(layer.statuses)) return undefined;
  return layer.statuses.flatMap((status: unknown) => (isRecord(status) && typeof status.id === 'string' ? [status.id] : []));
}

function layerIdsOf(manifestJson: unknown): string[] {
  if (!isRecord(manifestJson) || !Array.isArray(manifestJson.layers)) return [];
  return manifestJson.layers.flatMap((layer: unknown) => (isRecord(layer) && typeof layer.id === 'string' ? [layer.id] : []));
}

function schemaProblem(file: string, error: unknown): ValidationIssue {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, path: '', code: 'SCHEMA_INVALID', message: { zh: `模式文件无法使用：${reason}`, en: `schema cannot be used: ${reason}` } };
}
