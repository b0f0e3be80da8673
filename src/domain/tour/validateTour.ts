import type { Manifest } from '../plan/manifest';
import { TOUR_CONTRACT } from './tour';
import type { Tour } from './tour';
import { contractIssues } from '../contract/contractIssues';
import { tourProblems } from './tourProblems';
import type { ValidationIssue } from '../validation/validationReport';

/**
 * Checks tour.json against its contract, then against the district's data (layers, statuses,
 * feature ids). Returns problems as data; an empty list means the tour can be played.
 */
export function validateTour(tourJson: unknown, manifest: Manifest, featureIds: ReadonlyMap<string, ReadonlySet<string>>): ValidationIssue[] {
  const issues = contractIssues(TOUR_CONTRACT, tourJson);
  // The references are read from a tour of the right shape only.
  return issues.length > 0 ? issues : tourProblems(tourJson as Tour, manifest, featureIds);
}
