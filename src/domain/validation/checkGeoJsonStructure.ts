import type { Geometry } from 'geojson';
import type { LayerDefinition } from '../plan/manifest';
import type { ValidationIssue } from './validationReport';
import { featureIssue, featureLabel, type FeatureLabel } from './featureIssue';
import { checkGeometryStructure, type StructureContext } from './checkGeometryStructure';
import { checkBboxShape } from './checkBboxShape';
import { GEOJSON_TYPES, typeIgnoringCase } from './geoJsonTypes';
import { isRecord } from '../isRecord';
import { jsonPointer } from './jsonPointer';
import { quoteValue, quoteValueZh } from './safeText';
import { tooDeepPath } from './tooDeepPath';

/** One feature of the input as later stages see it. */
export interface FeatureRecord {
  label: FeatureLabel;
  /** JSON pointer of the feature ("" when the file is a single Feature or a bare geometry). */
  pointer: string;
  geometryPointer: string;
  /** The input object (a bare geometry is wrapped in a Feature with null properties). */
  feature: Record<string, unknown>;
  /** Null for a null, empty or structurally broken geometry. */
  geometry: Geometry | null;
  /** False when the feature has a structural problem; later stages skip its geometry. */
  ok: boolean;
}

export interface StructureResult {
  /** False when the root is unusable (not GeoJSON, no features array): later stages have nothing to do. */
  usable: boolean;
  root: Record<string, unknown>;
  features: FeatureRecord[];
  vertices: number;
}

/** RFC 7946 §7.1: members that would change a FeatureCollection or a Feature into something else. */
const NOT_IN_COLLECTION = ['coordinates', 'geometries', 'geometry', 'properties'];
const NOT_IN_FEATURE = ['coordinates', 'geometries', 'features'];

/** RFC 7946 structure of the whole document (docs/input-rules.md, B1–B12). */
export function checkGeoJsonStructure(
  value: unknown,
  options: { layer?: LayerDefinition; maxPropertiesDepth: number },
  problems: ValidationIssue[],
  warnings: ValidationIssue[],
): StructureResult {
  const unusable: StructureResult = { usable: false, root: {}, features: [], vertices: 0 };
  const rootProblem = (path: string, code: ValidationIssue['code'], zh: string, en: string): StructureResult => {
    problems.push(featureIssue(undefined, code, path, zh, en));
    return unusable;
  };
  if (!isRecord(value))
    return rootProblem('', 'NOT_AN_OBJECT', `GeoJSON 的最外层须为对象（{…}），实际为 ${quoteValueZh(value)}`, `the top level of GeoJSON must be an object ({…}), got ${quoteValue(value)}`);
  const type = value.type;
  if (type === undefined) return rootProblem('/type', 'MISSING_MEMBER', '缺少 type 成员，应为 "FeatureCollection"', 'the "type" member is missing; expected "FeatureCollection"');
  if (typeof type !== 'string' || !(GEOJSON_TYPES as readonly string[]).includes(type)) {
    const meant = typeof type === 'string' ? typeIgnoringCase(type) : undefined;
    if (meant) return rootProblem('/type', 'UNKNOWN_TYPE', `类型名区分大小写：应写 "${meant}"，而不是 ${quoteValueZh(type)}`, `types are case-sensitive: write "${meant}", not ${quoteValue(type)}`);
    return rootProblem('/type', 'UNKNOWN_TYPE', `未知的 GeoJSON 类型 ${quoteValueZh(type)}，应为 "FeatureCollection"`, `unknown GeoJSON type ${quoteValue(type)}; expected "FeatureCollection"`);
  }
  const layer = options.layer;
  if (layer && type !== 'FeatureCollection')
    problems.push(featureIssue(undefined, 'WRONG_ROOT_TYPE', '/type', `图层文件须为 FeatureCollection，实际为 ${type}`, `a layer file must be a FeatureCollection, got ${type}`));
  if (value.bbox !== undefined) checkBboxShape(value.bbox, '/bbox', { problems });

  const result: StructureResult = { usable: true, root: value, features: [], vertices: 0 };
  const ids = new Map<string, FeatureLabel>();
  const addFeature = (feature: unknown, index: number, pointer: string): void => {
    const record = checkFeature(feature, index, pointer, { layer, maxPropertiesDepth: options.maxPropertiesDepth, problems, warnings }, result);
    if (!record) return;
    const id = record.feature.id;
    if (typeof id === 'string' || typeof id === 'number') {
      const key = `${typeof id}:${String(id)}`;
      const first = ids.get(key);
      if (first)
        problems.push(featureIssue(record.label, 'DUPLICATE_ID', jsonPointer(pointer, 'id'), `id ${quoteValueZh(id)} 与要素 ${first.featureIndex + 1} 重复；每个要素须有唯一的 id`, `id ${quoteValue(id)} is already used by feature ${first.featureIndex + 1}; every feature needs its own id`));
      else ids.set(key, record.label);
    }
    result.features.push(record);
  };

  if (type === 'FeatureCollection') {
    for (const member of NOT_IN_COLLECTION)
      if (Object.hasOwn(value, member))
        problems.push(featureIssue(undefined, 'FORBIDDEN_MEMBER', jsonPointer('', member), `要素集合（FeatureCollection）不能有 "${member}" 成员：它会让文件的含义变得不明确`, `a FeatureCollection must not have a "${member}" member: it would make the file mean something else`));
    const features = value.features;
    if (features === undefined) return rootProblem('/features', 'MISSING_MEMBER', 'FeatureCollection 缺少 features 数组', 'the FeatureCollection has no "features" array');
    if (!Array.isArray(features)) return rootProblem('/features', 'WRONG_MEMBER_TYPE', `features 须为数组，实际为 ${quoteValueZh(features)}`, `"features" must be an array, got ${quoteValue(features)}`);
    if (features.length === 0)
      problems.push(featureIssue(undefined, 'NO_FEATURES', '/features', '文件中没有任何要素；若要清空图层，请明确确认', 'the file has no features; emptying a layer needs explicit confirmation'));
    features.forEach((feature: unknown, index) => addFeature(feature, index, jsonPointer('/features', index)));
  } else if (type === 'Feature') {
    addFeature(value, 0, '');
  } else {
    // A bare geometry: measured and checked like a feature without properties.
    const wrapped = { type: 'Feature', properties: null, geometry: value };
    const context: StructureContext = { label: { featureIndex: 0 }, problems, warnings, layerKind: layer?.geometry, layerId: layer?.id, layerName: layer?.name };
    const checked = checkGeometryStructure(value, '', context);
    result.vertices += checked.vertices;
    result.features.push({ label: { featureIndex: 0 }, pointer: '', geometryPointer: '', feature: wrapped, geometry: checked.geometry, ok: checked.ok });
  }
  return result;
}

function checkFeature(
  feature: unknown,
  index: number,
  pointer: string,
  options: { layer?: LayerDefinition; maxPropertiesDepth: number; problems: ValidationIssue[]; warnings: ValidationIssue[] },
  result: StructureResult,
): FeatureRecord | undefined {
  const label = featureLabel(index, feature);
  const { problems } = options;
  const problem = (path: string, code: ValidationIssue['code'], zh: string, en: string): void => {
    problems.push(featureIssue(label, code, path, zh, en));
  };
  if (!isRecord(feature)) {
    problem(pointer, 'NOT_AN_OBJECT', `要素须为对象，实际为 ${quoteValueZh(feature)}`, `a feature must be an object, got ${quoteValue(feature)}`);
    return undefined;
  }
  const before = problems.length;
  const type = feature.type;
  if (type !== 'Feature') {
    const meant = typeof type === 'string' ? typeIgnoringCase(type) : undefined;
    if (type === undefined) problem(jsonPointer(pointer, 'type'), 'MISSING_MEMBER', '缺少 "type": "Feature"', 'the "type": "Feature" member is missing');
    else if (meant === 'Feature') problem(jsonPointer(pointer, 'type'), 'UNKNOWN_TYPE', `类型名区分大小写：应写 "Feature"，而不是 ${quoteValueZh(type)}`, `types are case-sensitive: write "Feature", not ${quoteValue(type)}`);
    else problem(jsonPointer(pointer, 'type'), 'UNKNOWN_TYPE', `type 应为 "Feature"，实际为 ${quoteValueZh(type)}`, `"type" must be "Feature", got ${quoteValue(type)}`);
  }
  for (const member of NOT_IN_FEATURE)
    if (Object.hasOwn(feature, member))
      problem(jsonPointer(pointer, member), 'FORBIDDEN_MEMBER', `要素不能有 "${member}" 成员：它会让文件的含义变得不明确`, `a feature must not have a "${member}" member: it would make the file mean something else`);
  const id = feature.id;
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number')
    problem(jsonPointer(pointer, 'id'), 'INVALID_ID', `要素 id 须为字符串或数字，实际为 ${quoteValueZh(id)}`, `a feature id must be a string or a number, got ${quoteValue(id)}`);
  const propertiesPath = jsonPointer(pointer, 'properties');
  const properties = feature.properties;
  if (properties === undefined)
    problem(propertiesPath, 'MISSING_MEMBER', '缺少 properties 成员；没有属性时请写 "properties": {} 或 null', 'the "properties" member is missing; write "properties": {} or null when there are none');
  else if (properties !== null && !isRecord(properties))
    problem(propertiesPath, 'WRONG_MEMBER_TYPE', `properties 须为对象或 null，实际为 ${quoteValueZh(properties)}`, `"properties" must be an object or null, got ${quoteValue(properties)}`);
  else if (properties !== null) {
    const deep = tooDeepPath(properties, options.maxPropertiesDepth);
    if (deep)
      problem(jsonPointer(propertiesPath, ...deep), 'TOO_DEEP', `属性嵌套超过 ${options.maxPropertiesDepth} 层`, `properties are nested deeper than ${options.maxPropertiesDepth} levels`);
  }
  if (feature.bbox !== undefined) checkBboxShape(feature.bbox, jsonPointer(pointer, 'bbox'), { label, problems });
  const geometryPointer = jsonPointer(pointer, 'geometry');
  let geometry: Geometry | null = null;
  let geometryOk = false;
  if (!Object.hasOwn(feature, 'geometry'))
    problem(geometryPointer, 'MISSING_MEMBER', '缺少 geometry 成员；尚未落图的项目请写 "geometry": null', 'the "geometry" member is missing; write "geometry": null for a project not yet drawn');
  else {
    const context: StructureContext = { label, problems, warnings: options.warnings, layerKind: options.layer?.geometry, layerId: options.layer?.id, layerName: options.layer?.name };
    const checked = checkGeometryStructure(feature.geometry, geometryPointer, context);
    result.vertices += checked.vertices;
    geometry = checked.geometry;
    geometryOk = checked.ok;
  }
  return { label, pointer, geometryPointer, feature, geometry, ok: geometryOk && problems.length === before };
}
