import Ajv2020 from 'ajv/dist/2020.js';
import type { Manifest } from './manifest';
import type { Tour } from './tour';
import { tourProblems, type TourProblem } from './tourProblems';

/**
 * Checks tour.json against its JSON Schema, then against the district's data (layers, statuses,
 * feature ids). Returns problems as data; an empty list means the tour can be played.
 */
export function validateTour(
  tourJson: unknown,
  tourSchema: unknown,
  manifest: Manifest,
  featureIds: ReadonlyMap<string, ReadonlySet<string>>,
): TourProblem[] {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTuples: false });
  const validate = ajv.compile(tourSchema as object);
  if (!validate(tourJson)) {
    return (validate.errors ?? []).map((error) => ({
      path: error.instancePath || '/',
      message: `${error.message ?? 'invalid'}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`,
    }));
  }
  return tourProblems(tourJson as Tour, manifest, featureIds);
}
