import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { AuditLog } from './auditLog';
import { commitSave } from './commitSave';
import { decideDocumentSave, decideLayerSave, type AcceptedSave } from './saveDecision';
import { layerFilePath } from './geodataCatalog';
import { KeyedMutex } from './keyedMutex';
import type { DocumentSaveOutcome, DocumentSaveRequest, LayerSnapshot, PlanStore, SaveOutcome, SaveRequest, StartupReport, StoredProject } from './planStore';
import { projectVersionOf, rawProjectsOf } from '../../data/projectVersion';
import type { AuditPage, AuditPageQuery } from './readAuditPage';
import { recoverInterruptedSave, type RecoveredSave } from './recoverInterruptedSave';
import type { SaveStepHook } from './saveSteps';
import type { StateLayout } from './stateLayout';
import { DOCUMENT_CONTENT_EXTENSION, isDocumentFile, type DocumentFile } from '../../data/storedDocuments';
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

  async liveVersion(definition: LayerDefinition): Promise<string | null> {
    return (await this.read(definition))?.version ?? null;
  }

  async readProject(definition: LayerDefinition, projectId: string): Promise<StoredProject | null> {
    const snapshot = await this.read(definition);
    const project = snapshot ? rawProjectsOf(snapshot.bytes).find((candidate) => candidate.id === projectId) : undefined;
    return project ? { feature: project, version: projectVersionOf(project) } : null;
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
    const file = this.layerFile(request.definition.id);
    return this.locks.run(file.key, async () => {
      const decision = await decideLayerSave(request, await this.settledLive(file), (version) => file.history.read(version));
      if ('refused' in decision) return decision.refused;
      const { accepted, before } = decision;
      await this.commit(file, before, accepted);
      this.options.onSaved(request.definition.id, accepted.version);
      return { kind: 'saved', version: accepted.version, record: accepted.record };
    });
  }

  async saveDocument(request: DocumentSaveRequest): Promise<DocumentSaveOutcome> {
    const file = this.documentFile(request.document);
    return this.locks.run(file.key, async () => {
      const current = await this.settledLive(file);
      const decision = decideDocumentSave(request, current);
      if ('refused' in decision || !current) return 'refused' in decision ? decision.refused : { kind: 'stale', currentVersion: null };
      await this.commit(file, current, decision.accepted);
      this.options.onSaved(file.key, decision.accepted.version);
      return { kind: 'saved', version: decision.accepted.version, record: decision.accepted.record };
    });
  }

  private commit(file: StoredFile, current: LayerSnapshot, { bytes, record, summary }: AcceptedSave): Promise<void> {
    return commitSave({ file, current, bytes, record, summary, audit: this.audit, step: this.options.onStep ?? (() => undefined) });
  }

  /**
   * The live file, once a save a crash or a failed step left unfinished is settled, so its
   * history comes before this one's.
   */
  private async settledLive(file: StoredFile): Promise<LayerSnapshot | null> {
    const { recovered } = await this.recover(file);
    if (recovered) console.error(`已处理中断的保存 / settled an interrupted save: ${JSON.stringify(recovered)}`);
    return readStoredFile(file);
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
