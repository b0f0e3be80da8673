import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LayerDiff } from '../../domain/layerDiff';
import { KeyedMutex } from './keyedMutex';

/** One save, as appended to audit.jsonl. */
export interface AuditRecord extends LayerDiff {
  /** ISO 8601, UTC. */
  time: string;
  user: string;
  layer: string;
  action: 'save' | 'restore';
  fromVersion: string;
  toVersion: string;
  restoredFrom?: string;
  /** True when the file on disk before the save could not be parsed: every new feature then counts as added. */
  previousUnreadable?: boolean;
}

/** An append-only JSON-lines file; a torn last line (a crash mid-append) is skipped when read. */
export class AuditLog {
  private readonly mutex = new KeyedMutex();

  constructor(private readonly file: string) {}

  async append(record: AuditRecord): Promise<void> {
    await this.mutex.run('append', async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(record)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
  }

  /** Newest first. */
  async read(options: { layer?: string; limit: number }): Promise<AuditRecord[]> {
    const text = await readFile(this.file, 'utf8').catch(() => '');
    const records: AuditRecord[] = [];
    const lines = text.split('\n');
    for (let index = lines.length - 1; index >= 0 && records.length < options.limit; index -= 1) {
      const record = parseRecord(lines[index] ?? '');
      if (record && (options.layer === undefined || record.layer === options.layer)) records.push(record);
    }
    return records;
  }
}

function parseRecord(line: string): AuditRecord | null {
  if (!line.trim()) return null;
  try {
    const value = JSON.parse(line) as Partial<AuditRecord>;
    return typeof value.layer === 'string' && typeof value.time === 'string' ? (value as AuditRecord) : null;
  } catch {
    return null;
  }
}
