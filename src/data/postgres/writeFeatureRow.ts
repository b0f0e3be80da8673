import type pg from 'pg';
import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import { featureRowOf } from './featureRows';

/**
 * One project's row as a one-row save leaves it: changed in place (`ordinal` its place), or added
 * after the layer's last project (`ordinal` null), with its own version and measures. Plain
 * UPDATE and INSERT, so triggers on plan_feature see the change like every other.
 */
export async function writeFeatureRow(client: pg.PoolClient, layer: string, project: RawProject, ordinal: number | null): Promise<void> {
  const row = featureRowOf(project, ordinal ?? 0);
  const values = [layer, row.id, row.version, JSON.stringify(row.feature), row.areaSquareMeters, row.lengthMeters, row.textBytes];
  if (ordinal !== null) {
    await client.query(
      `UPDATE plan_feature SET version = $3, properties = $4::jsonb -> 'properties',
              geom = ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($4::jsonb ->> 'geometry')), 4326),
              area_square_meters = $5, length_meters = $6, text_bytes = $7
        WHERE layer = $1 AND feature_id = $2`,
      values,
    );
    return;
  }
  await client.query(
    `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters, text_bytes)
     SELECT $1, $2, COALESCE((SELECT max(ordinal) FROM plan_feature WHERE layer = $1), -1) + 1, $3, $4::jsonb -> 'properties',
            ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($4::jsonb ->> 'geometry')), 4326), $5, $6, $7`,
    values,
  );
}

export async function deleteFeatureRow(client: pg.PoolClient, layer: string, featureId: string): Promise<void> {
  await client.query('DELETE FROM plan_feature WHERE layer = $1 AND feature_id = $2', [layer, featureId]);
}

/** What a one-row save changes of the layer's spread: its count and its measure sums, by how much. */
export interface SpreadChange {
  count: number;
  areaSquareMeters: number;
  lengthMeters: number;
}

/**
 * plan_layer after a one-row save: the new version, the next revision (tiles are cached by it),
 * the version its bytes still hold, the count and measure sums moved by the project, and the box
 * grown to it (a removed project's box is not given back: tiles read it only to choose their stride).
 */
export async function advanceLayerAfterRow(client: pg.PoolClient, layer: string, version: string, change: SpreadChange, featureId: string): Promise<void> {
  await client.query(
    `UPDATE plan_layer
        SET bytes_version = COALESCE(bytes_version, version), version = $2, revision = revision + 1,
            feature_count = COALESCE(feature_count, 0) + $3,
            feature_area_total = COALESCE(feature_area_total, 0) + $5,
            feature_length_total = COALESCE(feature_length_total, 0) + $6,
            feature_extent = (SELECT ST_Extent(part) FROM (SELECT feature_extent::geometry AS part
                              UNION ALL SELECT geom FROM plan_feature WHERE layer = $1 AND feature_id = $4) AS parts)
      WHERE id = $1`,
    [layer, version, change.count, featureId, change.areaSquareMeters, change.lengthMeters],
  );
}
