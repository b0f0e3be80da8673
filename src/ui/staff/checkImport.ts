import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { ImportLayer } from '../../data/import/importResult';
import type { LayerDefinition, Manifest } from '../../domain/manifest';
import type { PlanFeature, PlanFeatureCollection, PlanGeometry } from '../../domain/planFeature';
import { validateGeoJson } from '../../domain/validation/validateGeoJson';
import { validFeaturesOnly, type ScavengedFeatures } from '../../domain/validation/validFeaturesOnly';
import type { ValidationReport } from '../../domain/validation/validationReport';

export interface CheckedImport {
  report: ValidationReport;
  /** Every feature the file could be read into, as the layer would hold them (the preview). */
  all?: PlanFeatureCollection;
  /** Only the features without problems, and the rejected ones; undefined when a problem concerns the whole file. */
  validOnly?: { collection: PlanFeatureCollection; rejected: ScavengedFeatures['rejected'] };
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

function asPlanCollection(collection: FeatureCollection<Geometry | null, GeoJsonProperties>): PlanFeatureCollection {
  return { type: 'FeatureCollection', features: collection.features.map(asPlanFeature) };
}

/** The validator's report on one imported layer, for the target plan layer, with the CRS the file or the user names. */
export function checkImport(imported: ImportLayer, definition: LayerDefinition, manifest: Manifest, declaredCrs: string | undefined): CheckedImport {
  const report = validateGeoJson(imported.text, { layer: definition, manifest, declaredCrs });
  const scavenged = validFeaturesOnly(report);
  return {
    report,
    all: report.collection ? asPlanCollection(report.collection) : undefined,
    validOnly: scavenged ? { collection: asPlanCollection(scavenged.collection), rejected: scavenged.rejected } : undefined,
  };
}
