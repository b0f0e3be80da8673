import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentVersionOf } from '../../data/contentVersion';
import { DOCUMENT_FILES, isDocumentFile } from '../../data/storedDocuments';
import { isTempFileName } from '../../data/tempFileName';
import { ChangeAnnouncer, type ChangeFeed } from './changeFeed';

export interface LayerChange {
  layer: string;
  version: string;
}

/** A document of the plan (layers.json) got a new version: every page loads the new plan. */
export interface DocumentChange {
  document: string;
  version: string;
}

export type FeedChange = LayerChange | DocumentChange;

export type LayerChangeListener = (change: FeedChange) => void;

export interface LayerChangeFeedOptions {
  geodataDirectory: string;
  /** The manifest's layer ids now (layers.json may change too). */
  layerIds: () => Promise<readonly string[]>;
  /** Editors save in bursts and QGIS writes a file in several steps: wait for quiet. */
  debounceMs: number;
}

const LAYER_FILE = /^([a-z][a-z0-9-]*)\.geojson$/;

/**
 * Tells listeners when a layer's or a document's version changes, whether through the API or on disk.
 * A change is announced once per version: the watcher's event for a file the API just
 * wrote carries a version already announced, and is dropped.
 */
export class LayerChangeFeed implements ChangeFeed {
  private readonly announcer = new ChangeAnnouncer();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private watcher: FSWatcher | undefined;

  constructor(private readonly options: LayerChangeFeedOptions) {}

  subscribe(listener: LayerChangeListener): () => void {
    return this.announcer.subscribe(listener);
  }

  publish(change: FeedChange): void {
    this.announcer.announce(change);
  }

  /** Remembers the versions on disk at start, so only later changes are announced. */
  async start(): Promise<void> {
    for (const layer of await this.options.layerIds()) {
      const bytes = await readFile(join(this.options.geodataDirectory, `${layer}.geojson`)).catch(() => null);
      if (bytes) this.announcer.remember(layer, contentVersionOf(bytes));
    }
    for (const document of DOCUMENT_FILES) {
      const bytes = await readFile(join(this.options.geodataDirectory, document)).catch(() => null);
      if (bytes) this.announcer.remember(document, contentVersionOf(bytes));
    }
    try {
      this.watcher = watch(this.options.geodataDirectory, { persistent: false }, (_event, fileName) => {
        const name = fileName?.toString();
        if (!name || isTempFileName(name)) return;
        const match = LAYER_FILE.exec(name);
        if (match?.[1]) this.schedule(match[1]);
        else if (isDocumentFile(name)) this.schedule(name);
      });
      this.watcher.on('error', (error) => console.error(`无法监视数据目录 / cannot watch the data folder: ${error.message}`));
    } catch (error) {
      console.error(`无法监视数据目录 / cannot watch the data folder: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  close(): void {
    this.watcher?.close();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.announcer.clear();
  }

  private schedule(layer: string): void {
    clearTimeout(this.timers.get(layer));
    this.timers.set(
      layer,
      setTimeout(() => {
        this.timers.delete(layer);
        void this.check(layer);
      }, this.options.debounceMs),
    );
  }

  private async check(layer: string): Promise<void> {
    if (isDocumentFile(layer)) {
      const bytes = await readFile(join(this.options.geodataDirectory, layer)).catch(() => null);
      if (bytes) this.publish({ document: layer, version: contentVersionOf(bytes) });
      return;
    }
    if (!(await this.options.layerIds()).includes(layer)) return;
    const bytes = await readFile(join(this.options.geodataDirectory, `${layer}.geojson`)).catch(() => null);
    if (bytes) this.publish({ layer, version: contentVersionOf(bytes) });
  }
}
