import type { ForbiddenFeature } from '../../domain/access/editScope';
import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import type { DocumentChange } from '../../domain/changes/documentChange';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { SaveProblem, ValidationIssue } from '../../domain/validation/validationReport';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { SaveNeedsConfirmation } from '../validateLayerForSave';
import type { AuditRecord } from './auditRecord';
import type { AuditPage, AuditPageQuery } from './readAuditPage';
import type { RecoveredSave } from './recoverInterruptedSave';
import type { TornAuditTail } from './setAsideTornAuditTail';
import type { DocumentFile } from '../../data/storedDocuments';
import type { StoredVersion } from './versionHistory';
import type { LayerRest } from './judgeLayerChange';

/** A project and its own version (projectVersionOf). */
export interface StoredProject {
  feature: RawProject;
  version: string;
}

export interface LayerSnapshot {
  bytes: Buffer;
  version: string;
}

/** A whole layer sent by the client. */
export interface WholeLayerContent {
  kind: 'layer';
  /** The versions the client edited (If-Match); the save happens only if the layer is one of them, or merges onto it. */
  expectedVersions: readonly string[];
  /** Validated bytes, exactly as they will be stored. */
  bytes: Buffer;
  collection: PlanFeatureCollection;
  /**
   * The client asked to merge by project: a save based on a kept version that is no longer live
   * applies the client's changes onto the live layer unless someone changed the same projects
   * meanwhile (mergeProjectEdits).
   */
  mergeByProject: boolean;
}

/** One project sent by the client, put into the live layer under the lock. */
export interface ProjectContent {
  kind: 'project';
  projectId: string;
  /** The project version the client edited (If-Match), or null for a new project (If-None-Match: *). */
  expectedVersion: string | null;
  /** The project as it should be, or null to remove it. */
  project: RawProject | null;
}

export type Revalidate = (bytes: Buffer) => { bytes: Buffer; collection: PlanFeatureCollection } | { problems: SaveProblem[] };

export interface SaveRequest {
  definition: LayerDefinition;
  content: WholeLayerContent | ProjectContent;
  /** Validates a layer the store composed (merged, or with one project put in) by the same engine as the route's. */
  revalidate: Revalidate;
  user: string;
  /** Required to replace a non-empty layer with an empty one. */
  confirmEmpty: boolean;
  /**
   * Asked under the layer's lock with the layer as stored, so the answer is about the version this
   * save replaces: figures that need the editor's confirmation first, or null. A one-row save passes
   * only the project it changes, and the rest of the layer by its totals.
   */
  needsConfirmation?: (before: PlanFeatureCollection, after: PlanFeatureCollection, rest?: LayerRest) => SaveNeedsConfirmation | null;
  /**
   * Asked under the layer's lock with the layer as stored, before any confirmation: the features
   * this save may not touch (the editor's scope), or null when it may go ahead. Only the features
   * that differ count, so a one-row save passes only the project it changes. A store writes
   * nothing, no audit record and no version, for a save this refuses.
   */
  authorize?: (before: PlanFeatureCollection, after: PlanFeatureCollection) => ForbiddenFeature[] | null;
  restoredFrom?: string;
}

/** A project two editors both changed: each side's version of it (null where it was removed), and its name. */
export interface ProjectConflictVersions {
  id: string;
  name: string | null;
  yourVersion: string | null;
  currentVersion: string | null;
}

export type SaveOutcome =
  | { kind: 'saved'; version: string; record: AuditRecord }
  | { kind: 'unchanged'; version: string }
  | { kind: 'stale'; currentVersion: string | null; conflicts?: ProjectConflictVersions[] }
  | { kind: 'empty-needs-confirmation'; currentVersion: string }
  | { kind: 'forbidden'; features: ForbiddenFeature[]; currentVersion: string }
  | { kind: 'composed-invalid'; problems: SaveProblem[]; currentVersion: string }
  | { kind: 'project-missing'; currentVersion: string }
  | ({ kind: 'needs-confirmation'; currentVersion: string } & SaveNeedsConfirmation);

/**
 * A save of a document of the plan (layers.json): the same conditions and sequence as a layer's,
 * checked by the document's own rules.
 */
export interface DocumentSaveRequest {
  document: DocumentFile;
  expectedVersions: readonly string[];
  /** Bytes exactly as they will be stored, already checked on their own. */
  bytes: Buffer;
  user: string;
  /**
   * Asked under the document's lock with the document as stored (null when it cannot be read), so
   * the answer is about the version this save replaces: its problems, or what it changes in words.
   */
  check: (before: Buffer | null) => { problems: ValidationIssue[] } | { changes: DocumentChange[] };
  restoredFrom?: string;
}

export type DocumentSaveOutcome =
  | { kind: 'saved'; version: string; record: AuditRecord }
  | { kind: 'unchanged'; version: string }
  | { kind: 'stale'; currentVersion: string | null }
  | { kind: 'invalid'; problems: ValidationIssue[]; currentVersion: string };

/**
 * The audit record could not be written and the old layer could not be put back: the new layer
 * is live, and the store records it (audit and version) at the next save of the layer or the
 * next start. Rare: it takes two failures, on two folders, one after the other.
 */
export class SaveNotUndoneError extends Error {
  constructor(
    readonly auditError: unknown,
    readonly undoError: unknown,
  ) {
    super(`audit: ${String(auditError)}; undo: ${String(undoError)}`);
  }
}

/** What a store found and repaired when it started. */
export interface StartupReport {
  /** Temporary files of writers that were killed. */
  removedTempFiles: string[];
  /** The end of the audit log that held no whole record, now in a side file. */
  tornAudit: TornAuditTail | null;
  /** Saves a crash interrupted, finished or dropped. */
  recoveredSaves: RecoveredSave[];
  /** Version files no entry listed (content of a save dropped before its intent was written). */
  removedVersionFiles: string[];
}

/**
 * What the API needs from a store, and what every store guarantees (LayerStore on the files,
 * PostgresStore on the database; docs/database.md):
 * - a save is conditional on the version the client edited, and atomic: readers and a restart
 *   see the old layer or the new one, whole;
 * - a save that is reported saved has its audit record and its version entry; one that is not
 *   leaves neither, nor any change to the layer;
 * - the version list and the audit log only ever name versions that were the live layer.
 */
export interface PlanStore {
  /** Repairs what a crash left (see StartupReport); runs before the first request. */
  prepare(): Promise<StartupReport>;
  read(definition: LayerDefinition): Promise<LayerSnapshot | null>;
  /** The live layer's version, or null: what read() says, without the bytes (a large layer's are not rebuilt for it). */
  liveVersion(definition: LayerDefinition): Promise<string | null>;
  /** One project of the layer as stored, with its own version, or null (a row in the database, however large the layer). */
  readProject(definition: LayerDefinition, projectId: string): Promise<StoredProject | null>;
  save(request: SaveRequest): Promise<SaveOutcome>;
  /** Kept versions, newest first. */
  versions(definition: LayerDefinition): Promise<StoredVersion[]>;
  /** A kept version's bytes, or null when it is not kept. */
  versionBytes(definition: LayerDefinition, version: string): Promise<Buffer | null>;
  /** A document of the plan as stored, or null when it is missing. */
  readDocument(document: DocumentFile): Promise<LayerSnapshot | null>;
  saveDocument(request: DocumentSaveRequest): Promise<DocumentSaveOutcome>;
  documentVersions(document: DocumentFile): Promise<StoredVersion[]>;
  documentVersionBytes(document: DocumentFile, version: string): Promise<Buffer | null>;
  /** Audit records newest first, a page at a time; throws AuditUnreadableError when the log cannot be read. */
  auditPage(query: AuditPageQuery): Promise<AuditPage>;
}
