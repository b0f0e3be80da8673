import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLayer } from '../../data/parseGeodata';
import { diffLayers } from '../../domain/changes/layerDiff';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import { AuditLog } from './auditLog';
import { capAuditRecord } from './capAuditRecord';
import { commitSave } from './commitSave';
import { contentVersionOf } from './contentVersion';
import { layerFilePath } from './geodataCatalog';
import { KeyedMutex } from './keyedMutex';
import type { DocumentSaveOutcome, DocumentSaveRequest, LayerSnapshot, PlanStore, SaveOutcome, SaveRequest, StartupReport } from './planStore';
import type { AuditPage, AuditPageQuery } from './readAuditPage';
import { recoverInterruptedSave, type RecoveredSave } from './recoverInterruptedSave';
import type { SaveStepHook } from './saveSteps';
import type { StateLayout } from './stateLayout';
import { DOCUMENT_CONTENT_EXTENSION, isDocumentFile, type DocumentFile } from './storedDocuments';
import { readStoredFile, storedFileOf, type StoredFile } from './storedFile';
import type { StoredVersion } from './versionHistory';
import { removeStaleTempFiles } from './writeFileAtomically';

export interface LayerStoreOptions {
  geodataDirectory: string;
  layout: StateLayout;
  keepVersions: number;
  /** Called after every successful save, with the layer's (or the document's file name) and its new version. */
  onSaved: (key: string, version: string) => void;
  /** Called as a save passes each step (crash tests kill the process there). */
  onStep?: SaveStepHook;
}

/** Layer ids are manifest slugs; a folder under versions/ with another name is not a layer's. */
const LAYER_ID = /^[a-z][a-z0-9-]*$/;

/**
 * The file store: the GeoJSON files in geodata/ are the layers, layers.json the plan; the state
 * folder holds the audit log and the kept versions. Every save runs inside a per-file lock and
 * compares the client's version with the hash of the file as it is on disk at that moment, so
 * neither another client's save nor an edit made in QGIS is overwritten unseen. Layers and
 * documents go through one save sequence (commitSave); its order, and what a restart does after
 * a crash between any two of its writes, is in docs/save-sequence.md.
 */
export class LayerStore implements PlanStore {
  private readonly audit: AuditLog;
  private readonly locks = new KeyedMutex();

  constructor(private readonly options: LayerStoreOptions) {
    this.audit = new AuditLog(options.layout.auditFile);
  }

  async prepare(): Promise<StartupReport> {
    const { layout, geodataDirectory } = this.options;
    await mkdir(layout.versionsDirectory, { recursive: true, mode: 0o700 });
    const tornAudit = await this.audit.prepare();
    const removedTempFiles = [...(await removeStaleTempFiles(geodataDirectory)), ...(await removeStaleTempFiles(layout.directory))];
    const recoveredSaves: RecoveredSave[] = [];
    const removedVersionFiles: string[] = [];
    for (const key of await readdir(layout.versionsDirectory).catch(() => [] as string[])) {
      const file = isDocumentFile(key) ? this.documentFile(key) : LAYER_ID.test(key) ? this.layerFile(key) : undefined;
      if (!file) continue;
      removedTempFiles.push(...(await removeStaleTempFiles(file.history.directory)));
      const { recovered, removedFiles } = await this.locks.run(key, () => this.recover(file));
      if (recovered) recoveredSaves.push(recovered);
      removedVersionFiles.push(...removedFiles);
    }
    return { removedTempFiles, tornAudit, recoveredSaves, removedVersionFiles };
  }

  read(definition: LayerDefinition): Promise<LayerSnapshot | null> {
    return readStoredFile(this.layerFile(definition.id));
  }

  versions(definition: LayerDefinition): Promise<StoredVersion[]> {
    return this.layerFile(definition.id).history.list();
  }

  versionBytes(definition: LayerDefinition, version: string): Promise<Buffer | null> {
    return this.layerFile(definition.id).history.read(version);
  }

  readDocument(document: DocumentFile): Promise<LayerSnapshot | null> {
    return readStoredFile(this.documentFile(document));
  }

  documentVersions(document: DocumentFile): Promise<StoredVersion[]> {
    return this.documentFile(document).history.list();
  }

  documentVersionBytes(document: DocumentFile, version: string): Promise<Buffer | null> {
    return this.documentFile(document).history.read(version);
  }

  auditPage(query: AuditPageQuery): Promise<AuditPage> {
    return this.audit.page(query);
  }

  async save(request: SaveRequest): Promise<SaveOutcome> {
    const { definition } = request;
    const file = this.layerFile(definition.id);
    return this.locks.run(file.key, async () => {
      const { current, version, refused } = await this.precondition(file, request);
      if (refused) return refused;

      const before = parseOrNull(current.bytes, definition.id);
      const beforeCollection = before ?? { type: 'FeatureCollection', features: [] };
      // Before any confirmation: an editor is not asked to confirm a save that would be refused.
      const forbidden = request.authorize?.(beforeCollection);
      if (forbidden) return { kind: 'forbidden', features: forbidden, currentVersion: current.version };
      if (request.collection.features.length === 0 && beforeCollection.features.length > 0 && !request.confirmEmpty)
        return { kind: 'empty-needs-confirmation', currentVersion: current.version };
      const unconfirmed = request.needsConfirmation?.(beforeCollection);
      if (unconfirmed) return { kind: 'needs-confirmation', currentVersion: current.version, ...unconfirmed };

      const diff = diffLayers(definition, beforeCollection, request.collection);
      const record = capAuditRecord({
        ...this.recordHead(file.key, request.user, current.version, version, request.restoredFrom),
        ...(before ? {} : { previousUnreadable: true }),
        ...diff,
      });
      await commitSave({
        file,
        current,
        bytes: request.bytes,
        record,
        summary: {
          added: record.added.length + (record.omitted?.added ?? 0),
          removed: record.removed.length + (record.omitted?.removed ?? 0),
          changed: record.changed.length + (record.omitted?.changed ?? 0),
          totalAreaDeltaSquareMeters: record.totalAreaDeltaSquareMeters,
          ...originOf(request.restoredFrom),
        },
        audit: this.audit,
        step: this.options.onStep ?? (() => undefined),
      });
      this.options.onSaved(definition.id, version);
      return { kind: 'saved', version, record };
    });
  }

  async saveDocument(request: DocumentSaveRequest): Promise<DocumentSaveOutcome> {
    const file = this.documentFile(request.document);
    return this.locks.run(file.key, async () => {
      const { current, version, refused } = await this.precondition(file, request);
      if (refused) return refused;
      const checked = request.check(current.bytes);
      if ('problems' in checked) return { kind: 'invalid', problems: checked.problems, currentVersion: current.version };
      const record = {
        ...this.recordHead(file.key, request.user, current.version, version, request.restoredFrom),
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
      await commitSave({
        file,
        current,
        bytes: request.bytes,
        record,
        summary: { added: 0, removed: 0, changed: checked.changes.length, totalAreaDeltaSquareMeters: 0, ...originOf(request.restoredFrom) },
        audit: this.audit,
        step: this.options.onStep ?? (() => undefined),
      });
      this.options.onSaved(file.key, version);
      return { kind: 'saved', version, record };
    });
  }

  /**
   * The live file and the save's version, or why the save stops here: it is stored already, or
   * the file is no longer the version the client edited. A save a crash or a failed step left
   * unfinished is settled first, so its history comes before this one's.
   */
  private async precondition(file: StoredFile, request: { bytes: Buffer; expectedVersions: readonly string[] }): Promise<
    | { current: LayerSnapshot; version: string; refused?: undefined }
    | { current?: undefined; version?: undefined; refused: { kind: 'unchanged'; version: string } | { kind: 'stale'; currentVersion: string | null } }
  > {
    const { recovered } = await this.recover(file);
    if (recovered) console.error(`已处理中断的保存 / settled an interrupted save: ${JSON.stringify(recovered)}`);
    const current = await readStoredFile(file);
    const version = contentVersionOf(request.bytes);
    // Checked before the version: a client retrying a save whose answer it never got must not see a conflict.
    if (current?.version === version) return { refused: { kind: 'unchanged', version } };
    if (!current || !request.expectedVersions.includes(current.version)) return { refused: { kind: 'stale', currentVersion: current?.version ?? null } };
    return { current, version };
  }

  private recordHead(key: string, user: string, fromVersion: string, toVersion: string, restoredFrom: string | undefined) {
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

  private recover(file: StoredFile): ReturnType<typeof recoverInterruptedSave> {
    return recoverInterruptedSave({ layer: file.key, history: file.history, audit: this.audit, readLive: () => readStoredFile(file) });
  }

  private layerFile(layer: string): StoredFile {
    const { geodataDirectory, layout, keepVersions } = this.options;
    return storedFileOf(layer, layerFilePath(geodataDirectory, { id: layer }), layout.versionsDirectory, keepVersions, 'geojson');
  }

  private documentFile(document: DocumentFile): StoredFile {
    const { geodataDirectory, layout, keepVersions } = this.options;
    return storedFileOf(document, join(geodataDirectory, document), layout.versionsDirectory, keepVersions, DOCUMENT_CONTENT_EXTENSION);
  }
}

function originOf(restoredFrom: string | undefined): Pick<StoredVersion['summary'], 'origin' | 'restoredFrom'> {
  return restoredFrom ? { origin: 'restore', restoredFrom } : { origin: 'save' };
}

/** A file broken on disk (by hand) is still replaceable; its features then cannot be diffed. */
function parseOrNull(bytes: Buffer, layerId: string): PlanFeatureCollection | null {
  try {
    return parseLayer(bytes.toString('utf8').replace(/^\uFEFF/, ''), `${layerId}.geojson`);
  } catch {
    return null;
  }
}
