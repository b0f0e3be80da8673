import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { contentVersionOf } from './contentVersion';
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
 * The last `keep` versions of one layer, each as `<sequence>.geojson` (the exact bytes) and
 * `<sequence>.json` (who, when, what). The metadata is written last, so a version is listed
 * only once its content is safely on disk.
 */
export class VersionHistory {
  constructor(
    private readonly directory: string,
    private readonly keep: number,
  ) {}

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
    const bytes = await readFile(join(this.directory, `${entry.sequence}.geojson`)).catch(() => null);
    return bytes && contentVersionOf(bytes) === version ? bytes : null;
  }

  async add(bytes: Uint8Array, details: Omit<StoredVersion, 'sequence' | 'version' | 'sizeBytes'>): Promise<StoredVersion> {
    await mkdir(this.directory, { recursive: true });
    const existing = await this.list();
    const sequence = (existing[0]?.sequence ?? 0) + 1;
    const entry: StoredVersion = { sequence, version: contentVersionOf(bytes), sizeBytes: bytes.byteLength, ...details };
    await writeFileAtomically(join(this.directory, `${sequence}.geojson`), bytes);
    await writeFileAtomically(join(this.directory, `${sequence}.json`), Buffer.from(`${JSON.stringify(entry)}\n`));
    for (const old of [entry, ...existing].slice(this.keep)) await this.remove(old.sequence);
    return entry;
  }

  /** Metadata first: a version without it is no longer listed. */
  async remove(sequence: number): Promise<void> {
    await rm(join(this.directory, `${sequence}.json`), { force: true });
    await rm(join(this.directory, `${sequence}.geojson`), { force: true });
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
