import type { DocumentFile } from '../store/storedDocuments';
import { preparePlanManifestSave } from './preparePlanManifestSave';
import type { SavedDocumentRules } from './savedDocumentRules';

/**
 * Every document the API saves, by file name. The next one (datum-shifts.json, the datum-shift
 * profiles) is a name in DOCUMENT_FILES and an entry here with its own checks and words for a change.
 */
export const SAVED_DOCUMENTS: Readonly<Record<DocumentFile, SavedDocumentRules>> = {
  'layers.json': { writer: 'admin', prepare: preparePlanManifestSave },
};
