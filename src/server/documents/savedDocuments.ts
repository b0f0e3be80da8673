import type { DocumentFile } from '../../data/storedDocuments';
import { prepareDatumShiftsSave } from './prepareDatumShiftsSave';
import { preparePlanManifestSave } from './preparePlanManifestSave';
import type { SavedDocumentRules } from './savedDocumentRules';

/** Every document the API saves, by file name: who reads and writes it, its checks and its words for a change. */
export const SAVED_DOCUMENTS: Readonly<Record<DocumentFile, SavedDocumentRules>> = {
  'layers.json': { writer: 'admin', readers: 'plan', prepare: preparePlanManifestSave },
  'datum-shifts.json': { writer: 'admin', readers: 'editors', prepare: prepareDatumShiftsSave },
};
