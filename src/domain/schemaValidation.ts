import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { checkLayerConsistency } from './layerConsistency';
import type { LocalizedText } from './manifest';
import { inChineseQuotes, quoteValue } from './validation/safeText';
import { checkManifestConsistency } from './manifestConsistency';
import { isRecord } from './isRecord';

/** One thing wrong with the geodata, as data: validation never throws at the user. */
export interface ValidationProblem {
  /** Path relative to geodata/, e.g. "layers.json", "roads.geojson", "schema/roads.schema.json". */
  file: string;
  featureIndex?: number;
  featureId?: string;
  /** JSON pointer into the file; "" is the whole document. */
  path: string;
  /** Stable machine-readable kind: a JSON Schema keyword ("required", "enum") or a rule ("duplicate-id"). */
  code: string;
  /** Bilingual, for people: "<zh> / <en>". */
  message: string;
  /** The message's two languages apart (schema errors); see problemText. */
  text?: LocalizedText;
  /** What is wrong without naming the place, for callers that name it themselves (schema errors). */
  detail?: LocalizedText;
  /** The offending value, quoted and made inert, where a caller may word the message itself (enum). */
  quotedValue?: string;
}

/** The parsed schema files. Passed in, never read here, so the domain stays free of fs. */
export interface GeodataSchemas {
  /** geodata/schema/layers.schema.json */
  manifest: unknown;
  /** geodata/schema/plan-layer.schema.json, which every per-layer schema refers to. */
  planLayer: unknown;
  /** geodata/schema/<layer-id>.schema.json, keyed by layer id. */
  layers: Record<string, unknown>;
}

export interface GeodataValidator {
  validateManifest(manifestJson: unknown): ValidationProblem[];
  /** The manifest supplies the layer's lifecycle for the consistency checks. */
  validateLayer(layerId: string, layerJson: unknown, manifestJson: unknown): ValidationProblem[];
}

export const MANIFEST_FILE = 'layers.json';
export const layerFileName = (layerId: string): string => `${layerId}.geojson`;
export const layerSchemaFileName = (layerId: string): string => `${layerId}.schema.json`;

const PLAN_LAYER_SCHEMA_FILE = 'schema/plan-layer.schema.json';
const MANIFEST_SCHEMA_FILE = 'schema/layers.schema.json';

/** Consistency checks that repeat a schema rule; when the schema already complains at the same path, they stay quiet. */
const CODES_ALSO_IN_SCHEMA = new Set(['unknown-status', 'invalid-date']);

/** Everything wrong with the manifest and the layer files, keyed by layer id; missing and unknown layers included. */
export function validateGeodata(
  manifestJson: unknown,
  layers: Record<string, unknown>,
  schemas: GeodataSchemas,
): ValidationProblem[] {
  const validator = cachedValidator(schemas);
  const problems = validator.validateManifest(manifestJson);
  const manifestLayerIds = layerIdsOf(manifestJson);
  for (const layerId of manifestLayerIds) {
    if (!Object.hasOwn(layers, layerId))
      problems.push({
        file: layerFileName(layerId),
        path: '',
        code: 'missing-file',
        message: `缺少图层文件 ${layerFileName(layerId)} / layer file ${layerFileName(layerId)} is missing`,
      });
    else problems.push(...validator.validateLayer(layerId, layers[layerId], manifestJson));
  }
  for (const layerId of Object.keys(layers))
    if (!manifestLayerIds.includes(layerId))
      problems.push({
        file: layerFileName(layerId),
        path: '',
        code: 'unknown-layer',
        message: `图层 ${layerId} 未在 ${MANIFEST_FILE} 中定义 / layer ${layerId} is not defined in ${MANIFEST_FILE}`,
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
    // Error objects carry the failing schema and data, so messages can name allowed values and missing layers.
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
  const planLayerProblems: ValidationProblem[] = [];
  try {
    if (!isRecord(schemas.planLayer)) throw new Error('not a JSON object');
    ajv.addSchema(schemas.planLayer);
  } catch (error) {
    planLayerProblems.push(schemaProblem(PLAN_LAYER_SCHEMA_FILE, error));
  }
  const manifestSchema = compile(schemas.manifest, MANIFEST_SCHEMA_FILE);
  const compileLayerSchema = (layerId: string): Compiled => {
    const schemaFile = `schema/${layerSchemaFileName(layerId)}`;
    if (Object.hasOwn(schemas.layers, layerId)) return compile(schemas.layers[layerId], schemaFile);
    const missing: ValidationProblem = {
      file: layerFileName(layerId),
      path: '',
      code: 'schema-missing',
      message: `缺少 ${schemaFile}，请运行 npx tsx scripts/write-schemas.ts / ${schemaFile} is missing; run npx tsx scripts/write-schemas.ts`,
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
    validateManifest(manifestJson) {
      return [
        ...manifestSchema.problems,
        ...runSchema(manifestSchema.validate, manifestJson, MANIFEST_FILE, false),
        ...checkManifestConsistency(MANIFEST_FILE, manifestJson),
      ];
    },
    validateLayer(layerId, layerJson, manifestJson) {
      const file = layerFileName(layerId);
      const compiled = layerSchema(layerId);
      const problems = [
        ...planLayerProblems,
        ...compiled.problems,
        ...runSchema(compiled.validate, layerJson, file, true),
      ];
      const schemaPaths = new Set(problems.map((problem) => problem.path));
      const consistency = checkLayerConsistency(file, layerJson, statusIdsOf(manifestJson, layerId)).filter(
        (problem) => !(CODES_ALSO_IN_SCHEMA.has(problem.code) && schemaPaths.has(problem.path)),
      );
      // Group by feature, in file order, so a reader fixes one feature at a time.
      return [...problems, ...consistency].sort((a, b) => (a.featureIndex ?? -1) - (b.featureIndex ?? -1));
    },
  };
}

interface Compiled {
  validate?: ValidateFunction;
  problems: ValidationProblem[];
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

function runSchema(
  validate: ValidateFunction | undefined,
  data: unknown,
  file: string,
  isLayer: boolean,
): ValidationProblem[] {
  if (!validate || validate(data)) return [];
  const byKey = new Map<string, ValidationProblem>();
  for (const error of validate.errors ?? []) {
    // "if" only reports that its "then" failed, and a failed "contains" lists every item that did
    // not match; the "then" error and the "contains" summary are the useful ones.
    if (error.keyword === 'if' || error.schemaPath.includes('/contains/')) continue;
    const path = errorPath(error);
    const text = errorText(error);
    const problem: ValidationProblem = { file, path, code: error.keyword, message: `${text.message.zh} / ${text.message.en}`, text: text.message, detail: text.detail };
    if (error.keyword === 'enum') problem.quotedValue = describe(error.data);
    if (isLayer) Object.assign(problem, featureOf(data, path));
    // A per-layer rule narrows a common one at the same place (e.g. geometry type); keep the narrower, later one.
    byKey.set(`${path}\u0000${error.keyword}`, problem);
  }
  return [...byKey.values()];
}

/** The JSON pointer of the offending value; for a missing or extra property, the property's own path. */
function errorPath(error: ErrorObject): string {
  const { params } = error;
  const property =
    error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  return typeof property === 'string' ? `${error.instancePath}/${escapePointer(property)}` : error.instancePath;
}

interface ErrorText {
  /** Names the property for a missing or unknown one, for readers who see only the path. */
  message: LocalizedText;
  /** What is wrong, without naming the place: the caller names it (the app by the field's label). */
  detail: LocalizedText;
}

const same = (text: LocalizedText): ErrorText => ({ message: text, detail: text });

function errorText(error: ErrorObject): ErrorText {
  const { params } = error;
  const got = describe(error.data);
  const gotZh = inChineseQuotes(got);
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      return {
        message: { zh: `缺少必填项 ${property}`, en: `missing required property ${property}` },
        detail: { zh: '必填，不能为空', en: 'is required' },
      };
    }
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      return {
        message: { zh: `不认识的属性${inChineseQuotes(describe(property))}（拼写错误？）`, en: `unknown property ${describe(property)} (a typo?)` },
        detail: { zh: '不是本图层的属性（拼写错误？）', en: 'is not a property of this layer (a typo?)' },
      };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : '';
      return same({ zh: `${gotZh} 不是允许的值，应为：${allowed}`, en: `${got} is not allowed; expected one of: ${allowed}` });
    }
    case 'const':
      return same({ zh: `应为 ${inChineseQuotes(describe(params.allowedValue))}，实际为 ${gotZh}`, en: `must be ${describe(params.allowedValue)}, got ${got}` });
    case 'type': {
      const type = String(params.type);
      return same({ zh: `应为${TYPE_NAMES_ZH[type] ?? ` ${type} 类型`}，实际为 ${gotZh}`, en: `must be ${TYPE_NAMES_EN[type] ?? `of type ${type}`}, got ${got}` });
    }
    case 'pattern': {
      const hint = PATTERN_HINTS[String(params.pattern)];
      if (hint) return same({ zh: `${gotZh}：${hint.zh}`, en: `${got}: ${hint.en}` });
      return same({ zh: `${gotZh} 格式不符（${String(params.pattern)}）`, en: `${got} does not match ${String(params.pattern)}` });
    }
    case 'contains': {
      const layerId = containedLayerId(error.schema);
      if (layerId) return same({ zh: `缺少图层 ${layerId}`, en: `layer ${layerId} is missing` });
      return same({ zh: '应至少包含一个符合要求的元素', en: error.message ?? 'must contain a matching item' });
    }
    case 'minItems':
      return same({ zh: `至少需要 ${String(params.limit)} 项`, en: `must have at least ${String(params.limit)} items` });
    case 'maxItems':
      return same({ zh: `最多 ${String(params.limit)} 项`, en: `must have at most ${String(params.limit)} items` });
    case 'minLength':
      return same({ zh: '不能为空', en: 'must not be empty' });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return same({
        zh: `${got} 超出范围（应 ${String(params.comparison)} ${String(params.limit)}）`,
        en: `${got} is out of range (must be ${String(params.comparison)} ${String(params.limit)})`,
      });
    default:
      return same({ zh: error.message ?? error.keyword, en: error.message ?? error.keyword });
  }
}

/** JSON Schema type names in plain words. */
const TYPE_NAMES_ZH: Record<string, string> = { integer: '整数', number: '数字', string: '文字', boolean: '是/否', array: '列表', object: '对象' };
const TYPE_NAMES_EN: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'an object' };


/** Plain words for the schemas' patterns, which mean nothing to most editors of the data. */
const PATTERN_HINTS: Record<string, { zh: string; en: string }> = {
  '^\\d{4}-\\d{2}-\\d{2}$': { zh: '日期格式应为 YYYY-MM-DD', en: 'dates must be written YYYY-MM-DD' },
  '^#[0-9A-Fa-f]{6}$': { zh: '颜色应为 #RRGGBB', en: 'colours must be written #RRGGBB' },
  '\\S': { zh: '不能为空', en: 'must not be blank' },
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': {
    zh: 'id 只能用小写字母、数字和连字符',
    en: 'ids use lowercase letters, digits and single hyphens',
  },
};

/** The layers array says "contains {id: const X}" once per required layer; name X in the message. */
function containedLayerId(schema: unknown): string | undefined {
  if (!isRecord(schema) || !isRecord(schema.properties) || !isRecord(schema.properties.id)) return undefined;
  const id = schema.properties.id.const;
  return typeof id === 'string' ? id : undefined;
}

function featureOf(data: unknown, path: string): Pick<ValidationProblem, 'featureIndex' | 'featureId'> {
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

function schemaProblem(file: string, error: unknown): ValidationProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return { file, path: '', code: 'schema-invalid', message: `模式文件无法使用 / schema cannot be used: ${reason}` };
}

/** A data value in a message: quoted, truncated inside its quotes and inert as markup (quoteValue). */
function describe(value: unknown): string {
  return quoteValue(value, 40);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

