/**
 * What each feature of a plan layer's vector tile carries: enough for the map to colour it by
 * status, filter it by status, sub-district and date (statusAsOf) and name it on click. Details
 * and measures are not here: tile geometry is clipped and simplified, so the details API measures
 * the stored geometry instead.
 *
 * The MVT feature id is the feature's ordinal in the layer (MVT ids are integers); `id` is the
 * project's own id. History is carried newest first in numbered slots, `d<n>` the day as
 * YYYYMMDD (layerColumns' dayKey) and `s<n>` the status, because MVT values are scalars and a
 * style expression cannot read a list: the status on day D is `s<n>` of the first slot with
 * `d<n>` <= D, the current status when `hn` is 0, and none otherwise (the rule of statusAsOf).
 */
export const TILE_ATTRIBUTES = {
  id: 'id',
  status: 'status',
  street: 'street',
  historyCount: 'hn',
} as const;

/**
 * Slots of history per feature. A lifecycle has four to six statuses; a project with more
 * entries keeps its newest eight, so only days before its eighth-newest change read as "none yet".
 */
export const TILE_HISTORY_SLOTS = 8;

export function historyDayAttribute(slot: number): string {
  return `d${slot}`;
}

export function historyStatusAttribute(slot: number): string {
  return `s${slot}`;
}

/** Tiles are 4096 units wide with 64 units of buffer, as the PostGIS and MapLibre defaults. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
