import type pg from 'pg';
import type { SearchableLayer } from '../../domain/browse/searchFeatures';

/*
 * searchFeatures' matching in SQL, to find candidates among a layer too large for the page: the
 * name or id contains the query once both are NFKC-normalized, lower-cased and stripped of
 * spaces, ranked as searchFeatures ranks (exact id, name prefix, name, id). The caller ranks the
 * candidates again with searchFeatures itself, so the answer is the domain's.
 */
const SEARCH_SQL = `
SELECT feature_id, name
  FROM (
    SELECT feature_id, ordinal, coalesce(properties ->> 'name', '') AS name,
           lower(regexp_replace(normalize(feature_id, NFKC), '\\s+', '', 'g')) AS id_key,
           lower(regexp_replace(normalize(coalesce(properties ->> 'name', ''), NFKC), '\\s+', '', 'g')) AS name_key
      FROM plan_feature
     WHERE layer = $1
  ) AS keyed
 WHERE strpos(name_key, $2) > 0 OR strpos(id_key, $2) > 0
 ORDER BY CASE WHEN id_key = $2 THEN 0 WHEN starts_with(name_key, $2) THEN 1 WHEN strpos(name_key, $2) > 0 THEN 2 ELSE 3 END, ordinal
 LIMIT $3`;

/** Up to `limit` projects of the layer whose name or id contains `needle` (already normalized as searchFeatures does), best first. */
export async function queryLayerSearch(pool: pg.Pool, layerId: string, needle: string, limit: number): Promise<SearchableLayer> {
  const { rows } = await pool.query<{ feature_id: string; name: string }>(SEARCH_SQL, [layerId, needle, limit]);
  return { layerId, ids: rows.map((row) => row.feature_id), names: rows.map((row) => row.name) };
}
