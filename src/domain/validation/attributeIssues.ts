import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { Manifest } from '../manifest';
import { problemText } from '../problemText';
import { createGeodataValidator, type GeodataSchemas, type GeodataValidator, type ValidationProblem } from '../schemaValidation';
import type { ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { fieldOfPath, problemFieldText } from './attributeProblemText';

/*
 * Attributes of a plan layer against its JSON Schema and the lifecycle rules of the manifest,
 * by the existing schema validator (src/domain/schemaValidation), turned into validation
 * issues. What the earlier stages already said (geometry, ids, ring closure, any path already
 * reported) is not repeated.
 */

const validators = new WeakMap<GeodataSchemas, GeodataValidator>();
const GEOMETRY_PATH = /^\/features\/\d+\/geometry(\/|$)/;
const ALREADY_CHECKED = new Set(['duplicate-id', 'ring-not-closed']);

/** The validator compiled from `schemas`, once per schemas object. */
export function layerValidatorFor(schemas: GeodataSchemas): GeodataValidator {
  let validator = validators.get(schemas);
  if (!validator) {
    validator = createGeodataValidator(schemas);
    validators.set(schemas, validator);
  }
  return validator;
}

export function attributeIssues(
  layerId: string,
  collection: FeatureCollection<Geometry | null, GeoJsonProperties>,
  manifest: Manifest,
  schemas: GeodataSchemas,
  labels: readonly FeatureLabel[],
  reported: readonly ValidationIssue[],
): ValidationIssue[] {
  const layer = manifest.layers.find((candidate) => candidate.id === layerId);
  const reportedPaths = reported.map((issue) => issue.path);
  const isReported = (path: string): boolean => reportedPaths.some((known) => path === known || path.startsWith(`${known}/`));
  return layerValidatorFor(schemas)
    .validateLayer(layerId, collection, manifest)
    .filter((problem) => !GEOMETRY_PATH.test(problem.path) && !ALREADY_CHECKED.has(problem.code) && !isReported(problem.path))
    .map((problem) => toIssue(problem, problem.featureIndex === undefined ? undefined : labels[problem.featureIndex], layer));
}

function toIssue(problem: ValidationProblem, label: FeatureLabel | undefined, layer: Manifest['layers'][number] | undefined): ValidationIssue {
  const code = `ATTRIBUTE_${problem.code.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}` as const;
  const field = fieldOfPath(problem.path);
  // Data values in the texts are quoted, truncated and escaped by the schema validator (INPUT-CASES G7).
  const text = field ? problemFieldText(problem, field, layer) : problemText(problem);
  if (field) return featureIssue(label, code, problem.path, text.zh, text.en);
  const where = problem.path === '' ? '' : ` ${problem.path}`;
  return featureIssue(label, code, problem.path, `属性${where}：${text.zh}`, `attribute${where}: ${text.en}`);
}
