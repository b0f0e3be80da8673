import type pg from 'pg';
import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import type { PlanFeatureProperties, PlanGeometry } from '../../domain/plan/planFeature';

/** One project's row, locked for a one-row save. */
export interface LockedFeatureRow {
  /** The project as its row holds it: the same values as the layer's JSON, not its bytes (jsonb orders keys its own way). */
  project: RawProject;
  ordinal: number;
  version: string;
  /** The length of its JSON in the layer; null for rows written before migration 006. */
  textBytes: number | null;
  areaSquareMeters: number;
  lengthMeters: number;
}

/** The project's row, locked until the transaction ends (FOR UPDATE), or null when the layer has no such project. */
export async function lockFeatureRow(client: pg.PoolClient, layer: string, featureId: string): Promise<LockedFeatureRow | null> {
  const { rows } = await client.query<{ ordinal: number; version: string; properties: PlanFeatureProperties; geometry: string | null; text_bytes: number | null; area: number | null; length: number | null }>(
    `SELECT ordinal, version, properties, ST_AsGeoJSON(geom, 15) AS geometry, text_bytes, area_square_meters AS area, length_meters AS length
       FROM plan_feature WHERE layer = $1 AND feature_id = $2 FOR UPDATE`,
    [layer, featureId],
  );
  const row = rows[0];
  if (!row) return null;
  const geometry = row.geometry === null ? null : (JSON.parse(row.geometry) as PlanGeometry);
  return { project: { type: 'Feature', id: featureId, properties: row.properties, geometry } as RawProject, ordinal: row.ordinal, version: row.version, textBytes: row.text_bytes, areaSquareMeters: row.area ?? 0, lengthMeters: row.length ?? 0 };
}

/** The place (0-based) a project has among the layer's projects: where the file store's layer holds it. */
export async function placeInLayer(client: pg.PoolClient, layer: string, ordinal: number | null): Promise<number> {
  const { rows } = await client.query<{ place: number }>(
    'SELECT count(*)::int AS place FROM plan_feature WHERE layer = $1 AND ($2::integer IS NULL OR ordinal < $2)',
    [layer, ordinal],
  );
  return rows[0]?.place ?? 0;
}
