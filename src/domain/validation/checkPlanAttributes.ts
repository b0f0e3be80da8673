import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { LayerDefinition, Manifest } from '../plan/manifest';
import type { GeodataSchemas } from '../plan/schemaValidation';
import { attributeIssues } from './attributeIssues';
import { featureIssue, featureLabel } from './featureIssue';
import { jsonPointer } from './jsonPointer';
import { quoteValue, quoteValueZh } from './safeText';
import type { ValidationIssue, ValidationReport } from './validationReport';

export interface PlanAttributeCheck {
  layer: LayerDefinition;
  manifest: Manifest;
  /** Without schemas only the ids are checked; the server checks the rest on save. */
  schemas?: GeodataSchemas;
  /** Check ids for duplicates again: they were given after the file was read (a field mapping). */
  checkIds: boolean;
}

/**
 * A report after the features of a checked file got their plan fields: the file's own findings
 * (structure, coordinates, geometry) stay, and `collection`, index-aligned with the file, is
 * checked against the layer's schema and lifecycle. The report's collection becomes `collection`.
 */
export function checkPlanAttributes(source: ValidationReport, collection: FeatureCollection<Geometry | null, GeoJsonProperties>, check: PlanAttributeCheck): ValidationReport {
  const labels = collection.features.map((feature, index) => featureLabel(index, feature));
  // Ids given by the mapping replace the file's own, and with them what was wrong with those.
  const problems = check.checkIds ? source.problems.filter((issue) => issue.code !== 'DUPLICATE_ID' && issue.code !== 'INVALID_ID') : [...source.problems];
  if (check.checkIds) {
    const firstIndexById = new Map<string, number>();
    collection.features.forEach((feature, index) => {
      const id = String(feature.id ?? '');
      const first = firstIndexById.get(id);
      const label = labels[index];
      if (first === undefined) firstIndexById.set(id, index);
      else if (label)
        problems.push(featureIssue(label, 'DUPLICATE_ID', jsonPointer(`/features/${index}`, 'id'), `id ${quoteValueZh(id)} 与要素 ${first + 1} 重复；每个要素须有唯一的 id`, `id ${quoteValue(id)} is already used by feature ${first + 1}; every feature needs its own id`));
    });
  }
  if (check.schemas) problems.push(...attributeIssues(check.layer.id, collection, check.manifest, check.schemas, labels, problems));
  const report: ValidationReport = { problems: byFeature(problems), warnings: source.warnings, collection };
  if (source.reprojection) report.reprojection = source.reprojection;
  if (source.datumHint) report.datumHint = source.datumHint;
  return report;
}

/** File-wide issues first, then feature by feature; stable within a feature (as validateGeoJson orders them). */
function byFeature(issues: ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.featureIndex ?? -1) - (b.issue.featureIndex ?? -1) || a.order - b.order)
    .map(({ issue }) => issue);
}
