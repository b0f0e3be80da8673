import type { Manifest } from '../../../domain/plan/manifest';
import { manifestChanges } from '../../../domain/plan/manifestChanges';
import { manifestIssues } from '../../../domain/plan/manifestIssues';
import { withManifestPlaces } from '../../../domain/plan/manifestPlaceText';
import { parseManifest } from '../../../data/parseGeodata';
import type { StaffSession } from '../useStaffSession';
import { useSavedDocument, type SavedDocument, type SavedDocumentKind } from './useSavedDocument';

export type { PlanSaveStatus } from './useSavedDocument';

export const PLAN_DOCUMENT = 'layers.json';

export type PlanDocument = SavedDocument<Manifest>;

const PLAN: SavedDocumentKind<Manifest> = {
  file: PLAN_DOCUMENT,
  parse: (text) => parseManifest(text, PLAN_DOCUMENT),
  problems: (draft) => {
    // As JSON: a number typed as nothing is then null, as the file would hold it.
    const json: unknown = JSON.parse(JSON.stringify(draft));
    return withManifestPlaces(manifestIssues(json), json);
  },
  changes: manifestChanges,
};

/** layers.json for the admin screen: checked as it is typed by the rules check-data uses. */
export function usePlanDocument(staff: StaffSession): PlanDocument {
  return useSavedDocument(staff, PLAN);
}
