import type pg from 'pg';
import { historyDayAttribute, historyStatusAttribute, TILE_ATTRIBUTES, TILE_BUFFER, TILE_EXTENT, TILE_HISTORY_SLOTS } from '../../domain/tiles/tileAttributes';
import type { TileAddress } from '../../domain/tiles/tileAddress';

export interface LayerTile {
  /** Mapbox Vector Tile bytes; empty when nothing of the layer lies in the tile. */
  bytes: Buffer;
  /** Features whose bounding box meets the tile and its buffer. */
  featureCount: number;
  /** Whether the per-tile budget cut features off (see docs/tiles.md). */
  truncated: boolean;
}

const historySlots = Array.from({ length: TILE_HISTORY_SLOTS }, (_, index) => index + 1)
  .map((slot) => `history.days[${slot}] AS ${historyDayAttribute(slot)}, history.statuses[${slot}] AS ${historyStatusAttribute(slot)}`)
  .join(',\n         ');

/*
 * One statement per tile. The search box is the tile grown by its buffer (ST_TileEnvelope's
 * margin), turned to lon/lat so the GiST index on plan_feature.geom answers it; ST_AsMVTGeom
 * clips to the same buffer and snaps to the 4096 grid, which is the per-zoom simplification
 * (a parcel under one grid cell collapses and is dropped). History is sorted newest first by the
 * rule of statusAsOf: by calendar day, the later entry on a tie.
 */
const TILE_SQL = `
WITH box AS (
  SELECT ST_TileEnvelope($2::int, $3::int, $4::int) AS envelope,
         ST_Transform(ST_TileEnvelope($2::int, $3::int, $4::int, margin => ${TILE_BUFFER / TILE_EXTENT}::float8), 4326) AS search
), hits AS (
  SELECT f.ordinal, f.feature_id, f.properties, f.geom
    FROM plan_feature f, box
   WHERE f.layer = $1 AND f.geom && box.search AND ($7::int = 1 OR abs(hashint4(f.ordinal)) % $7::int = 0)
   LIMIT $5
), shaped AS (
  SELECT hits.ordinal,
         hits.feature_id AS ${TILE_ATTRIBUTES.id},
         hits.properties ->> 'status' AS ${TILE_ATTRIBUTES.status},
         hits.properties ->> 'street' AS ${TILE_ATTRIBUTES.street},
         history.count AS ${TILE_ATTRIBUTES.historyCount},
         ${historySlots},
         ST_AsMVTGeom(ST_Transform(hits.geom, 3857), box.envelope, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
    FROM hits CROSS JOIN box
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count,
             array_agg(CASE WHEN entry ->> 'date' ~ '^\\d{4}-\\d{2}-\\d{2}' THEN replace(left(entry ->> 'date', 10), '-', '')::int END
                       ORDER BY left(entry ->> 'date', 10) DESC, position DESC) AS days,
             array_agg(entry ->> 'status' ORDER BY left(entry ->> 'date', 10) DESC, position DESC) AS statuses
        FROM jsonb_array_elements(CASE jsonb_typeof(hits.properties -> 'history') WHEN 'array' THEN hits.properties -> 'history' ELSE '[]'::jsonb END)
             WITH ORDINALITY AS item(entry, position)
    ) history
)
SELECT (SELECT ST_AsMVT(shaped.*, $6, ${TILE_EXTENT}, 'geom', 'ordinal') FROM shaped WHERE shaped.geom IS NOT NULL) AS tile,
       (SELECT count(*) FROM hits)::int AS hits`;

/**
 * The layer's tile at `address`, from plan_feature: one project in `stride` (chosen by a hash of
 * its ordinal, so the sample is spread evenly) and at most `featureBudget` of them.
 */
export async function queryLayerTile(pool: pg.Pool, layerId: string, address: TileAddress, limits: { featureBudget: number; stride: number }): Promise<LayerTile> {
  const { rows } = await pool.query<{ tile: Buffer | null; hits: number }>(TILE_SQL, [layerId, address.z, address.x, address.y, limits.featureBudget, layerId, limits.stride]);
  const row = rows[0];
  const featureCount = row?.hits ?? 0;
  return { bytes: row?.tile ?? Buffer.alloc(0), featureCount, truncated: featureCount >= limits.featureBudget };
}

/** How many projects a layer has and the box they fill, for choosing each zoom's stride. */
export interface LayerSpread {
  featureCount: number;
  bounds: [west: number, south: number, east: number, north: number] | null;
}

/** As the last save left them (migration 003); a layer whose rows were never counted is counted now. */
export async function queryLayerSpread(pool: pg.Pool, layerId: string): Promise<LayerSpread> {
  const { rows } = await pool.query<{ count: number | null; west: number | null; south: number | null; east: number | null; north: number | null }>(
    `SELECT feature_count AS count, ST_XMin(feature_extent) AS west, ST_YMin(feature_extent) AS south, ST_XMax(feature_extent) AS east, ST_YMax(feature_extent) AS north
       FROM plan_layer WHERE id = $1`,
    [layerId],
  );
  const row = rows[0];
  if (!row) return { featureCount: 0, bounds: null };
  if (row.count === null) return countLayerSpread(pool, layerId);
  if (row.west === null || row.south === null || row.east === null || row.north === null) return { featureCount: row.count, bounds: null };
  return { featureCount: row.count, bounds: [row.west, row.south, row.east, row.north] };
}

async function countLayerSpread(pool: pg.Pool, layerId: string): Promise<LayerSpread> {
  const { rows } = await pool.query<{ count: number; west: number | null; south: number | null; east: number | null; north: number | null }>(
    `SELECT count::int AS count, ST_XMin(extent) AS west, ST_YMin(extent) AS south, ST_XMax(extent) AS east, ST_YMax(extent) AS north
       FROM (SELECT count(*) AS count, ST_Extent(geom) AS extent FROM plan_feature WHERE layer = $1) AS layer`,
    [layerId],
  );
  const row = rows[0];
  if (!row || row.west === null || row.south === null || row.east === null || row.north === null) return { featureCount: row?.count ?? 0, bounds: null };
  return { featureCount: row.count, bounds: [row.west, row.south, row.east, row.north] };
}

/** The layer's revision (plan_layer.revision, one more at every save), or null when the database holds no such layer. */
export async function queryLayerRevision(pool: pg.Pool, layerId: string): Promise<number | null> {
  const { rows } = await pool.query<{ revision: string }>('SELECT revision FROM plan_layer WHERE id = $1', [layerId]);
  return rows[0] ? Number(rows[0].revision) : null;
}
