import pg from 'pg';
import { ChangeAnnouncer, type ChangeFeed } from '../events/changeFeed';
import type { LayerChangeListener } from '../events/layerChangeFeed';
import { DOCUMENT_FILES } from '../../data/storedDocuments';
import { CHANGE_CHANNEL, parseChangeNotice } from '../../data/postgres/changeNotice';
import type { PlanDatabase } from '../../data/postgres/planDatabase';

const RECONNECT_DELAY_MS = 1000;

/**
 * Live updates from the database: every server LISTENs, every save NOTIFYs in its transaction,
 * so a save through any server reaches the pages of all of them once it commits. A lost
 * connection is re-opened, and what changed meanwhile is read from the tables and announced.
 */
export class PostgresChangeFeed implements ChangeFeed {
  private readonly announcer = new ChangeAnnouncer();
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly database: PlanDatabase) {}

  subscribe(listener: LayerChangeListener): () => void {
    return this.announcer.subscribe(listener);
  }

  async start(): Promise<void> {
    await this.readVersions(true);
    await this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.announcer.clear();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const notice = parseChangeNotice(message.payload);
      if (!notice || notice.schema !== this.database.schema) return;
      this.announcer.announce('layer' in notice ? { layer: notice.layer, version: notice.version } : { document: notice.document, version: notice.version });
    });
    const reconnect = (): void => {
      if (this.closed || this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      this.retry = setTimeout(() => {
        this.listen()
          .then(() => this.readVersions(false))
          .catch(() => reconnect());
      }, RECONNECT_DELAY_MS);
    };
    client.on('error', (error) => {
      console.error(`数据库变更通知中断，正在重连 / lost the database's change notices, reconnecting: ${error.message}`);
      reconnect();
    });
    client.on('end', reconnect);
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
  }

  /** The versions in the tables now: remembered at start, announced when they differ after a reconnect. */
  private async readVersions(atStart: boolean): Promise<void> {
    const layers = await this.database.pool.query<{ id: string; version: string }>('SELECT id, version FROM plan_layer');
    const documents = await this.database.pool.query<{ name: string; version: string }>('SELECT name, version FROM plan_document WHERE name = ANY($1)', [[...DOCUMENT_FILES]]);
    for (const { id, version } of layers.rows) {
      if (atStart) this.announcer.remember(id, version);
      else this.announcer.announce({ layer: id, version });
    }
    for (const { name, version } of documents.rows) {
      if (atStart) this.announcer.remember(name, version);
      else this.announcer.announce({ document: name, version });
    }
  }
}
