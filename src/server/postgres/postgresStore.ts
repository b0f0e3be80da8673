import type pg from 'pg';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { parseAuditLine } from '../store/auditRecord';
import type { DocumentSaveOutcome, DocumentSaveRequest, LayerSnapshot, PlanStore, SaveOutcome, SaveRequest, StartupReport, StoredProject } from '../store/planStore';
import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import { queryLayerFeature } from '../../data/postgres/layerFeatureQuery';
import type { AuditPage, AuditPageQuery } from '../store/readAuditPage';
import { decideDocumentSave, decideLayerSave, FOUND_VERSION_SUMMARY, type AcceptedSave } from '../store/saveDecision';
import type { SaveStepHook } from '../store/saveSteps';
import type { DocumentFile } from '../../data/storedDocuments';
import type { StoredVersion } from '../store/versionHistory';
import { KeyedMutex } from '../store/keyedMutex';
import { applyMigrations } from '../../data/postgres/applyMigrations';
import { replaceFeatureRows } from '../../data/postgres/featureRows';
import { insertVersion } from '../../data/postgres/insertVersion';
import { keptLayerBytes } from '../../data/postgres/keptLayerBytes';
import { pruneVersions } from '../../data/postgres/pruneVersions';
import { readLiveLayer } from '../../data/postgres/readLiveLayer';
import { TILED_LAYER_MIN_FEATURES } from '../../domain/tiles/tiledLayer';
import { saveOneRow, type LayerHead } from './saveOneRow';
import { CHANGE_CHANNEL, type ChangeNotice } from '../../data/postgres/changeNotice';
import { inTransaction, type PlanDatabase } from '../../data/postgres/planDatabase';

export interface PostgresStoreOptions {
  database: PlanDatabase;
  keepVersions: number;
  /** Called as a save passes each step (crash tests kill the process there). */
  onStep?: SaveStepHook;
  /**
   * Project saves of a layer of at least this many projects take the one-row path (saveOneRow.ts);
   * smaller layers are saved whole, their version the hash of their bytes as in the file store.
   */
  oneRowSaveMinProjects?: number;
}

type Table = 'plan_layer' | 'plan_document';

const KEY_COLUMN: Record<Table, string> = { plan_layer: 'id', plan_document: 'name' };

/**
 * The PostgreSQL/PostGIS store: the same guarantees as the file store, each save one
 * transaction. The live row is locked (FOR UPDATE) while the save is decided by the same rules
 * (saveDecision.ts), and the new content, its version entry, its audit record, the projects'
 * rows and the change notice commit together or not at all: a server killed mid-save leaves the
 * old layer, whole, and no trace. Every server on the database hears the notice (LISTEN). On a
 * large layer a project's save writes its row alone (saveOneRow.ts) and the layer's bytes are
 * rebuilt at the next whole read (readLiveLayer).
 */
export class PostgresStore implements PlanStore {
  /**
   * Saves of one layer take turns in this process before they take a connection: waiting on the
   * row lock inside the database would hold one connection per waiting editor and leave none for
   * readers. Between processes the row lock does the same.
   */
  private readonly locks = new KeyedMutex();

  constructor(private readonly options: PostgresStoreOptions) {}

  async prepare(): Promise<StartupReport> {
    await applyMigrations(this.options.database);
    // A transaction leaves nothing half-written to repair.
    return { removedTempFiles: [], tornAudit: null, recoveredSaves: [], removedVersionFiles: [] };
  }

  read(definition: LayerDefinition): Promise<LayerSnapshot | null> {
    return readLiveLayer(this.pool, definition.id);
  }

  async liveVersion(definition: LayerDefinition): Promise<string | null> {
    const { rows } = await this.pool.query<{ version: string }>('SELECT version FROM plan_layer WHERE id = $1', [definition.id]);
    return rows[0]?.version ?? null;
  }

  async readProject(definition: LayerDefinition, projectId: string): Promise<StoredProject | null> {
    const stored = await queryLayerFeature(this.pool, definition.id, projectId);
    return stored ? { feature: { type: 'Feature', id: stored.id, properties: stored.properties, geometry: stored.geometry } as RawProject, version: stored.version } : null;
  }

  readDocument(document: DocumentFile): Promise<LayerSnapshot | null> {
    return this.readRow('plan_document', document);
  }

  versions(definition: LayerDefinition): Promise<StoredVersion[]> {
    return this.listVersions(definition.id);
  }

  documentVersions(document: DocumentFile): Promise<StoredVersion[]> {
    return this.listVersions(document);
  }

  versionBytes(definition: LayerDefinition, version: string): Promise<Buffer | null> {
    return this.readVersion(definition.id, version);
  }

  documentVersionBytes(document: DocumentFile, version: string): Promise<Buffer | null> {
    return this.readVersion(document, version);
  }

  async auditPage(query: AuditPageQuery): Promise<AuditPage> {
    const { rows } = await this.pool.query<{ sequence: string; record: string }>(
      `SELECT sequence, record FROM plan_audit
        WHERE ($1::text IS NULL OR layer = $1) AND ($2::bigint IS NULL OR sequence < $2)
        ORDER BY sequence DESC LIMIT $3`,
      [query.layer ?? null, query.before ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const records = page.flatMap((row) => {
      const record = parseAuditLine(row.record);
      return record ? [record] : [];
    });
    const last = page.at(-1);
    return { records, next: rows.length > query.limit && last ? Number(last.sequence) : null, unreadableLines: page.length - records.length };
  }

  save(request: SaveRequest): Promise<SaveOutcome> {
    const { id } = request.definition;
    return this.locks.run(`layer:${id}`, () => inTransaction(this.pool, async (client): Promise<SaveOutcome> => {
      const head = await this.lockLayer(client, id);
      if (!head) return { kind: 'stale', currentVersion: null };
      const { content } = request;
      if (content.kind === 'project' && head.featureCount >= (this.options.oneRowSaveMinProjects ?? TILED_LAYER_MIN_FEATURES))
        return saveOneRow({ client, request, content, layer: head, schema: this.options.database.schema, keepVersions: this.options.keepVersions, step: (name) => this.step(name) });
      const current = await readLiveLayer(client, id);
      const decision = await decideLayerSave(request, current, (version) => this.readVersion(id, version));
      if ('refused' in decision) return decision.refused;
      await this.commit(client, 'plan_layer', id, decision.before, decision.accepted);
      return { kind: 'saved', version: decision.accepted.version, record: decision.accepted.record };
    })).then((outcome) => this.afterCommit(outcome));
  }

  saveDocument(request: DocumentSaveRequest): Promise<DocumentSaveOutcome> {
    return this.locks.run(`document:${request.document}`, () => inTransaction(this.pool, async (client): Promise<DocumentSaveOutcome> => {
      const current = await this.lockRow(client, 'plan_document', request.document);
      const decision = decideDocumentSave(request, current);
      if ('refused' in decision) return decision.refused;
      if (!current) return { kind: 'stale', currentVersion: null };
      await this.commit(client, 'plan_document', request.document, current, decision.accepted);
      return { kind: 'saved', version: decision.accepted.version, record: decision.accepted.record };
    })).then((outcome) => this.afterCommit(outcome));
  }

  private get pool(): pg.Pool {
    return this.options.database.pool;
  }

  private step(name: Parameters<SaveStepHook>[0]): void {
    this.options.onStep?.(name);
  }

  private afterCommit<Outcome extends { kind: string }>(outcome: Outcome): Outcome {
    if (outcome.kind === 'saved') this.step('intent-removed');
    return outcome;
  }

  /**
   * The writes of an accepted save, inside its transaction. The steps name the file store's
   * (saveSteps.ts) so the crash tests can stop the server at each; here every step before the
   * commit leaves the old content, and only the commit makes the new one live.
   */
  private async commit(
    client: pg.PoolClient,
    table: Table,
    key: string,
    current: LayerSnapshot,
    { version, bytes, record, summary }: AcceptedSave,
  ): Promise<void> {
    const kept = await client.query('SELECT 1 FROM plan_version WHERE key = $1 AND version = $2', [key, current.version]);
    if (kept.rowCount === 0) {
      await insertVersion(client, key, { version: current.version, time: new Date().toISOString(), user: null, sizeBytes: current.bytes.byteLength, summary: FOUND_VERSION_SUMMARY }, { bytes: current.bytes });
      this.step('disk-version-kept');
    }
    await insertVersion(client, key, { version, time: record.time, user: record.user, sizeBytes: bytes.byteLength, summary }, { bytes });
    this.step('new-content-written');
    await client.query(`UPDATE ${table} SET bytes = $2, version = $3${table === 'plan_layer' ? ', revision = revision + 1, bytes_version = NULL' : ''} WHERE ${KEY_COLUMN[table]} = $1`, [key, bytes, version]);
    if (table === 'plan_layer') await replaceFeatureRows(client, key, bytes);
    this.step('layer-renamed');
    await client.query('INSERT INTO plan_audit (layer, record) VALUES ($1, $2)', [key, JSON.stringify(record)]);
    this.step('audit-appended');
    await pruneVersions(client, key, this.options.keepVersions);
    this.step('version-listed');
    const notice: ChangeNotice = table === 'plan_layer' ? { schema: this.options.database.schema, layer: key, version } : { schema: this.options.database.schema, document: key, version };
    await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
  }

  private async readRow(table: Table, key: string): Promise<LayerSnapshot | null> {
    const { rows } = await this.pool.query<LayerSnapshot>(`SELECT bytes, version FROM ${table} WHERE ${KEY_COLUMN[table]} = $1`, [key]);
    return rows[0] ?? null;
  }

  /** The layer's live row without its bytes, locked until the transaction ends: saves of one layer take turns, as under the file store's lock. */
  private async lockLayer(client: pg.PoolClient, id: string): Promise<LayerHead | null> {
    const { rows } = await client.query<{ version: string; feature_count: number | null; bytes_version: string | null; area: number | null; length: number | null }>(
      'SELECT version, feature_count, bytes_version, feature_area_total AS area, feature_length_total AS length FROM plan_layer WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    return row ? { version: row.version, featureCount: row.feature_count ?? 0, bytesVersion: row.bytes_version, areaSquareMeters: row.area ?? 0, lengthMeters: row.length ?? 0 } : null;
  }

  /** The live row, locked until the transaction ends: saves of one layer take turns, as under the file store's lock. */
  private async lockRow(client: pg.PoolClient, table: Table, key: string): Promise<LayerSnapshot | null> {
    const { rows } = await client.query<LayerSnapshot>(`SELECT bytes, version FROM ${table} WHERE ${KEY_COLUMN[table]} = $1 FOR UPDATE`, [key]);
    return rows[0] ?? null;
  }

  private async listVersions(key: string): Promise<StoredVersion[]> {
    const { rows } = await this.pool.query<{ sequence: number; version: string; time: string; user_name: string | null; size_bytes: number; summary: StoredVersion['summary'] }>(
      'SELECT sequence, version, time, user_name, size_bytes, summary FROM plan_version WHERE key = $1 ORDER BY sequence DESC LIMIT $2',
      [key, this.options.keepVersions],
    );
    return rows.map((row) => ({ sequence: row.sequence, version: row.version, time: row.time, user: row.user_name, sizeBytes: row.size_bytes, summary: row.summary }));
  }

  private async readVersion(key: string, version: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ sequence: number; bytes: Buffer | null }>('SELECT sequence, bytes FROM plan_version WHERE key = $1 AND version = $2 ORDER BY sequence DESC LIMIT 1', [key, version]);
    const row = rows[0];
    if (!row) return null;
    return row.bytes ?? keptLayerBytes(this.pool, key, row.sequence);
  }
}
