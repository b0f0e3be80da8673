import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { contentVersionOf } from '../../data/contentVersion';
import { removeStaleTempFiles, writeFileAtomically } from './writeFileAtomically';

/** What a version list shows without loading the content. */
export interface VersionSummary {
  added: number;
  removed: number;
  changed: number;
  totalAreaDeltaSquareMeters: number;
  /** "disk": found on disk before a save (initial data, or an edit made in QGIS); "restore": a restored version. */
  origin: 'save' | 'restore' | 'disk';
  restoredFrom?: string;
}

export interface StoredVersion {
  sequence: number;
  version: string;
  /** ISO 8601. */
  time: string;
  /** Null for versions that did not come through the API. */
  user: string | null;
  sizeBytes: number;
  summary: VersionSummary;
}

const SEQUENCE_FILE = /^(\d{1,12})\.json$/;

/**
 * The last `keep` versions of one layer or document, each as `<sequence>.<contentExtension>` (the exact bytes:
 * `.geojson` for a layer, `.document` for a document such as layers.json) and
 * `<sequence>.json` (who, when, what). A version is listed only once its entry is written, and a
 * save writes the entry only after its layer file is live and audited (docs/save-sequence.md):
 * content without an entry is a save in progress, or one a crash interrupted.
 */
export class VersionHistory {
  private readonly numberedFile: RegExp;

  constructor(
    readonly directory: string,
    private readonly keep: number,
    private readonly contentExtension = 'geojson',
  ) {
    this.numberedFile = new RegExp(`^(\\d{1,12})\\.(?:json|${contentExtension})$`);
  }

  async prepare(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    await removeStaleTempFiles(this.directory);
  }

  /** Newest first. */
  async list(): Promise<StoredVersion[]> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const entries: StoredVersion[] = [];
    for (const name of names) {
      if (!SEQUENCE_FILE.test(name)) continue;
      const entry = parseEntry(await readFile(join(this.directory, name), 'utf8').catch(() => ''));
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => b.sequence - a.sequence);
  }

  async has(version: string): Promise<boolean> {
    return (await this.list()).some((entry) => entry.version === version);
  }

  /** The stored bytes of a version, or null when it is not kept (or its file no longer matches its hash). */
  async read(version: string): Promise<Buffer | null> {
    const entry = (await this.list()).find((candidate) => candidate.version === version);
    if (!entry) return null;
    const bytes = await readFile(this.contentPath(entry.sequence)).catch(() => null);
    return bytes && contentVersionOf(bytes) === version ? bytes : null;
  }

  /** One more than any sequence in the folder, listed or not, so a waiting content file is never overwritten. */
  async nextSequence(): Promise<number> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    return names.reduce((highest, name) => Math.max(highest, Number(this.numberedFile.exec(name)?.[1] ?? 0)), 0) + 1;
  }

  /** Writes a version's bytes without listing it. */
  async writeContent(sequence: number, bytes: Uint8Array): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    await writeFileAtomically(this.contentPath(sequence), bytes);
  }

  /** Lists a version whose content is written, then drops the oldest beyond `keep`. Writing the same entry again changes nothing. */
  async publish(entry: StoredVersion): Promise<void> {
    await writeFileAtomically(join(this.directory, `${entry.sequence}.json`), Buffer.from(`${JSON.stringify(entry)}\n`));
    for (const old of (await this.list()).slice(this.keep)) await this.remove(old.sequence);
  }

  /** Keeps `bytes` as a listed version at once (a version found on disk, which is live already). */
  async add(bytes: Uint8Array, details: Omit<StoredVersion, 'sequence' | 'version' | 'sizeBytes'>): Promise<StoredVersion> {
    const sequence = await this.nextSequence();
    const entry: StoredVersion = { sequence, version: contentVersionOf(bytes), sizeBytes: bytes.byteLength, ...details };
    await this.writeContent(sequence, bytes);
    await this.publish(entry);
    return entry;
  }

  /** Entry first: a version without it is no longer listed. */
  async remove(sequence: number): Promise<void> {
    await rm(join(this.directory, `${sequence}.json`), { force: true });
    await rm(this.contentPath(sequence), { force: true });
  }

  /**
   * Removes content no entry lists (but `waiting`, a save's content not listed yet) and entries
   * whose content is gone; returns the names removed.
   */
  async removeOrphans(waiting: number | null): Promise<string[]> {
    const names = new Set(await readdir(this.directory).catch(() => [] as string[]));
    const removed: string[] = [];
    for (const name of names) {
      const match = this.numberedFile.exec(name);
      if (!match || Number(match[1]) === waiting) continue;
      const partner = name.endsWith('.json') ? `${match[1]}.${this.contentExtension}` : `${match[1]}.json`;
      if (names.has(partner)) continue;
      await rm(join(this.directory, name), { force: true });
      removed.push(name);
    }
    return removed;
  }

  contentPath(sequence: number): string {
    return join(this.directory, `${sequence}.${this.contentExtension}`);
  }
}

function parseEntry(text: string): StoredVersion | null {
  try {
    const value = JSON.parse(text) as Partial<StoredVersion>;
    if (typeof value.sequence !== 'number' || typeof value.version !== 'string' || typeof value.time !== 'string') return null;
    return value as StoredVersion;
  } catch {
    return null;
  }
}
