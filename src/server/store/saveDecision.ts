import { parseLayer } from '../../data/parseGeodata';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import { mergeProjectEdits, type ProjectConflict, type RawProject } from '../../domain/changes/mergeProjectEdits';
import { featureCollectionText } from '../../data/featureCollectionText';
import { projectVersionOf, rawProjectsOf } from '../../data/projectVersion';
import type { AuditRecord } from './auditRecord';
import { contentVersionOf } from '../../data/contentVersion';
import type { DocumentSaveOutcome, DocumentSaveRequest, LayerSnapshot, ProjectConflictVersions, ProjectContent, SaveOutcome, SaveRequest, WholeLayerContent } from './planStore';
import type { VersionSummary } from './versionHistory';
import { judgeLayerChange } from './judgeLayerChange';
import { projectName, projectSaveRefusal } from './projectSaveRefusal';
import { saveOrigin, saveRecordHead } from './saveRecordHead';

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

type Composed = { after: { bytes: Buffer; collection: PlanFeatureCollection; version: string }; basedOn?: string } | { refused: Refusal<SaveOutcome> };

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
  if (!current) return { refused: { kind: 'stale', currentVersion: null } };
  const composed = request.content.kind === 'layer' ? await wholeLayer(request, request.content, current, readKept) : withProject(request, request.content, current);
  if ('refused' in composed) return composed;
  const { after, basedOn } = composed;

  const before = parseOrNull(current.bytes, definition.id);
  const beforeCollection = before ?? { type: 'FeatureCollection', features: [] };
  const judged = judgeLayerChange(request, {
    before: beforeCollection,
    after: after.collection,
    countBefore: beforeCollection.features.length,
    countAfter: after.collection.features.length,
    fromVersion: current.version,
    toVersion: after.version,
    ...(basedOn ? { basedOn } : {}),
    previousUnreadable: !before,
  });
  if ('refused' in judged) return judged;
  return { accepted: { version: after.version, bytes: after.bytes, ...judged }, before: current };
}

/** The layer the client sent, if it edited the live version; merged onto it by project when it asked; else why not. */
async function wholeLayer(request: SaveRequest, content: WholeLayerContent, current: LayerSnapshot, readKept: ReadKeptVersion): Promise<Composed> {
  const version = contentVersionOf(content.bytes);
  const refusal = preconditionRefusal(content.expectedVersions, current, version);
  if (!refusal) return { after: { bytes: content.bytes, collection: content.collection, version } };
  if (refusal.kind === 'unchanged' || !content.mergeByProject) return { refused: refusal };
  for (const basedOn of content.expectedVersions) {
    const base = await readKept(basedOn);
    if (!base) continue;
    const result = mergeProjectEdits(rawProjectsOf(base), rawProjectsOf(content.bytes), rawProjectsOf(current.bytes), sameJson);
    if ('conflicts' in result) return { refused: { kind: 'stale', currentVersion: current.version, conflicts: result.conflicts.map(conflictVersions) } };
    const composed = revalidated(request, result.merged, current);
    return 'after' in composed ? { ...composed, basedOn } : composed;
  }
  // The version it edited is no longer kept: there is nothing to merge from.
  return { refused: refusal };
}

/** The live layer with one project put in, changed or removed, if that project is still the version the client edited. */
function withProject(request: SaveRequest, content: ProjectContent, current: LayerSnapshot): Composed {
  const live = rawProjectsOf(current.bytes);
  const index = live.findIndex((project) => project.id === content.projectId);
  const existing = live[index];
  const refusal = projectSaveRefusal(content, existing ? { version: projectVersionOf(existing), name: projectName(existing) } : null, current.version);
  if (refusal) return { refused: refusal };
  const projects = existing ? [...live.slice(0, index), ...(content.project ? [content.project] : []), ...live.slice(index + 1)] : [...live, ...(content.project ? [content.project] : [])];
  return revalidated(request, projects, current);
}

function revalidated(request: SaveRequest, projects: readonly RawProject[], current: LayerSnapshot): Composed {
  const checked = request.revalidate(Buffer.from(featureCollectionText(projects)));
  if ('problems' in checked) return { refused: { kind: 'composed-invalid', problems: checked.problems, currentVersion: current.version } };
  const version = contentVersionOf(checked.bytes);
  if (version === current.version) return { refused: { kind: 'unchanged', version } };
  return { after: { ...checked, version } };
}

function conflictVersions({ id, mine, theirs }: ProjectConflict): ProjectConflictVersions {
  return { id, name: projectName(mine) ?? projectName(theirs), yourVersion: mine ? projectVersionOf(mine) : null, currentVersion: theirs ? projectVersionOf(theirs) : null };
}

const sameJson = (a: RawProject, b: RawProject): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The same for a document of the plan, checked by its own rules. */
export function decideDocumentSave(request: DocumentSaveRequest, current: LayerSnapshot | null): { accepted: AcceptedSave } | { refused: Refusal<DocumentSaveOutcome> } {
  const version = contentVersionOf(request.bytes);
  const refusal = preconditionRefusal(request.expectedVersions, current, version);
  if (refusal || !current) return { refused: refusal ?? { kind: 'stale', currentVersion: null } };
  const checked = request.check(current.bytes);
  if ('problems' in checked) return { refused: { kind: 'invalid', problems: checked.problems, currentVersion: current.version } };
  const record: AuditRecord = {
    ...saveRecordHead(request.document, request.user, current.version, version, request.restoredFrom),
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
    accepted: { version, bytes: request.bytes, record, summary: { added: 0, removed: 0, changed: checked.changes.length, totalAreaDeltaSquareMeters: 0, ...saveOrigin(request.restoredFrom) } },
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

/** A layer broken by hand is still replaceable; its features then cannot be diffed. */
function parseOrNull(bytes: Buffer, layerId: string): PlanFeatureCollection | null {
  try {
    return parseLayer(bytes.toString('utf8').replace(/^\uFEFF/, ''), `${layerId}.geojson`);
  } catch {
    return null;
  }
}
