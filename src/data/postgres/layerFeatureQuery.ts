import type pg from 'pg';
import type { PlanFeatureProperties, PlanGeometry } from '../../domain/plan/planFeature';

export interface StoredFeature {
  id: string;
  /** Its place in the layer: the MVT feature id of its tiles. */
  ordinal: number;
  /** plan_feature.version: the project's own version. */
  version: string;
  properties: PlanFeatureProperties;
  geometry: PlanGeometry | null;
}

/*
 * ST_AsGeoJSON prints the shortest text that reads back as the same double (PostGIS 3.1+, ryu)
 * when allowed enough decimals; 15 is the most it takes and is more than any lon/lat needs.
 */
const FEATURE_SQL = `SELECT feature_id, ordinal, version, properties, ST_AsGeoJSON(geom, 15) AS geometry
                       FROM plan_feature WHERE layer = $1 AND feature_id = $2`;

/** One project of a layer as the database holds it, or null. */
export async function queryLayerFeature(pool: pg.Pool, layerId: string, featureId: string): Promise<StoredFeature | null> {
  const { rows } = await pool.query<{ feature_id: string; ordinal: number; version: string; properties: PlanFeatureProperties; geometry: string | null }>(FEATURE_SQL, [layerId, featureId]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.feature_id,
    ordinal: row.ordinal,
    version: row.version,
    properties: row.properties,
    geometry: row.geometry === null ? null : (JSON.parse(row.geometry) as PlanGeometry),
  };
}
