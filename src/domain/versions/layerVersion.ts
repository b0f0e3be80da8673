import type { DocumentChange } from '../changes/documentChange';
/** Where a kept version came from: a save in the app, a restore of an earlier one, or the file as found on disk (initial data, QGIS, a text editor). */
export type VersionOrigin = 'save' | 'restore' | 'disk';

/** What the server's version list says about one version without loading it. */
export interface VersionSummary {
  added: number;
  removed: number;
  changed: number;
  totalAreaDeltaSquareMeters: number;
  origin: VersionOrigin;
  restoredFrom?: string;
}

/** One kept version of a layer (GET /api/layers/:id/versions), newest first in a list. */
export interface LayerVersion {
  version: string;
  /** ISO 8601. */
  time: string;
  /** Null for a version that did not come through the app. */
  user: string | null;
  current: boolean;
  summary: VersionSummary;
}

/** A project a save added, removed or changed; its name as the save left it (null in records older than names). */
export interface ChangedProject {
  id: string;
  name: string | null;
  change: 'added' | 'removed' | 'changed';
}

/** The part of a save's audit record (GET /api/audit) the history shows beside its version. */
export interface VersionAuditRecord {
  /** ISO 8601; the same instant as the version it produced. */
  time: string;
  user: string;
  action: 'save' | 'restore';
  /** The version the save replaced. */
  fromVersion: string | null;
  toVersion: string;
  /** Added first, then removed, then changed, each in the order of the save's diff. */
  projects: ChangedProject[];
  totalAreaDeltaSquareMeters: number;
  totalLengthDeltaMeters: number;
  statusRegressionCount: number;
  /** A document's save (layers.json): what changed, in words. */
  changes?: DocumentChange[];
}
