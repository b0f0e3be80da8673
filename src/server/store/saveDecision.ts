import { randomBytes } from 'node:crypto';
import { parseLayer } from '../../data/parseGeodata';
import { diffLayers } from '../../domain/changes/layerDiff';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import { mergeProjectEdits, type RawProject } from '../../domain/changes/mergeProjectEdits';
import { featureCollectionText } from '../../data/featureCollectionText';
import { projectVersionOf, rawProjectsOf } from '../../data/projectVersion';
import type { AuditRecord } from './auditRecord';
import { capAuditRecord } from './capAuditRecord';
import { contentVersionOf } from '../../data/contentVersion';
import type { DocumentSaveOutcome, DocumentSaveRequest, LayerSnapshot, SaveOutcome, SaveRequest } from './planStore';
import type { VersionSummary } from './versionHistory';

/** A save that passed every check: what to store and how to record it. */
export interface AcceptedSave {
  version: string;
  /** The bytes to store: the request's, or the layer merged by project. */
  bytes: Buffer;
  record: AuditRecord;
  summary: VersionSummary;
}

type Refusal<Outcome> = Exclude<Outcome, { kind: 'saved' }>;

/** A kept version's bytes, or null when the store no longer keeps it. */
export type ReadKeptVersion = (version: string) => Promise<Buffer | null>;

/**
 * Whether a save goes ahead against the live content, decided under the store's lock, by the same
 * rules in every store: stored already, stale (or merged by project onto the live layer, when the
 * client asked and nobody changed the same projects), refused by the editor's scope, needs a
 * confirmation, or accepted with its audit record and version summary.
 */
export async function decideLayerSave(
  request: SaveRequest,
  current: LayerSnapshot | null,
  readKept: ReadKeptVersion,
): Promise<{ accepted: AcceptedSave; before: LayerSnapshot } | { refused: Refusal<SaveOutcome> }> {
  const { definition } = request;
  const requested = contentVersionOf(request.bytes);
  const refusal = preconditionRefusal(request.expectedVersions, current, requested);
  if (!current) return { refused: refusal ?? { kind: 'stale', currentVersion: null } };
  let after = { bytes: request.bytes, collection: request.collection, version: requested };
  let basedOn: string | undefined;
  if (refusal?.kind === 'unchanged') return { refused: refusal };
  if (refusal) {
    const merged = request.mergeByProject ? await mergedOntoLive(request, current, readKept) : null;
    if (!merged) return { refused: refusal };
    if ('refused' in merged) return merged;
    ({ after, basedOn } = merged);
    if (after.version === current.version) return { refused: { kind: 'unchanged', version: current.version } };
  }

  const before = parseOrNull(current.bytes, definition.id);
  const beforeCollection = before ?? { type: 'FeatureCollection', features: [] };
  // Before any confirmation: an editor is not asked to confirm a save that would be refused.
  const forbidden = request.authorize?.(beforeCollection, after.collection);
  if (forbidden) return { refused: { kind: 'forbidden', features: forbidden, currentVersion: current.version } };
  if (after.collection.features.length === 0 && beforeCollection.features.length > 0 && !request.confirmEmpty)
    return { refused: { kind: 'empty-needs-confirmation', currentVersion: current.version } };
  const unconfirmed = request.needsConfirmation?.(beforeCollection, after.collection);
  if (unconfirmed) return { refused: { kind: 'needs-confirmation', currentVersion: current.version, ...unconfirmed } };

  const diff = diffLayers(definition, beforeCollection, after.collection);
  const record = capAuditRecord({
    ...recordHead(definition.id, request.user, current.version, after.version, request.restoredFrom),
    ...(basedOn ? { basedOn } : {}),
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
  return { accepted: { version: after.version, bytes: after.bytes, record, summary }, before: current };
}

/**
 * The client's changes since the kept version it edited, applied to the live layer by project
 * (mergeProjectEdits), validated again; or the projects both changed; or null when the version
 * it edited is no longer kept, so there is nothing to merge from.
 */
async function mergedOntoLive(
  request: SaveRequest,
  current: LayerSnapshot,
  readKept: ReadKeptVersion,
): Promise<{ after: { bytes: Buffer; collection: PlanFeatureCollection; version: string }; basedOn: string } | { refused: Refusal<SaveOutcome> } | null> {
  const revalidate = request.mergeByProject?.revalidate;
  if (!revalidate) return null;
  for (const basedOn of request.expectedVersions) {
    const base = await readKept(basedOn);
    if (!base) continue;
    const result = mergeProjectEdits(rawProjectsOf(base), rawProjectsOf(request.bytes), rawProjectsOf(current.bytes), sameJson);
    if ('conflicts' in result) {
      const conflicts = result.conflicts.map(({ id, mine, theirs }) => ({
        id,
        name: nameOf(mine) ?? nameOf(theirs),
        yourVersion: mine ? projectVersionOf(mine) : null,
        currentVersion: theirs ? projectVersionOf(theirs) : null,
      }));
      return { refused: { kind: 'stale', currentVersion: current.version, conflicts } };
    }
    const checked = revalidate(Buffer.from(featureCollectionText(result.merged)));
    if ('problems' in checked) return { refused: { kind: 'merge-invalid', problems: checked.problems, currentVersion: current.version } };
    return { after: { ...checked, version: contentVersionOf(checked.bytes) }, basedOn };
  }
  return null;
}

const sameJson = (a: RawProject, b: RawProject): boolean => JSON.stringify(a) === JSON.stringify(b);

function nameOf(project: RawProject | null): string | null {
  const name = (project?.properties as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : null;
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
    accepted: { version, bytes: request.bytes, record, summary: { added: 0, removed: 0, changed: checked.changes.length, totalAreaDeltaSquareMeters: 0, ...originOf(request.restoredFrom) } },
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
