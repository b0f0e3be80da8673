import pg from 'pg';

/** A district's tables live in one schema of the database; several districts may share a database. */
export const DEFAULT_DATABASE_SCHEMA = 'plan_map';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isSchemaName(text: string): boolean {
  return SCHEMA_NAME.test(text);
}

/** A schema name checked by isSchemaName, quoted for SQL text (identifiers cannot be query parameters). */
export function quotedSchema(schema: string): string {
  if (!isSchemaName(schema)) throw new Error(`not a schema name: ${schema}`);
  return `"${schema}"`;
}

export interface PlanDatabase {
  pool: pg.Pool;
  url: string;
  schema: string;
}

/** A pool whose connections see the district's schema first, then public (where PostGIS lives). */
export function openPlanDatabase(url: string, schema = DEFAULT_DATABASE_SCHEMA, maxConnections = 10): PlanDatabase {
  quotedSchema(schema);
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, options: `-c search_path=${schema},public` });
  // An idle connection the server drops (a database restart) must not crash the app server.
  pool.on('error', (error) => console.error(`数据库连接中断 / a database connection failed: ${error.message}`));
  return { pool, url, schema };
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
