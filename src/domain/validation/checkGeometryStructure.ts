import type { LocalizedText } from '../plan/manifest';
import type { Geometry } from 'geojson';
import type { GeometryKind } from '../plan/manifest';
import type { ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { COORDINATE_ARRAY_LEVELS, COORDINATE_LEVEL_NAMES, GEOMETRY_TYPES, typeIgnoringCase } from './geoJsonTypes';
import { isRecord } from '../isRecord';
import { checkBboxShape } from './checkBboxShape';
import { jsonPointer } from './jsonPointer';
import { quoteValue, quoteValueZh } from './safeText';

/** Where the findings of the structure stage go, and what the geometry must be. */
export interface StructureContext {
  /** The feature being checked; absent for the members of the root object. */
  label?: FeatureLabel;
  problems: ValidationIssue[];
  warnings: ValidationIssue[];
  /** The plan layer's kind, when validating for a layer (docs/input-rules.md, B10). */
  layerKind?: GeometryKind;
  layerId?: string;
  /** The layer's name for messages; people know a layer by it, not by its id. */
  layerName?: LocalizedText;
}

export interface CheckedGeometry {
  /** The geometry to measure and check further; null for a null or empty geometry, or a broken one. */
  geometry: Geometry | null;
  /** False when the structure had a problem: later stages leave this geometry alone. */
  ok: boolean;
  vertices: number;
}

const LAYER_TYPES: Record<GeometryKind, readonly string[]> = { polygon: ['Polygon', 'MultiPolygon'], line: ['LineString', 'MultiLineString'], point: ['Point', 'MultiPoint'] };
const KIND_NAMES: Record<GeometryKind, { zh: string; en: string }> = { polygon: { zh: '面', en: 'polygons' }, line: { zh: '线', en: 'lines' }, point: { zh: '点', en: 'points' } };

/** RFC 7946 §7.1: members that would change a Geometry into something else. */
const NOT_IN_GEOMETRY = ['properties', 'geometry', 'features'];

/** Checks one Geometry object (RFC 7946 §3.1) or null; reports into the context. */
export function checkGeometryStructure(value: unknown, pointer: string, context: StructureContext): CheckedGeometry {
  const broken: CheckedGeometry = { geometry: null, ok: false, vertices: 0 };
  const problem = (path: string, code: ValidationIssue['code'], zh: string, en: string): CheckedGeometry => {
    context.problems.push(featureIssue(context.label, code, path, zh, en));
    return broken;
  };
  if (value === null) return { geometry: null, ok: true, vertices: 0 };
  if (!isRecord(value))
    return problem(pointer, 'WRONG_MEMBER_TYPE', `geometry 须为对象或 null，实际为 ${quoteValueZh(value)}`, `geometry must be an object or null, got ${quoteValue(value)}`);
  const type = value.type;
  const typePath = jsonPointer(pointer, 'type');
  if (type === undefined) return problem(typePath, 'MISSING_MEMBER', '几何对象缺少 type', 'the geometry has no "type" member');
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    const meant = typeof type === 'string' ? typeIgnoringCase(type) : undefined;
    if (meant && (GEOMETRY_TYPES as readonly string[]).includes(meant))
      return problem(typePath, 'UNKNOWN_TYPE', `类型名区分大小写：应写 "${meant}"，而不是 ${quoteValueZh(type)}`, `types are case-sensitive: write "${meant}", not ${quoteValue(type)}`);
    return problem(typePath, 'UNKNOWN_TYPE', `未知的几何类型 ${quoteValueZh(type)}，应为 ${GEOMETRY_TYPES.join('、')} 之一`, `unknown geometry type ${quoteValue(type)}; expected one of ${GEOMETRY_TYPES.join(', ')}`);
  }
  let ok = true;
  for (const member of NOT_IN_GEOMETRY)
    if (Object.hasOwn(value, member)) {
      problem(jsonPointer(pointer, member), 'FORBIDDEN_MEMBER', `几何对象不能有 "${member}" 成员，请把它移到要素上`, `a geometry must not have a "${member}" member; move it to the feature`);
      ok = false;
    }
  if (value.bbox !== undefined && !checkBboxShape(value.bbox, jsonPointer(pointer, 'bbox'), context)) ok = false;

  if (type === 'GeometryCollection') {
    if (context.layerKind)
      return problem(typePath, 'GEOMETRY_COLLECTION_NOT_ALLOWED', `规划图层不接受 GeometryCollection，请拆成单独的要素（${KIND_NAMES[context.layerKind].zh}）`, `plan layers do not take a GeometryCollection; split it into separate features (${KIND_NAMES[context.layerKind].en})`);
    return checkCollection(value, pointer, context, ok);
  }
  if (context.layerKind && !LAYER_TYPES[context.layerKind].includes(type)) {
    const kind = KIND_NAMES[context.layerKind];
    const layerZh = context.layerName ? `图层“${context.layerName.zh}”` : `图层 ${context.layerId ?? ''}`;
    const layerEn = context.layerName ? `the layer "${context.layerName.en}"` : `layer ${context.layerId ?? ''}`;
    problem(typePath, 'GEOMETRY_KIND_MISMATCH', `${layerZh}只接受${kind.zh}（${LAYER_TYPES[context.layerKind].join('、')}），实际为 ${type}`, `${layerEn} takes ${kind.en} (${LAYER_TYPES[context.layerKind].join(', ')}), got ${type}`);
    ok = false;
  }
  const coordinates = value.coordinates;
  const coordinatesPath = jsonPointer(pointer, 'coordinates');
  if (coordinates === undefined) return problem(coordinatesPath, 'MISSING_MEMBER', `${type} 缺少 coordinates`, `the ${type} has no "coordinates" member`);
  if (!Array.isArray(coordinates))
    return problem(coordinatesPath, 'WRONG_MEMBER_TYPE', `coordinates 须为数字数组，实际为 ${quoteValueZh(coordinates)}（不接受编码或压缩的坐标）`, `coordinates must be arrays of numbers, got ${quoteValue(coordinates)} (encoded or compressed coordinates are not GeoJSON)`);
  if (coordinates.length === 0) {
    // RFC 7946 §3.1: processors MAY read empty coordinates as a null geometry. Policy: accept as "no geometry", area 0, and say so.
    context.warnings.push(featureIssue(context.label, 'EMPTY_GEOMETRY', coordinatesPath, `${type} 的坐标为空，按“无几何”处理（面积为 0）`, `the ${type} has empty coordinates; it is read as "no geometry" (area 0)`));
    return { geometry: null, ok, vertices: 0 };
  }
  const walk = new CoordinateWalk(type, coordinatesPath, context);
  const coordinatesOk = walk.level(coordinates, COORDINATE_ARRAY_LEVELS[type] ?? 0, []);
  if (!coordinatesOk || !ok) return { ...broken, vertices: walk.vertices };
  return { geometry: value as unknown as Geometry, ok: true, vertices: walk.vertices };
}

function checkCollection(value: Record<string, unknown>, pointer: string, context: StructureContext, ok: boolean): CheckedGeometry {
  const geometriesPath = jsonPointer(pointer, 'geometries');
  if (!Array.isArray(value.geometries)) {
    context.problems.push(featureIssue(context.label, value.geometries === undefined ? 'MISSING_MEMBER' : 'WRONG_MEMBER_TYPE', geometriesPath, 'GeometryCollection 须有 geometries 数组', 'a GeometryCollection needs a "geometries" array'));
    return { geometry: null, ok: false, vertices: 0 };
  }
  let vertices = 0;
  let membersOk = ok;
  value.geometries.forEach((member: unknown, index) => {
    const checked = checkGeometryStructure(member, jsonPointer(geometriesPath, index), context);
    vertices += checked.vertices;
    membersOk &&= checked.ok;
  });
  return { geometry: membersOk ? (value as unknown as Geometry) : null, ok: membersOk, vertices };
}

/** Walks coordinates level by level, stopping at the first problem (one report per geometry). */
class CoordinateWalk {
  vertices = 0;
  private readonly names: readonly { zh: string; en: string }[];

  constructor(
    private readonly type: string,
    private readonly pointer: string,
    private readonly context: StructureContext,
  ) {
    this.names = COORDINATE_LEVEL_NAMES[type] ?? [];
  }

  private fail(indexes: readonly number[], code: ValidationIssue['code'], zh: string, en: string): false {
    const where = `${this.type}.coordinates${indexes.map((index) => `[${index}]`).join('')}`;
    this.context.problems.push(featureIssue(this.context.label, code, jsonPointer(this.pointer, ...indexes), `${where} ${zh}`, `${where} ${en}`));
    return false;
  }

  private expected(indexes: readonly number[]): { zh: string; en: string } {
    return this.names[indexes.length] ?? { zh: '坐标', en: 'a position' };
  }

  /** `levels` arrays remain above the positions at `value`. */
  level(value: unknown, levels: number, indexes: number[]): boolean {
    if (levels === 0) return this.position(value, indexes);
    const expected = this.expected(indexes);
    if (!Array.isArray(value))
      return this.fail(indexes, 'COORDINATES_NESTING', `是 ${quoteValueZh(value)}，应为${expected.zh}`, `is ${quoteValue(value)}, expected ${expected.en}`);
    if (typeof value[0] === 'number' || typeof value[0] === 'string')
      return this.fail(indexes, 'COORDINATES_NESTING', `是一个坐标，应为${expected.zh}（嵌套少了一层）`, `is a position, expected ${expected.en} (one level of nesting is missing)`);
    for (let index = 0; index < value.length; index++) {
      indexes.push(index);
      const ok = this.level(value[index], levels - 1, indexes);
      indexes.pop();
      if (!ok) return false;
    }
    return true;
  }

  private position(value: unknown, indexes: number[]): boolean {
    if (!Array.isArray(value)) return this.fail(indexes, 'COORDINATES_NESTING', `是 ${quoteValueZh(value)}，应为坐标 [经度, 纬度]`, `is ${quoteValue(value)}, expected a position [lon, lat]`);
    if (Array.isArray(value[0])) {
      const multi = this.type.startsWith('Multi') ? '' : `（是 Multi${this.type} 的坐标吗？）`;
      const multiEn = this.type.startsWith('Multi') ? '' : ` (are these Multi${this.type} coordinates?)`;
      return this.fail(indexes, 'COORDINATES_NESTING', `嵌套多了一层，应为坐标${multi}`, `is nested one level too deep, expected a position${multiEn}`);
    }
    for (let axis = 0; axis < value.length; axis++) {
      const number = value[axis];
      if (typeof number !== 'number') {
        indexes.push(axis);
        return this.fail(indexes, 'COORDINATE_NOT_NUMBER', `是 ${quoteValueZh(number)}，坐标须为数字（不要加引号）`, `is ${quoteValue(number)}; coordinates must be numbers (without quotes)`);
      }
      if (!Number.isFinite(number)) {
        indexes.push(axis);
        return this.fail(indexes, 'INVALID_COORDINATE', '不是有限的数字', 'is not a finite number');
      }
    }
    if (value.length < 2 || value.length > 3)
      return this.fail(indexes, 'INVALID_POSITION', `有 ${value.length} 个数，坐标须为 [经度, 纬度] 或 [经度, 纬度, 高程]`, `has ${value.length} numbers; a position is [lon, lat] or [lon, lat, elevation]`);
    this.vertices++;
    return true;
  }
}
