import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLayer } from '../../data/parseGeodata';
import { diffLayers } from '../../domain/layerDiff';
import type { LayerDefinition } from '../../domain/manifest';
import type { PlanFeatureCollection } from '../../domain/planFeature';
import { AuditLog, type AuditRecord } from './auditLog';
import { contentVersionOf } from './contentVersion';
import { layerFilePath } from './geodataCatalog';
import { KeyedMutex } from './keyedMutex';
import type { StateLayout } from './stateLayout';
import type { SaveNeedsConfirmation } from '../validateLayerForSave';
import { VersionHistory } from './versionHistory';
import { removeStaleTempFiles, writeFileAtomically } from './writeFileAtomically';

export interface LayerSnapshot {
  bytes: Buffer;
  version: string;
}

export interface SaveRequest {
  definition: LayerDefinition;
  /** The versions the client edited (If-Match); the save happens only if the file on disk is one of them. */
  expectedVersions: readonly string[];
  /** Validated bytes, exactly as they will be stored. */
  bytes: Buffer;
  collection: PlanFeatureCollection;
  user: string;
  /** Required to replace a non-empty layer with an empty one. */
  confirmEmpty: boolean;
  /**
   * Asked under the layer's lock with the layer as stored, so the answer is about the version this
   * save replaces: figures that need the editor's confirmation first, or null.
   */
  needsConfirmation?: (before: PlanFeatureCollection) => SaveNeedsConfirmation | null;
  restoredFrom?: string;
}

export type SaveOutcome =
  | { kind: 'saved'; version: string; record: AuditRecord }
  | { kind: 'unchanged'; version: string }
  | { kind: 'stale'; currentVersion: string | null }
  | { kind: 'empty-needs-confirmation'; currentVersion: string }
  | ({ kind: 'needs-confirmation'; currentVersion: string } & SaveNeedsConfirmation);

export interface LayerStoreOptions {
  geodataDirectory: string;
  layout: StateLayout;
  keepVersions: number;
  /** Called after every successful save, with the layer's new version. */
  onSaved: (layerId: string, version: string) => void;
}

/**
 * The GeoJSON files in geodata/ are the store. Every save runs inside a per-layer lock and
 * compares the client's version with the hash of the file as it is on disk at that moment,
 * so neither another client's save nor an edit made in QGIS is overwritten unseen.
 */
export class LayerStore {
  readonly audit: AuditLog;
  private readonly locks = new KeyedMutex();

  constructor(private readonly options: LayerStoreOptions) {
    this.audit = new AuditLog(options.layout.auditFile);
  }

  /** Creates the state folder and removes temporary files left by a killed server. */
  async prepare(): Promise<string[]> {
    const { layout, geodataDirectory } = this.options;
    await mkdir(layout.versionsDirectory, { recursive: true, mode: 0o700 });
    const removed = [...(await removeStaleTempFiles(geodataDirectory)), ...(await removeStaleTempFiles(layout.directory))];
    for (const name of await readdir(layout.versionsDirectory).catch(() => [] as string[])) {
      removed.push(...(await removeStaleTempFiles(join(layout.versionsDirectory, name))));
    }
    return removed;
  }

  history(definition: LayerDefinition): VersionHistory {
    return new VersionHistory(join(this.options.layout.versionsDirectory, definition.id), this.options.keepVersions);
  }

  /** The layer file as it is on disk now, or null when it is missing. */
  async read(definition: LayerDefinition): Promise<LayerSnapshot | null> {
    const bytes = await readFile(layerFilePath(this.options.geodataDirectory, definition)).catch(() => null);
    return bytes ? { bytes, version: contentVersionOf(bytes) } : null;
  }

  async save(request: SaveRequest): Promise<SaveOutcome> {
    const { definition } = request;
    return this.locks.run(definition.id, async () => {
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
      const history = this.history(definition);
      await history.prepare();
      if (!(await history.has(current.version))) {
        const modified = await stat(layerFilePath(this.options.geodataDirectory, definition)).catch(() => null);
        await history.add(current.bytes, {
          time: (modified?.mtime ?? new Date()).toISOString(),
          user: null,
          summary: { added: 0, removed: 0, changed: 0, totalAreaDeltaSquareMeters: 0, origin: 'disk' },
        });
      }
      // Kept before the layer is replaced, so every version that was ever current can be restored.
      const stored = await history.add(request.bytes, {
        time,
        user: request.user,
        summary: {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          totalAreaDeltaSquareMeters: diff.totalAreaDeltaSquareMeters,
          origin: request.restoredFrom ? 'restore' : 'save',
          ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
        },
      });
      try {
        await writeFileAtomically(layerFilePath(this.options.geodataDirectory, definition), request.bytes);
      } catch (error) {
        await history.remove(stored.sequence).catch(() => undefined);
        throw error;
      }

      const record: AuditRecord = {
        time,
        user: request.user,
        layer: definition.id,
        action: request.restoredFrom ? 'restore' : 'save',
        fromVersion: current.version,
        toVersion: version,
        ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
        ...(before ? {} : { previousUnreadable: true }),
        ...diff,
      };
      try {
        await this.audit.append(record);
      } catch (error) {
        // The layer is already replaced: failing the request now would invite a retry of a done save.
        console.error(`审计记录写入失败 / could not append the audit record: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.options.onSaved(definition.id, version);
      return { kind: 'saved', version, record };
    });
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
