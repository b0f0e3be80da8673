import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { PlanFeature, PlanFeatureCollection, PlanGeometry } from '../../domain/plan/planFeature';
import type { SourceColumn } from '../../domain/import/sourceColumns';
import type { ScavengedFeatures } from '../../domain/validation/validFeaturesOnly';
import type { ValidationReport } from '../../domain/validation/validationReport';

/** One imported layer checked for one plan layer, as the import panel shows it. */
export interface CheckedImport {
  /** Problems and warnings; its `collection` is left out (see `all`). */
  report: ValidationReport;
  /** Every feature the file could be read into, as the layer would hold them (the preview). */
  all?: PlanFeatureCollection;
  /** Only the features without problems, and the rejected ones; undefined when a problem concerns the whole file. */
  validOnly?: { collection: PlanFeatureCollection; rejected: ScavengedFeatures['rejected'] };
  /** The file's attribute columns, for the field mapping. */
  columns: SourceColumn[];
  /** The first feature's attributes as the file has them, so staff see that Chinese text was decoded. */
  sample: GeoJsonProperties;
  /** The file lacks plan fields (id, name, status, history): its columns need mapping before a save. */
  needsMapping: boolean;
  /** Set when a field mapping was applied. */
  mapped?: { generatedIdCount: number; defaultStatusCount: number };
}

/**
 * A feature as the map and the diff can show it. Missing plan fields get neutral values so the
 * preview draws; they are not made up for saving: the server's validation refuses such a layer
 * with its own problems, and the working copy stays.
 */
function asPlanFeature(feature: Feature<Geometry | null, GeoJsonProperties>, index: number): PlanFeature {
  const properties = feature.properties ?? {};
  const history = Array.isArray(properties.history) ? (properties.history as PlanFeature['properties']['history']) : [];
  return {
    type: 'Feature',
    id: feature.id === undefined ? `#${index + 1}` : String(feature.id),
    geometry: feature.geometry as PlanGeometry | null,
    properties: {
      ...properties,
      name: typeof properties.name === 'string' ? properties.name : '',
      status: typeof properties.status === 'string' ? properties.status : '',
      history,
    },
  };
}

/**
 * The panel's view of a report: the preview collection, and the valid-only one made of the same
 * feature objects, so posting both from a worker copies each feature once.
 */
export function checkedImportOf(report: ValidationReport, scavenged: ScavengedFeatures | undefined, extra: Pick<CheckedImport, 'columns' | 'sample' | 'needsMapping' | 'mapped'>): CheckedImport {
  const { collection, ...findings } = report;
  const all = collection ? asPlanCollection(collection) : undefined;
  const checked: CheckedImport = { report: findings, ...extra };
  if (all) checked.all = all;
  if (all && scavenged) {
    const rejected = new Set(scavenged.rejected.map((entry) => entry.featureIndex));
    checked.validOnly = { collection: { type: 'FeatureCollection', features: all.features.filter((_, index) => !rejected.has(index)) }, rejected: scavenged.rejected };
  }
  return checked;
}

function asPlanCollection(collection: FeatureCollection<Geometry | null, GeoJsonProperties>): PlanFeatureCollection {
  return { type: 'FeatureCollection', features: collection.features.map(asPlanFeature) };
}
