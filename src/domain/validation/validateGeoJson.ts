import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { LayerDefinition, Manifest } from '../plan/manifest';
import type { GeodataSchemas } from '../plan/schemaValidation';
import { DEFAULT_VALIDATION_LIMITS, type ValidationIssue, type ValidationLimits, type ValidationReport } from './validationReport';
import { decodeText } from './decodeText';
import { sniffMarkupFormat } from './sniffNonJsonFormat';
import { parseJsonStrict } from './parseJsonStrict';
import { checkGeoJsonStructure, type FeatureRecord } from './checkGeoJsonStructure';
import { resolveCoordinateTransform, type CoordinateTransform } from './resolveCoordinateTransform';
import type { CrsDefinition } from '../crs/crsDefinition';
import type { DatumShiftChoice } from '../crs/declaredCrsTransform';
import { areaOfUseFinding } from '../crs/crsExtentIssue';
import { mapGeometryPositions } from './mapGeometryPositions';
import { checkLonLatRanges } from './checkLonLatRanges';
import { checkGeometryValidity } from './checkGeometryValidity';
import { rewindGeometry } from './rewindGeometry';
import { geometriesBbox, reconcileBbox } from './reconcileBbox';
import { attributeIssues } from './attributeIssues';
import { sourceAreaAttributeWarnings } from './sourceAreaAttributeWarnings';
import { featureIssue } from './featureIssue';
import { chineseWebDatumHint } from '../import/chineseWebDatumHint';
import { utf8ByteLength } from './utf8ByteLength';
import { PROGRESS_EVERY_FEATURES, type ValidationProgress } from './validationProgress';

export interface ValidateGeoJsonOptions {
  /** The plan layer the file is for: geometry kind, and with manifest + schemas, attributes. */
  layer?: LayerDefinition;
  manifest?: Manifest;
  schemas?: GeodataSchemas;
  /** The CRS the user says the coordinates are in ("EPSG:4543", a URN, "CRS84"). */
  declaredCrs?: string;
  /** Lon/lat from a Chinese web map, to be converted to WGS 84. */
  convertFrom?: 'gcj02' | 'bd09';
  /** Definitions loaded from the EPSG registry for codes without a pinned one (see ValidationReport.crsNeeded). */
  crsDefinitions?: ReadonlyMap<number, CrsDefinition>;
  /** The datum-shift profile the user chose for a source datum without a known shift. */
  datumShift?: DatumShiftChoice;
  limits?: Partial<ValidationLimits>;
  /** [west, south, east, north]; defaults to the manifest's district bounds. */
  districtBounds?: [number, number, number, number];
  /** Called as the stages advance (feature by feature in the geometry stage), for a progress bar off the main thread. */
  onProgress?: (progress: ValidationProgress) => void;
}

/**
 * The one validation engine of the server, the browser and the command line: bytes or text of a
 * GeoJSON file in, a report out (ValidationReport). Stages run in order and stop where later
 * ones would mean nothing: bytes and JSON, RFC 7946 structure, CRS and coordinates, geometry
 * validity (JTS semantics), attributes. Pure and synchronous; it never throws at the caller.
 */
export function validateGeoJson(input: Uint8Array | string, options: ValidateGeoJsonOptions = {}): ValidationReport {
  try {
    return runStages(input, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [featureIssue(undefined, 'INTERNAL_ERROR', '', `校验程序出错：${reason}`, `the validator failed: ${reason}`)], warnings: [] };
  }
}

function runStages(input: Uint8Array | string, options: ValidateGeoJsonOptions): ValidationReport {
  const limits: ValidationLimits = { ...DEFAULT_VALIDATION_LIMITS, ...options.limits };
  const problems: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const stop = (issue: ValidationIssue): ValidationReport => ({ problems: [...problems, issue], warnings });

  const size = typeof input === 'string' ? utf8ByteLength(input, limits.maxBytes) : input.byteLength;
  if (size > limits.maxBytes)
    return stop(featureIssue(undefined, 'TOO_LARGE', '', `文件超过 ${formatMegabytes(limits.maxBytes)}，请拆分图层或简化几何`, `the file is larger than ${formatMegabytes(limits.maxBytes)}; split the layer or simplify its geometry`));
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeText(input);
    if (!decoded.ok) return stop(decoded.issue);
    text = decoded.text;
  }
  if (text.trim().replace(/^\uFEFF/, '') === '') return stop(featureIssue(undefined, 'EMPTY_INPUT', '', '文件是空的', 'the file is empty'));
  const markup = sniffMarkupFormat(text);
  if (markup) return stop(featureIssue(undefined, 'NOT_JSON', '', `这是${markup.zh}，不是 GeoJSON`, `this is ${markup.en}, not GeoJSON`));

  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: 'parsing', done: 0, total: 0 });
  const parsed = parseJsonStrict(text, limits.maxJsonDepth);
  problems.push(...parsed.issues);
  // With a duplicate member the document means two things; which one the author meant is theirs to say.
  if (!parsed.ok || parsed.issues.some((issue) => issue.code === 'DUPLICATE_KEY')) return { problems, warnings };

  progress({ stage: 'structure', done: 0, total: 0 });
  const structure = checkGeoJsonStructure(parsed.value, { layer: options.layer, maxPropertiesDepth: limits.maxPropertiesDepth }, problems, warnings);
  if (!structure.usable) return { problems, warnings };
  if (structure.vertices > limits.maxVertices)
    return stop(featureIssue(undefined, 'TOO_MANY_VERTICES', '', `文件有 ${structure.vertices} 个顶点，超过上限 ${limits.maxVertices}；请简化几何（如 QGIS“简化”）`, `the file has ${structure.vertices} vertices, more than the limit of ${limits.maxVertices}; simplify the geometry (e.g. QGIS Simplify)`));

  const districtBounds = options.districtBounds ?? options.manifest?.district.bounds;
  const decision = resolveCoordinateTransform(structure.root, structure.features, { declaredCrs: options.declaredCrs, convertFrom: options.convertFrom, districtBounds, crsDefinitions: options.crsDefinitions, datumShift: options.datumShift });
  if (!decision.ok) {
    const stopped = stop(decision.issue);
    if (decision.crsNeeded !== undefined) stopped.crsNeeded = decision.crsNeeded;
    if (decision.datumShiftNeeded) stopped.datumShiftNeeded = decision.datumShiftNeeded;
    return stopped;
  }
  const transform = decision.transform;
  if (transform) {
    warnings.push(featureIssue(undefined, 'REPROJECTED', '', `坐标已从 ${transform.name.zh}转换为 WGS 84 经纬度（EPSG:4326）`, `coordinates were converted from ${transform.name.en} to WGS 84 lon/lat (EPSG:4326)`));
    for (const note of transform.notes ?? []) warnings.push(featureIssue(undefined, note.code, '', note.message.zh, note.message.en));
  }

  const total = structure.features.length;
  const geometries = structure.features.map((record, index) => {
    if (index % PROGRESS_EVERY_FEATURES === 0) progress({ stage: 'geometry', done: index, total });
    return checkFeatureGeometry(record, transform, districtBounds, problems, warnings);
  });
  progress({ stage: 'geometry', done: total, total });
  const collection = normalisedCollection(structure.root, structure.features, geometries, Boolean(transform), warnings);
  // Only features that converted: a failed one keeps its source coordinates (metres).
  const converted = transform?.definition ? geometriesBbox(geometries.filter((_, index) => structure.features[index]?.ok)) : undefined;
  const extent = transform?.definition && converted ? areaOfUseFinding(transform.definition, converted) : undefined;
  if (extent) (extent.severity === 'problem' ? problems : warnings).push(featureIssue(undefined, 'CRS_AREA_MISMATCH', '', extent.message.zh, extent.message.en));

  if (options.layer && options.manifest && options.schemas) {
    progress({ stage: 'attributes', done: 0, total });
    problems.push(...attributeIssues(options.layer.id, collection, options.manifest, options.schemas, structure.features.map((record) => record.label), problems));
  }
  warnings.push(...sourceAreaAttributeWarnings(structure.features));

  const report: ValidationReport = { problems: byFeature(problems), warnings: byFeature(warnings), collection };
  if (transform) report.reprojection = transform.datumShift === undefined ? { from: transform.from, to: 'EPSG:4326' } : { from: transform.from, to: 'EPSG:4326', datumShift: transform.datumShift };
  const datumHint = chineseWebDatumHint(structure.features.map((record) => record.feature.properties));
  if (datumHint) report.datumHint = datumHint;
  return report;
}

/** Reprojection, lon/lat ranges, validity and orientation of one feature; its normalised geometry. */
function checkFeatureGeometry(
  record: FeatureRecord,
  transform: CoordinateTransform | undefined,
  districtBounds: readonly [number, number, number, number] | undefined,
  problems: ValidationIssue[],
  warnings: ValidationIssue[],
): Geometry | null {
  if (!record.ok || !record.geometry) return record.geometry;
  let geometry = record.geometry;
  if (transform) {
    let failed: ValidationIssue | undefined;
    geometry = mapGeometryPositions(geometry, (position, suffix) => {
      const converted = transform.toLonLat(position[0] ?? Number.NaN, position[1] ?? Number.NaN);
      if (converted) return position.length > 2 ? [converted[0], converted[1], ...position.slice(2)] : converted;
      failed ??= featureIssue(record.label, 'INVALID_COORDINATE', `${record.geometryPointer}${suffix()}`, `坐标 [${position.join(', ')}] 无法从 ${transform.from} 转换（结果不是有效数字，或超出该投影的范围）`, `position [${position.join(', ')}] cannot be converted from ${transform.from} (the result is not a number, or it is outside the projection's domain)`);
      return position;
    });
    if (failed) {
      problems.push(failed);
      record.ok = false;
      return record.geometry;
    }
  }
  record.geometry = geometry;
  if (!checkLonLatRanges(record, districtBounds, problems, warnings)) {
    record.ok = false;
    return geometry;
  }
  const invalid = checkGeometryValidity(geometry, record.geometryPointer, record.label);
  if (invalid) {
    problems.push(invalid);
    record.ok = false;
    return geometry;
  }
  const rewound = rewindGeometry(geometry);
  if (rewound.rewound)
    warnings.push(featureIssue(record.label, 'WINDING_REWOUND', record.geometryPointer, '边界的走向与 GeoJSON 标准相反（外边界应逆时针、内部空洞应顺时针），已自动调整；面积不变', 'the boundary runs the other way round from the GeoJSON standard (outer boundary counterclockwise, holes clockwise); it was turned round, the area is unchanged'));
  return rewound.geometry;
}

function normalisedCollection(
  root: Record<string, unknown>,
  records: readonly FeatureRecord[],
  geometries: readonly (Geometry | null)[],
  reprojected: boolean,
  warnings: ValidationIssue[],
): FeatureCollection<Geometry | null, GeoJsonProperties> {
  const features = records.map((record, index) => {
    const geometry = geometries[index] ?? null;
    const copy = reconcileBbox({ ...record.feature, geometry }, geometriesBbox([geometry]), `${record.pointer}/bbox`, record.label, reprojected, warnings);
    return copy as unknown as Feature<Geometry | null, GeoJsonProperties>;
  });
  // RFC 7946 Appendix B.1: the crs member is gone from GeoJSON; coordinates are now lon/lat.
  const { crs: _crs, ...members } = root.type === 'FeatureCollection' ? root : { type: 'FeatureCollection' };
  const collection = reconcileBbox({ ...members, features }, geometriesBbox(geometries), '/bbox', undefined, reprojected, warnings);
  return collection as unknown as FeatureCollection<Geometry | null, GeoJsonProperties>;
}

/** File-wide issues first, then feature by feature in file order; stable within a feature. */
function byFeature(issues: ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.featureIndex ?? -1) - (b.issue.featureIndex ?? -1) || a.order - b.order)
    .map(({ issue }) => issue);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
