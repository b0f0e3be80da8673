import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { readDistrictExtent } from '../data/readDistrictExtent';
import type { LayerDefinition, Manifest } from '../domain/plan/manifest';
import { checkPlausibility } from '../domain/plausibility/checkPlausibility';
import type { ValidationIssue, ValidationReport } from '../domain/validation/validationReport';

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;

/** The features of `<directory>/<layer>.geojson` as stored, or undefined when there is no readable file. */
async function savedFeatures(directory: string, layer: LayerDefinition): Promise<AnyFeature[] | undefined> {
  const text = await readFile(join(directory, `${layer.id}.geojson`), 'utf8').catch(() => null);
  if (text === null) return undefined;
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as { features?: unknown };
    return Array.isArray(parsed.features) ? (parsed.features as AnyFeature[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Features whose geometry already has a problem: the check has nothing sound to measure there. */
function geometryProblemIndexes(report: ValidationReport): Set<number> {
  return new Set(report.problems.flatMap((problem) => (
    problem.featureIndex !== undefined && problem.path.startsWith(`/features/${problem.featureIndex}/geometry`) ? [problem.featureIndex] : []
  )));
}

/**
 * The plausibility check (src/domain/plausibility) of a file validated as a layer. With
 * `asImport`, the file is what an import would add to the layer stored in `directory` (its
 * features replace those of the same id, as the app's 并入图层 does), so the layer's total is
 * checked too; without it (a geodata folder) the file is the layer, and only its features are.
 */
export async function plausibilityOfFile(
  report: ValidationReport,
  layer: LayerDefinition,
  manifest: Manifest,
  directory: string,
  asImport: boolean,
): Promise<ValidationIssue[]> {
  if (!report.collection) return [];
  const district = await readDistrictExtent(directory, manifest.district.bounds);
  const saved = asImport ? await savedFeatures(directory, layer) : undefined;
  return checkPlausibility({
    layer,
    district,
    incoming: report.collection.features,
    ...(saved ? { saved, result: 'merge' as const } : {}),
    skip: geometryProblemIndexes(report),
  }).problems;
}
