import type pg from 'pg';
import type { PlanFeature, PlanFeatureCollection } from '../../domain/plan/planFeature';
import { contentVersionOf } from '../contentVersion';
import { areaSquareMeters } from '../../domain/measure/areaSquareMeters';
import { lengthMeters } from '../../domain/measure/lengthMeters';

export interface FeatureRow {
  id: string;
  ordinal: number;
  /** The project's own version: two editors changing different projects see different ones change. */
  version: string;
  feature: PlanFeature;
  /** By the app's own measures, so the database's sums are the app's (migration 003). */
  areaSquareMeters: number;
  lengthMeters: number;
}

export function featureVersionOf(feature: PlanFeature): string {
  return contentVersionOf(Buffer.from(JSON.stringify(feature)));
}

export function featureRowsOf(collection: PlanFeatureCollection): FeatureRow[] {
  return collection.features.map((feature, ordinal) => ({
    id: feature.id,
    ordinal,
    version: featureVersionOf(feature),
    feature,
    areaSquareMeters: areaSquareMeters(feature.geometry),
    lengthMeters: lengthMeters(feature.geometry),
  }));
}

/** The layer's projects as rows (geometry, properties, own version), replaced with the layer. */
export async function replaceFeatureRows(client: pg.PoolClient, layer: string, collection: PlanFeatureCollection): Promise<void> {
  await client.query('DELETE FROM plan_feature WHERE layer = $1', [layer]);
  await client.query(
    `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters)
     SELECT $1, row.id, row.ordinal, row.version, row.feature -> 'properties',
            ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON(row.feature ->> 'geometry')), 4326), row."areaSquareMeters", row."lengthMeters"
       FROM jsonb_to_recordset($2::jsonb) AS row(id text, ordinal integer, version text, feature jsonb, "areaSquareMeters" double precision, "lengthMeters" double precision)`,
    [layer, JSON.stringify(featureRowsOf(collection))],
  );
  await updateLayerSpread(client, layer);
}

/** plan_layer's count and box of the layer's projects (migration 002), after its rows changed. */
export async function updateLayerSpread(client: pg.PoolClient, layer: string): Promise<void> {
  await client.query(
    `UPDATE plan_layer SET (feature_count, feature_extent) = (SELECT count(*)::int, ST_Extent(geom) FROM plan_feature WHERE layer = $1) WHERE id = $1`,
    [layer],
  );
}
