import type { DocumentChange } from '../domain/changes/documentChange';
import type { ChangedProject, LayerVersion, VersionAuditRecord, VersionOrigin } from '../domain/versions/layerVersion';
import { isRecord } from '../domain/isRecord';


function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

const ORIGINS: readonly VersionOrigin[] = ['save', 'restore', 'disk'];

function versionOf(value: unknown): LayerVersion | undefined {
  if (!isRecord(value) || typeof value.version !== 'string' || typeof value.time !== 'string') return undefined;
  const summary = isRecord(value.summary) ? value.summary : {};
  const origin = ORIGINS.find((candidate) => candidate === summary.origin) ?? 'save';
  return {
    version: value.version,
    time: value.time,
    user: typeof value.user === 'string' ? value.user : null,
    current: value.current === true,
    summary: {
      added: finiteOr(summary.added, 0),
      removed: finiteOr(summary.removed, 0),
      changed: finiteOr(summary.changed, 0),
      totalAreaDeltaSquareMeters: finiteOr(summary.totalAreaDeltaSquareMeters, 0),
      origin,
      ...(typeof summary.restoredFrom === 'string' ? { restoredFrom: summary.restoredFrom } : {}),
    },
  };
}

/** The body of GET /api/layers/:id/versions: entries that do not have the expected shape are left out. */
export function parseVersionList(body: unknown): LayerVersion[] {
  const list = isRecord(body) && Array.isArray(body.versions) ? body.versions : [];
  return list.flatMap((entry) => {
    const version = versionOf(entry);
    return version ? [version] : [];
  });
}

function idsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const id: unknown = isRecord(item) ? item.id : item;
    return typeof id === 'string' ? [id] : [];
  });
}

/** The projects a record's diff lists, named by its `namesById` where it has one. */
function changedProjects(record: Record<string, unknown>): ChangedProject[] {
  const names = isRecord(record.namesById) ? record.namesById : {};
  const nameOf = (id: string) => {
    const name = Object.hasOwn(names, id) ? names[id] : undefined;
    return typeof name === 'string' ? name : null;
  };
  return (['added', 'removed', 'changed'] as const).flatMap((change) => idsOf(record[change]).map((id) => ({ id, name: nameOf(id), change })));
}

/** A document record's changes in words; entries without both languages are left out. */
function documentChangesOf(list: unknown[]): DocumentChange[] {
  return list.flatMap((change) => {
    if (!isRecord(change) || !isRecord(change.text)) return [];
    const { zh, en } = change.text;
    return typeof zh === 'string' && typeof en === 'string' ? [{ path: typeof change.path === 'string' ? change.path : '', text: { zh, en } }] : [];
  });
}

/** The body of GET /api/audit: what the history shows of each record. */
export function parseAuditRecords(body: unknown): VersionAuditRecord[] {
  const list = isRecord(body) && Array.isArray(body.records) ? body.records : [];
  return list.flatMap((record) => {
    if (!isRecord(record) || typeof record.time !== 'string' || typeof record.toVersion !== 'string') return [];
    return [{
      time: record.time,
      user: typeof record.user === 'string' ? record.user : '',
      action: record.action === 'restore' ? 'restore' : 'save',
      fromVersion: typeof record.fromVersion === 'string' ? record.fromVersion : null,
      toVersion: record.toVersion,
      projects: changedProjects(record),
      totalAreaDeltaSquareMeters: finiteOr(record.totalAreaDeltaSquareMeters, 0),
      totalLengthDeltaMeters: finiteOr(record.totalLengthDeltaMeters, 0),
      statusRegressionCount: Array.isArray(record.statusRegressions) ? record.statusRegressions.length : 0,
      ...(Array.isArray(record.changes) ? { changes: documentChangesOf(record.changes) } : {}),
    } satisfies VersionAuditRecord];
  });
}

/** One page of GET /api/audit: its records and the cursor of the next, older page (null at the start of the log). */
export interface AuditRecordPage {
  records: VersionAuditRecord[];
  next: string | null;
}

export function parseAuditPage(body: unknown): AuditRecordPage {
  return { records: parseAuditRecords(body), next: isRecord(body) && typeof body.next === 'string' ? body.next : null };
}

/** The body of GET /api/layers: each layer's current version, or null when its file is missing. */
export function parseLayerVersions(body: unknown): { layer: string; version: string | null }[] {
  const list = isRecord(body) && Array.isArray(body.layers) ? body.layers : [];
  return list.flatMap((layer) => (isRecord(layer) && typeof layer.id === 'string'
    ? [{ layer: layer.id, version: typeof layer.version === 'string' ? layer.version : null }]
    : []));
}
