import type { FeedChange, LayerChangeListener } from './layerChangeFeed';

/** What the events route needs from a feed: the file store's watcher, or the database's LISTEN. */
export interface ChangeFeed {
  subscribe(listener: LayerChangeListener): () => void;
  start(): Promise<void>;
  close(): void | Promise<void>;
}

/** Announces each key's version once, to every listener: shared by the feeds. */
export class ChangeAnnouncer {
  private readonly listeners = new Set<LayerChangeListener>();
  private readonly lastVersions = new Map<string, string>();

  subscribe(listener: LayerChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Remembers a version as announced without telling anyone (the state found at start). */
  remember(key: string, version: string): void {
    this.lastVersions.set(key, version);
  }

  announce(change: FeedChange): void {
    const key = 'document' in change ? change.document : change.layer;
    if (this.lastVersions.get(key) === change.version) return;
    this.lastVersions.set(key, change.version);
    for (const listener of this.listeners) listener(change);
  }

  clear(): void {
    this.listeners.clear();
  }
}
