import type pg from 'pg';
import { updateLayerSpread } from '../../src/data/postgres/featureRows';

export interface ParcelOptions {
  layerId: string;
  count: number;
  /** [west, south, east, north] the parcels fill: the district's bounds. */
  bounds: [number, number, number, number];
  /** The layer's lifecycle in order: a parcel's history walks it from the first status. */
  statuses: string[];
  /** Sub-districts, given to bands of columns from west to east. */
  streets: string[];
}

/*
 * `count` parcels on a grid filling the bounds, written by one INSERT … SELECT generate_series in
 * the database (a million rows in about a minute here; no JSON crosses the wire). Each parcel is a
 * quadrilateral inset in its cell with corners moved by a hash of its number, so the picture is
 * not a perfect grid; its area is PostGIS's on the spheroid (the app's agrees to 1e-8). Its status
 * is a hash-chosen step of the lifecycle, with a dated history that reaches it. Deterministic:
 * the same options give the same rows.
 */
const PARCELS_SQL = `
WITH box AS (
  SELECT $2::int AS n, $3::float8 AS west, $4::float8 AS south, $5::float8 AS east, $6::float8 AS north
), grid AS (
  SELECT box.*, ceil(sqrt(n * (east - west) / (north - south)))::int AS cols FROM box
), sized AS (
  SELECT grid.*, ceil(n::float8 / cols)::int AS rows, (east - west) / cols AS dx, (north - south) / ceil(n::float8 / cols) AS dy FROM grid
)
INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters)
SELECT $1, 'P-' || i, i, md5(i::text),
       jsonb_build_object(
         'name', '地块 ' || i,
         'status', ($7::text[])[level + 1],
         'street', ($8::text[])[1 + (c * array_length($8::text[], 1)) / cols],
         'history', (SELECT jsonb_agg(jsonb_build_object('date', to_char(date '2024-01-01' + step * 120 + i % 90, 'YYYY-MM-DD'), 'status', ($7::text[])[step + 1]) ORDER BY step)
                       FROM generate_series(0, level) AS step)),
       poly.geom, ST_Area(poly.geom::geography), 0
  FROM sized, generate_series(0, $2::int - 1) AS i,
       LATERAL (SELECT i % cols AS c, i / cols AS r) AS place,
       LATERAL (SELECT west + c * dx AS x0, south + r * dy AS y0,
                       abs(hashint4(i * 4)) % 1000 / 10000.0 AS j0, abs(hashint4(i * 4 + 1)) % 1000 / 10000.0 AS j1,
                       abs(hashint4(i * 4 + 2)) % 1000 / 10000.0 AS j2, abs(hashint4(i * 4 + 3)) % 1000 / 10000.0 AS j3,
                       abs(hashint4(i)) % array_length($7::text[], 1) AS level) AS shape,
       LATERAL (SELECT ST_SetSRID(ST_MakePolygon(ST_MakeLine(ARRAY[
         ST_MakePoint(x0 + dx * (0.08 + j0), y0 + dy * (0.08 + j1)),
         ST_MakePoint(x0 + dx * (0.92 - j2), y0 + dy * (0.08 + j3)),
         ST_MakePoint(x0 + dx * (0.92 - j0), y0 + dy * (0.92 - j2)),
         ST_MakePoint(x0 + dx * (0.08 + j3), y0 + dy * (0.92 - j1)),
         ST_MakePoint(x0 + dx * (0.08 + j0), y0 + dy * (0.08 + j1))])), 4326) AS geom) AS poly`;

/**
 * Replaces a layer's rows in plan_feature with synthetic parcels (the layer's plan_layer row,
 * bytes and all, stays: the tiles read plan_feature only), and bumps its revision. The indexes are
 * rebuilt after the insert, as a bulk load should.
 */
export async function fillParcels(pool: pg.Pool, options: ParcelOptions): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM plan_feature WHERE layer = $1', [options.layerId]);
    await client.query('DROP INDEX IF EXISTS plan_feature_geom');
    await client.query('DROP INDEX IF EXISTS plan_feature_status');
    const [west, south, east, north] = options.bounds;
    await client.query(PARCELS_SQL, [options.layerId, options.count, west, south, east, north, options.statuses, options.streets]);
    await client.query('CREATE INDEX plan_feature_geom ON plan_feature USING gist (geom)');
    await client.query("CREATE INDEX plan_feature_status ON plan_feature (layer, (properties ->> 'status'))");
    await client.query('UPDATE plan_layer SET revision = revision + 1 WHERE id = $1', [options.layerId]);
    await updateLayerSpread(client, options.layerId);
    await client.query('COMMIT');
    await client.query('ANALYZE plan_feature');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
