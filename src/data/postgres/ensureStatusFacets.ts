import type pg from 'pg';
import type { StatusFacets } from '../../domain/progress/statusFacets';
import { inTransaction } from './planDatabase';

const FACETS_SQL = 'SELECT where_properties, sum_properties FROM plan_status_facet WHERE layer = $1';

/** A layer without a row has none (the triggers read it so). */
function sameFacets(row: { where_properties: string[]; sum_properties: string[] } | undefined, facets: StatusFacets): boolean {
  return JSON.stringify([row?.where_properties ?? [], row?.sum_properties ?? []]) === JSON.stringify([facets.whereProperties, facets.sumProperties]);
}

/**
 * Sets the layer's facets without making its sums again: for a layer whose rows are about to be
 * written (an import), so that they are summed once, with them.
 */
export async function writeStatusFacets(client: pg.PoolClient, layerId: string, facets: StatusFacets): Promise<void> {
  await client.query(
    `INSERT INTO plan_status_facet (layer, where_properties, sum_properties) VALUES ($1, $2, $3)
     ON CONFLICT (layer) DO UPDATE SET where_properties = excluded.where_properties, sum_properties = excluded.sum_properties`,
    [layerId, facets.whereProperties, facets.sumProperties],
  );
}

/**
 * Makes the layer's status sums (migration 005) carry these facets: when its targets read other
 * properties than the sums were made with, the sums are made again from the layer's rows. Writers
 * of plan_feature wait meanwhile, and so does a second request doing the same (SHARE ROW
 * EXCLUSIVE), so no save's events are counted twice or missed and the rebuild runs once; it
 * happens once per change of the targets, about half a minute at a million projects.
 */
export async function ensureStatusFacets(pool: pg.Pool, layerId: string, facets: StatusFacets): Promise<void> {
  const { rows } = await pool.query<{ where_properties: string[]; sum_properties: string[] }>(FACETS_SQL, [layerId]);
  if (sameFacets(rows[0], facets)) return;
  await inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE plan_feature IN SHARE ROW EXCLUSIVE MODE');
    const again = await client.query<{ where_properties: string[]; sum_properties: string[] }>(FACETS_SQL, [layerId]);
    if (sameFacets(again.rows[0], facets)) return;
    await writeStatusFacets(client, layerId, facets);
    await client.query('SELECT plan_status_rebuild($1)', [layerId]);
  });
}
