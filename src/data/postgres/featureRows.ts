import type pg from 'pg';
import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import { areaSquareMeters } from '../../domain/measure/areaSquareMeters';
import { lengthMeters } from '../../domain/measure/lengthMeters';
import type { PlanGeometry } from '../../domain/plan/planFeature';
import { projectVersionOf, rawProjectsOf } from '../projectVersion';

/**
 * One project as its row: its own version, its measures by the app's own functions, so the
 * database's sums are the app's (migration 004), and its JSON's length in the layer (migration 006).
 */
export function featureRowOf(feature: RawProject, ordinal: number) {
  const geometry = ((feature as { geometry?: PlanGeometry | null }).geometry ?? null);
  return {
    id: feature.id,
    ordinal,
    version: projectVersionOf(feature),
    feature,
    areaSquareMeters: areaSquareMeters(geometry),
    lengthMeters: lengthMeters(geometry),
    textBytes: Buffer.byteLength(JSON.stringify(feature)),
  };
}

const ROWS_PER_INSERT = 50_000;

/** The layer's projects as rows (geometry, properties, own version, measures), replaced with the layer's bytes; returns how many. */
export async function replaceFeatureRows(client: pg.PoolClient, layer: string, bytes: Uint8Array): Promise<number> {
  const rows = rawProjectsOf(bytes).map(featureRowOf);
  await client.query('DELETE FROM plan_feature WHERE layer = $1', [layer]);
  // In batches: a million projects as one JSON parameter would pass the longest string V8 can make.
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await client.query(
      `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters, text_bytes)
       SELECT $1, row.id, row.ordinal, row.version, row.feature -> 'properties',
              ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(row.feature ->> 'geometry')), 4326), row."areaSquareMeters", row."lengthMeters", row."textBytes"
         FROM jsonb_to_recordset($2::jsonb) AS row(id text, ordinal integer, version text, feature jsonb, "areaSquareMeters" double precision, "lengthMeters" double precision, "textBytes" integer)`,
      [layer, JSON.stringify(rows.slice(start, start + ROWS_PER_INSERT))],
    );
  }
  await updateLayerSpread(client, layer);
  return rows.length;
}

/** plan_layer's count, box and measure sums of the layer's projects (migrations 003, 006), after its rows changed. */
export async function updateLayerSpread(client: pg.PoolClient, layer: string): Promise<void> {
  await client.query(
    `UPDATE plan_layer SET (feature_count, feature_extent, feature_area_total, feature_length_total) =
       (SELECT count(*)::int, ST_Extent(geom), coalesce(sum(area_square_meters), 0), coalesce(sum(length_meters), 0) FROM plan_feature WHERE layer = $1)
      WHERE id = $1`,
    [layer],
  );
}
