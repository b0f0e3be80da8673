import type { GeodataCatalog } from '../store/geodataCatalog';
import type { GeodataReader } from '../../data/geodataReader';
import type { DocumentSaveRequest } from '../store/planStore';
import type { SaveProblem } from '../../domain/validation/validationReport';

/** What a document's checks may read: the data folder and the plan as it is now. */
export interface SavedDocumentContext {
  geodata: GeodataReader;
  catalog: () => Promise<GeodataCatalog>;
}

/** A document checked on its own: its problems, or the bytes to store and the check to run under the store's lock. */
export type PreparedDocumentSave = { problems: SaveProblem[] } | { bytes: Buffer; check: DocumentSaveRequest['check'] };

/** How the server saves one document of the plan. */
export interface SavedDocumentRules {
  /** Who may save it: the plan's documents are the admins'. */
  writer: 'admin';
  /**
   * Who may read it and its versions: 'plan' follows the server's read access (the map needs
   * layers.json); 'editors' keeps it to signed-in editors and admins, for content a bureau may
   * hold confidential (the datum-shift parameters), served at /geodata/ under the same rule.
   */
  readers: 'plan' | 'editors';
  prepare: (body: Buffer, context: SavedDocumentContext) => Promise<PreparedDocumentSave>;
}
