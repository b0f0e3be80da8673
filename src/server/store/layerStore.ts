import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLayer } from '../../data/parseGeodata';
import { diffLayers } from '../../domain/changes/layerDiff';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import { AuditLog } from './auditLog';
import type { AuditRecord } from './auditRecord';
import { capAuditRecord } from './capAuditRecord';
import { contentVersionOf } from './contentVersion';
import { layerFilePath } from './geodataCatalog';
import { KeyedMutex } from './keyedMutex';
import { SaveNotUndoneError, type LayerSnapshot, type PlanStore, type SaveOutcome, type SaveRequest, type StartupReport } from './planStore';
import type { AuditPage, AuditPageQuery } from './readAuditPage';
import { recoverInterruptedSave, type RecoveredSave } from './recoverInterruptedSave';
import { removeSaveIntent, writeSaveIntent, type SaveIntent } from './saveIntent';
import type { SaveStepHook } from './saveSteps';
import type { StateLayout } from './stateLayout';
import { VersionHistory, type StoredVersion } from './versionHistory';
import { removeStaleTempFiles, writeFileAtomically } from './writeFileAtomically';

export interface LayerStoreOptions {
  geodataDirectory: string;
  layout: StateLayout;
  keepVersions: number;
  /** Called after every successful save, with the layer's new version. */
  onSaved: (layerId: string, version: string) => void;
  /** Called as a save passes each step (crash tests kill the process there). */
  onStep?: SaveStepHook;
}

/** Layer ids are manifest slugs; a folder under versions/ with another name is not a layer's. */
const LAYER_ID = /^[a-z][a-z0-9-]*$/;

/**
 * The file store: the GeoJSON files in geodata/ are the layers, the state folder holds the audit
 * log and the kept versions. Every save runs inside a per-layer lock and compares the client's
 * version with the hash of the file as it is on disk at that moment, so neither another client's
 * save nor an edit made in QGIS is overwritten unseen. The order of a save's writes, and what a
 * restart does after a crash between any two of them, is in docs/save-sequence.md.
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
    for (const layer of await readdir(layout.versionsDirectory).catch(() => [] as string[])) {
      if (!LAYER_ID.test(layer)) continue;
      removedTempFiles.push(...(await removeStaleTempFiles(join(layout.versionsDirectory, layer))));
      const { recovered, removedFiles } = await this.locks.run(layer, () => this.recover(layer));
      if (recovered) recoveredSaves.push(recovered);
      removedVersionFiles.push(...removedFiles);
    }
    return { removedTempFiles, tornAudit, recoveredSaves, removedVersionFiles };
  }

  async read(definition: LayerDefinition): Promise<LayerSnapshot | null> {
    return this.readLayer(definition.id);
  }

  versions(definition: LayerDefinition): Promise<StoredVersion[]> {
    return this.history(definition.id).list();
  }

  versionBytes(definition: LayerDefinition, version: string): Promise<Buffer | null> {
    return this.history(definition.id).read(version);
  }

  auditPage(query: AuditPageQuery): Promise<AuditPage> {
    return this.audit.page(query);
  }

  async save(request: SaveRequest): Promise<SaveOutcome> {
    const { definition } = request;
    return this.locks.run(definition.id, async () => {
      // A save a crash or a failed step left unfinished is settled first, so its history comes before this one's.
      const { recovered } = await this.recover(definition.id);
      if (recovered) console.error(`已处理中断的保存 / settled an interrupted save: ${JSON.stringify(recovered)}`);

      const current = await this.read(definition);
      const version = contentVersionOf(request.bytes);
      // Checked before the version: a client retrying a save whose answer it never got must not see a conflict.
      if (current?.version === version) return { kind: 'unchanged', version };
      if (!current || !request.expectedVersions.includes(current.version)) return { kind: 'stale', currentVersion: current?.version ?? null };

      const before = parseOrNull(current.bytes, definition.id);
      const beforeCollection = before ?? { type: 'FeatureCollection', features: [] };
      if (request.collection.features.length === 0 && beforeCollection.features.length > 0 && !request.confirmEmpty)
        return { kind: 'empty-needs-confirmation', currentVersion: current.version };
      const unconfirmed = request.needsConfirmation?.(beforeCollection);
      if (unconfirmed) return { kind: 'needs-confirmation', currentVersion: current.version, ...unconfirmed };

      const diff = diffLayers(definition, beforeCollection, request.collection);
      const time = new Date().toISOString();
      const record = capAuditRecord({
        time,
        user: request.user,
        layer: definition.id,
        action: request.restoredFrom ? 'restore' : 'save',
        fromVersion: current.version,
        toVersion: version,
        id: randomBytes(12).toString('hex'),
        ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
        ...(before ? {} : { previousUnreadable: true }),
        ...diff,
      });
      await this.commit(definition, current, request, record);
      this.options.onSaved(definition.id, version);
      return { kind: 'saved', version, record };
    });
  }

  /** The writes of a save that passed every check, in the order docs/save-sequence.md explains. */
  private async commit(definition: LayerDefinition, current: LayerSnapshot, request: SaveRequest, record: AuditRecord): Promise<void> {
    const step = this.options.onStep ?? (() => undefined);
    const history = this.history(definition.id);
    await history.prepare();
    // The live layer is kept first when it is not (the first save, or the file was edited on disk): it was live, so it is true history.
    if (!(await history.has(current.version))) {
      const modified = await stat(this.layerFile(definition.id)).catch(() => null);
      await history.add(current.bytes, {
        time: (modified?.mtime ?? new Date()).toISOString(),
        user: null,
        summary: { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin: 'disk' },
      });
      step('disk-version-kept');
    }

    const intent: SaveIntent = {
      record,
      version: {
        sequence: await history.nextSequence(),
        version: record.toVersion,
        time: record.time,
        user: record.user,
        sizeBytes: request.bytes.byteLength,
        summary: {
          added: record.added.length + (record.omitted?.added ?? 0),
          removed: record.removed.length + (record.omitted?.removed ?? 0),
          changed: record.changed.length + (record.omitted?.changed ?? 0),
          totalAreaDeltaSquareMeters: record.totalAreaDeltaSquareMeters,
          origin: request.restoredFrom ? 'restore' : 'save',
          ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
        },
      },
      auditOffset: await this.audit.length(),
    };
    const drop = async () => {
      await history.remove(intent.version.sequence).catch(() => undefined);
      await removeSaveIntent(history.directory).catch(() => undefined);
    };
    try {
      await history.writeContent(intent.version.sequence, request.bytes);
      step('new-content-written');
      await writeSaveIntent(history.directory, intent);
      step('intent-written');
      await writeFileAtomically(this.layerFile(definition.id), request.bytes, undefined, () => step('layer-temp-written'));
    } catch (error) {
      await drop();
      throw error;
    }
    step('layer-renamed');

    try {
      await this.audit.append(record);
    } catch (error) {
      // Not audited, so not saved: the old layer goes back, and the answer is the write's error.
      console.error(`审计记录写入失败，撤回保存 / could not append the audit record, undoing the save of ${definition.id}: ${error instanceof Error ? error.message : String(error)}`);
      try {
        await writeFileAtomically(this.layerFile(definition.id), current.bytes);
      } catch (undoError) {
        // The intent stays: the layer is the new one, so the next save or start records it.
        throw new SaveNotUndoneError(error, undoError);
      }
      await drop();
      throw error;
    }
    step('audit-appended');

    try {
      await history.publish(intent.version);
      step('version-listed');
      await removeSaveIntent(history.directory);
      step('intent-removed');
    } catch (error) {
      // The save is live and audited: the intent stays, and the next save or start lists the version.
      console.error(`版本条目写入失败，稍后补记 / could not list the new version yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private recover(layer: string): ReturnType<typeof recoverInterruptedSave> {
    return recoverInterruptedSave({ layer, history: this.history(layer), audit: this.audit, readLive: () => this.readLayer(layer) });
  }

  private history(layer: string): VersionHistory {
    return new VersionHistory(join(this.options.layout.versionsDirectory, layer), this.options.keepVersions);
  }

  private layerFile(layer: string): string {
    return layerFilePath(this.options.geodataDirectory, { id: layer });
  }

  /** The layer file as it is on disk now, or null when it is missing. */
  private async readLayer(layer: string): Promise<LayerSnapshot | null> {
    const bytes = await readFile(this.layerFile(layer)).catch(() => null);
    return bytes ? { bytes, version: contentVersionOf(bytes) } : null;
  }
}

/** A file broken on disk (by hand) is still replaceable; its features then cannot be diffed. */
function parseOrNull(bytes: Buffer, layerId: string): PlanFeatureCollection | null {
  try {
    return parseLayer(bytes.toString('utf8').replace(/^\uFEFF/, ''), `${layerId}.geojson`);
  } catch {
    return null;
  }
}
