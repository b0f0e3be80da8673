import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { Manifest } from '../manifest';
import { createGeodataValidator, type GeodataSchemas, type GeodataValidator, type ValidationProblem } from '../schemaValidation';
import type { ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { safeText } from './safeText';

/*
 * Attributes of a plan layer against its JSON Schema and the lifecycle rules of the manifest,
 * by the existing schema validator (src/domain/schemaValidation), turned into validation
 * issues. What the earlier stages already said (geometry, ids, ring closure, any path already
 * reported) is not repeated.
 */

const validators = new WeakMap<GeodataSchemas, GeodataValidator>();
const GEOMETRY_PATH = /^\/features\/\d+\/geometry(\/|$)/;
const ALREADY_CHECKED = new Set(['duplicate-id', 'ring-not-closed']);

export function attributeIssues(
  layerId: string,
  collection: FeatureCollection<Geometry | null, GeoJsonProperties>,
  manifest: Manifest,
  schemas: GeodataSchemas,
  labels: readonly FeatureLabel[],
  reported: readonly ValidationIssue[],
): ValidationIssue[] {
  let validator = validators.get(schemas);
  if (!validator) {
    validator = createGeodataValidator(schemas);
    validators.set(schemas, validator);
  }
  const reportedPaths = reported.map((issue) => issue.path);
  const isReported = (path: string): boolean => reportedPaths.some((known) => path === known || path.startsWith(`${known}/`));
  return validator
    .validateLayer(layerId, collection, manifest)
    .filter((problem) => !GEOMETRY_PATH.test(problem.path) && !ALREADY_CHECKED.has(problem.code) && !isReported(problem.path))
    .map((problem) => toIssue(problem, problem.featureIndex === undefined ? undefined : labels[problem.featureIndex]));
}

function toIssue(problem: ValidationProblem, label: FeatureLabel | undefined): ValidationIssue {
  // The schema validator quotes data values but neither escapes markup nor always truncates them (INPUT-CASES G7).
  const message = safeText(problem.message.replace(/"([^"]{40})[^"]+"/g, '"$1…"'), 400);
  const separator = message.indexOf(' / ');
  const zh = separator >= 0 ? message.slice(0, separator) : message;
  const en = separator >= 0 ? message.slice(separator + 3) : message;
  const code = `ATTRIBUTE_${problem.code.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}` as const;
  return featureIssue(label, code, problem.path, `属性 ${problem.path}：${zh}`, `attribute ${problem.path}: ${en}`);
}
