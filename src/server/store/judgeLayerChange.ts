import { diffLayers } from '../../domain/changes/layerDiff';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { AuditRecord } from './auditRecord';
import { capAuditRecord } from './capAuditRecord';
import type { SaveOutcome, SaveRequest } from './planStore';
import { saveOrigin, saveRecordHead } from './saveRecordHead';
import type { VersionSummary } from './versionHistory';

/**
 * A layer's change as the shared rules judge it: the projects it touches before and after (the
 * whole layer, or only the one project a one-row save changes), and what the layer holds around them.
 */
export interface LayerChange {
  before: PlanFeatureCollection;
  after: PlanFeatureCollection;
  /** The layer's projects before and after the save, however many of them the collections hold. */
  countBefore: number;
  countAfter: number;
  /** The projects the collections leave out, by their totals (a one-row save); undefined when they hold the whole layer. */
  rest?: LayerRest;
  fromVersion: string;
  toVersion: string;
  basedOn?: string;
  previousUnreadable?: boolean;
}

/** The projects of a layer a save leaves as they are, by their count and measures. */
export interface LayerRest {
  count: number;
  areaSquareMeters: number;
  lengthMeters: number;
}

/**
 * The rules every layer save passes once its content is known, the same for a whole layer and
 * one project: the editor's scope, emptying the layer, the plausibility of its figures; then its
 * audit record and version summary.
 */
export function judgeLayerChange(request: SaveRequest, change: LayerChange): { record: AuditRecord; summary: VersionSummary } | { refused: Exclude<SaveOutcome, { kind: 'saved' }> } {
  const { definition } = request;
  // Before any confirmation: an editor is not asked to confirm a save that would be refused.
  const forbidden = request.authorize?.(change.before, change.after);
  if (forbidden) return { refused: { kind: 'forbidden', features: forbidden, currentVersion: change.fromVersion } };
  if (change.countAfter === 0 && change.countBefore > 0 && !request.confirmEmpty) return { refused: { kind: 'empty-needs-confirmation', currentVersion: change.fromVersion } };
  const unconfirmed = request.needsConfirmation?.(change.before, change.after, change.rest);
  if (unconfirmed) return { refused: { kind: 'needs-confirmation', currentVersion: change.fromVersion, ...unconfirmed } };

  const diff = diffLayers(definition, change.before, change.after);
  const record = capAuditRecord({
    ...saveRecordHead(definition.id, request.user, change.fromVersion, change.toVersion, request.restoredFrom),
    ...(change.basedOn ? { basedOn: change.basedOn } : {}),
    ...(change.previousUnreadable ? { previousUnreadable: true } : {}),
    ...diff,
  });
  const summary: VersionSummary = {
    added: record.added.length + (record.omitted?.added ?? 0),
    removed: record.removed.length + (record.omitted?.removed ?? 0),
    changed: record.changed.length + (record.omitted?.changed ?? 0),
    totalAreaDeltaSquareMeters: record.totalAreaDeltaSquareMeters,
    ...saveOrigin(request.restoredFrom),
  };
  return { record, summary };
}
