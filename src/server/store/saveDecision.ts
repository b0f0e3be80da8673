import { randomBytes } from 'node:crypto';
import { parseLayer } from '../../data/parseGeodata';
import { diffLayers } from '../../domain/changes/layerDiff';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { AuditRecord } from './auditRecord';
import { capAuditRecord } from './capAuditRecord';
import { contentVersionOf } from '../../data/contentVersion';
import type { DocumentSaveOutcome, DocumentSaveRequest, LayerSnapshot, SaveOutcome, SaveRequest } from './planStore';
import type { VersionSummary } from './versionHistory';

/** A save that passed every check: what to store and how to record it. */
export interface AcceptedSave {
  version: string;
  record: AuditRecord;
  summary: VersionSummary;
}

type Refusal<Outcome> = Exclude<Outcome, { kind: 'saved' }>;

/**
 * Whether a save goes ahead against the live content, decided under the store's lock, by the same
 * rules in every store: stored already, stale, needs a confirmation, or accepted with its audit
 * record and version summary.
 */
export function decideLayerSave(request: SaveRequest, current: LayerSnapshot | null): { accepted: AcceptedSave; before: LayerSnapshot } | { refused: Refusal<SaveOutcome> } {
  const { definition } = request;
  const version = contentVersionOf(request.bytes);
  const refusal = preconditionRefusal(request.expectedVersions, current, version);
  if (refusal || !current) return { refused: refusal ?? { kind: 'stale', currentVersion: null } };

  const before = parseOrNull(current.bytes, definition.id);
  const beforeCollection = before ?? { type: 'FeatureCollection', features: [] };
  // Before any confirmation: an editor is not asked to confirm a save that would be refused.
  const forbidden = request.authorize?.(beforeCollection);
  if (forbidden) return { refused: { kind: 'forbidden', features: forbidden, currentVersion: current.version } };
  if (request.collection.features.length === 0 && beforeCollection.features.length > 0 && !request.confirmEmpty)
    return { refused: { kind: 'empty-needs-confirmation', currentVersion: current.version } };
  const unconfirmed = request.needsConfirmation?.(beforeCollection);
  if (unconfirmed) return { refused: { kind: 'needs-confirmation', currentVersion: current.version, ...unconfirmed } };

  const diff = diffLayers(definition, beforeCollection, request.collection);
  const record = capAuditRecord({
    ...recordHead(definition.id, request.user, current.version, version, request.restoredFrom),
    ...(before ? {} : { previousUnreadable: true }),
    ...diff,
  });
  const summary: VersionSummary = {
    added: record.added.length + (record.omitted?.added ?? 0),
    removed: record.removed.length + (record.omitted?.removed ?? 0),
    changed: record.changed.length + (record.omitted?.changed ?? 0),
    totalAreaDeltaSquareMeters: record.totalAreaDeltaSquareMeters,
    ...originOf(request.restoredFrom),
  };
  return { accepted: { version, record, summary }, before: current };
}

/** The same for a document of the plan, checked by its own rules. */
export function decideDocumentSave(request: DocumentSaveRequest, current: LayerSnapshot | null): { accepted: AcceptedSave } | { refused: Refusal<DocumentSaveOutcome> } {
  const version = contentVersionOf(request.bytes);
  const refusal = preconditionRefusal(request.expectedVersions, current, version);
  if (refusal || !current) return { refused: refusal ?? { kind: 'stale', currentVersion: null } };
  const checked = request.check(current.bytes);
  if ('problems' in checked) return { refused: { kind: 'invalid', problems: checked.problems, currentVersion: current.version } };
  const record: AuditRecord = {
    ...recordHead(request.document, request.user, current.version, version, request.restoredFrom),
    added: [],
    removed: [],
    changed: [],
    areaDeltaSquareMetersById: {},
    totalAreaDeltaSquareMeters: 0,
    totalLengthDeltaMeters: 0,
    statusRegressions: [],
    namesById: {},
    changes: checked.changes,
  };
  return {
    accepted: { version, record, summary: { added: 0, removed: 0, changed: checked.changes.length, totalAreaDeltaSquareMeters: 0, ...originOf(request.restoredFrom) } },
  };
}

/** What a version found live but never kept (the first save, or an edit outside the app) is kept as. */
export const FOUND_VERSION_SUMMARY: VersionSummary = { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin: 'disk' };

function preconditionRefusal(
  expectedVersions: readonly string[],
  current: LayerSnapshot | null,
  version: string,
): { kind: 'unchanged'; version: string } | { kind: 'stale'; currentVersion: string | null } | null {
  // Checked before the version: a client retrying a save whose answer it never got must not see a conflict.
  if (current?.version === version) return { kind: 'unchanged', version };
  if (!current || !expectedVersions.includes(current.version)) return { kind: 'stale', currentVersion: current?.version ?? null };
  return null;
}

function recordHead(key: string, user: string, fromVersion: string, toVersion: string, restoredFrom: string | undefined) {
  return {
    time: new Date().toISOString(),
    user,
    layer: key,
    action: restoredFrom ? ('restore' as const) : ('save' as const),
    fromVersion,
    toVersion,
    id: randomBytes(12).toString('hex'),
    ...(restoredFrom ? { restoredFrom } : {}),
  };
}

function originOf(restoredFrom: string | undefined): Pick<VersionSummary, 'origin' | 'restoredFrom'> {
  return restoredFrom ? { origin: 'restore', restoredFrom } : { origin: 'save' };
}

/** A layer broken by hand is still replaceable; its features then cannot be diffed. */
function parseOrNull(bytes: Buffer, layerId: string): PlanFeatureCollection | null {
  try {
    return parseLayer(bytes.toString('utf8').replace(/^\uFEFF/, ''), `${layerId}.geojson`);
  } catch {
    return null;
  }
}
