import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { LayerDefinition, Manifest } from '../plan/manifest';
import { createGeodataValidator, type GeodataSchemas, type GeodataValidator } from '../plan/schemaValidation';
import type { ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { fieldOfPath } from './attributeProblemText';

/*
 * Attributes of a plan layer against its JSON Schema and the lifecycle rules of the manifest,
 * by the existing schema validator (src/domain/schemaValidation), turned into validation
 * issues. What the earlier stages already said (geometry, ids, ring closure, any path already
 * reported) is not repeated.
 */

const validators = new WeakMap<GeodataSchemas, GeodataValidator>();
const GEOMETRY_PATH = /^\/features\/\d+\/geometry(\/|$)/;
const ALREADY_CHECKED = new Set(['DUPLICATE_ID', 'RING_NOT_CLOSED']);

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
  const layer: LayerDefinition | undefined = manifest.layers.find((candidate) => candidate.id === layerId);
  const reportedPaths = reported.map((issue) => issue.path);
  const isReported = (path: string): boolean => reportedPaths.some((known) => path === known || path.startsWith(`${known}/`));
  return layerValidatorFor(schemas)
    .validateLayer(layerId, collection, manifest, layer)
    .filter((problem) => !GEOMETRY_PATH.test(problem.path) && !ALREADY_CHECKED.has(problem.code) && !isReported(problem.path))
    .map((problem) => toIssue(problem, problem.featureIndex === undefined ? undefined : labels[problem.featureIndex]));
}

/** The validator's issue about an attribute, prefixed and told as the feature's (featureIssue). */
function toIssue(problem: ValidationIssue, label: FeatureLabel | undefined): ValidationIssue {
  const code = `ATTRIBUTE_${problem.code}` as const;
  const { zh, en } = problem.message;
  // A property's issue names it by its label already (validateLayer with the layer); any other place is named by its path.
  if (fieldOfPath(problem.path)) return featureIssue(label, code, problem.path, zh, en);
  const where = problem.path === '' ? '' : ` ${problem.path}`;
  return featureIssue(label, code, problem.path, `属性${where}：${zh}`, `attribute${where}: ${en}`);
}
