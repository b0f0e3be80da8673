import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { checkLayerConsistency } from './layerConsistency';
import type { LayerDefinition } from './manifest';
import { manifestIssues } from './manifestIssues';
import { schemaRuleCode, schemaRuleText, type SchemaRule } from '../contract/schemaRuleText';
import { schemaRuleOfAjvError } from './schemaRuleOfAjvError';
import { fieldOfPath, problemFieldText, type FieldProblem } from '../validation/attributeProblemText';
import type { ValidationIssue } from '../validation/validationReport';
import { isRecord } from '../isRecord';
import { jsonPointer } from '../validation/jsonPointer';
import { controlLineIdsOf } from '../control/controlLineIdsOf';

/**
 * The layer schemas, parsed. Passed in, never read here, so the domain stays free of fs. The
 * manifest needs none: its contract is in the code (manifest.ts).
 */
export interface GeodataSchemas {
  /** geodata/schema/plan-layer.schema.json, which every per-layer schema refers to. */
  planLayer: unknown;
  /** geodata/schema/<layer-id>.schema.json, keyed by layer id. */
  layers: Record<string, unknown>;
}

export interface GeodataValidator {
  validateManifest(manifestJson: unknown): ValidationIssue[];
  /**
   * The manifest supplies the layer's lifecycle for the consistency checks. Given `labelsFrom`,
   * messages about a feature property name it by its label, as a form or the import review shows
   * it ("涉及户数：必填，不能为空"); otherwise they name it by its path.
   */
  validateLayer(layerId: string, layerJson: unknown, manifestJson: unknown, labelsFrom?: LayerDefinition): ValidationIssue[];
}

export const MANIFEST_FILE = 'layers.json';
export const layerFileName = (layerId: string): string => `${layerId}.geojson`;
export const layerSchemaFileName = (layerId: string): string => `${layerId}.schema.json`;

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
  const compileLayerSchema = (layerId: string): Compiled => {
    const schemaFile = `schema/${layerSchemaFileName(layerId)}`;
    if (Object.hasOwn(schemas.layers, layerId)) return compile(schemas.layers[layerId], schemaFile);
    const missing: ValidationIssue = {
      file: layerFileName(layerId),
      path: '',
      code: 'SCHEMA_MISSING',
      message: { zh: `缺少 ${schemaFile}，请运行 npx tsx scripts/write-schemas.ts`, en: `${schemaFile} is missing; run npx tsx scripts/write-schemas.ts` },
    };
    // Without its own schema a layer is still checked against what every layer shares.
    const common = compile(schemas.planLayer, PLAN_LAYER_SCHEMA_FILE);
    return common.validate ? { validate: common.validate, problems: [missing] } : { problems: [missing] };
  };

  const layerSchemas = new Map<string, Compiled>();
  const layerSchema = (layerId: string): Compiled => {
    const compiled = layerSchemas.get(layerId) ?? compileLayerSchema(layerId);
    layerSchemas.set(layerId, compiled);
    return compiled;
  };

  return {
    validateManifest: (manifestJson) => manifestIssues(manifestJson, MANIFEST_FILE),
    validateLayer(layerId, layerJson, manifestJson, labelsFrom) {
      const file = layerFileName(layerId);
      const compiled = layerSchema(layerId);
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
