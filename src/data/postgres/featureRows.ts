import type pg from 'pg';
import { projectVersionOf, rawProjectsOf } from '../projectVersion';

/** The layer's projects as rows (geometry, properties, own version), replaced with the layer's bytes. */
export async function replaceFeatureRows(client: pg.PoolClient, layer: string, bytes: Uint8Array): Promise<void> {
  const rows = rawProjectsOf(bytes).map((feature, ordinal) => ({ id: feature.id, ordinal, version: projectVersionOf(feature), feature }));
  await client.query('DELETE FROM plan_feature WHERE layer = $1', [layer]);
  await client.query(
    `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom)
     SELECT $1, row.id, row.ordinal, row.version, row.feature -> 'properties',
            ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(row.feature ->> 'geometry')), 4326)
       FROM jsonb_to_recordset($2::jsonb) AS row(id text, ordinal integer, version text, feature jsonb)`,
    [layer, JSON.stringify(rows)],
  );
}
