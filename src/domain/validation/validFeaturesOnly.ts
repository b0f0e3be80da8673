import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { ValidationIssue, ValidationReport } from './validationReport';

export interface ScavengedFeatures {
  /** The features without problems, in their original order. */
  collection: FeatureCollection<Geometry | null, GeoJsonProperties>;
  /** The features left out, with what was wrong with each. */
  rejected: { featureIndex: number; featureId?: string; featureName?: string; problems: ValidationIssue[] }[];
}

/**
 * "Import valid features only" (the check-geojson scavenge() model; docs/input-rules.md, D11): the
 * features of a report without problems. Undefined when a problem concerns the whole file (no
 * feature index), since then no feature can be trusted.
 */
export function validFeaturesOnly(report: ValidationReport): ScavengedFeatures | undefined {
  const collection = report.collection;
  if (!collection || report.problems.some((problem) => problem.featureIndex === undefined)) return undefined;
  const byIndex = new Map<number, ValidationIssue[]>();
  for (const problem of report.problems) {
    const index = problem.featureIndex ?? -1;
    byIndex.set(index, [...(byIndex.get(index) ?? []), problem]);
  }
  const features: Feature<Geometry | null, GeoJsonProperties>[] = collection.features.filter((_, index) => !byIndex.has(index));
  const rejected = [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([featureIndex, problems]) => {
      const first = problems[0];
      return { featureIndex, featureId: first?.featureId, featureName: first?.featureName, problems };
    });
  return { collection: { ...collection, features }, rejected };
}
