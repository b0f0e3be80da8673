import { dayKey } from '../columns/layerColumns';
import { historyDayAttribute, historyStatusAttribute, TILE_ATTRIBUTES, TILE_HISTORY_SLOTS } from './tileAttributes';

/** A tile feature's attributes as a vector-tile decoder gives them. */
export type TileFeatureAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * The status of a tile feature on `isoDate` (YYYY-MM-DD), read from its history slots by the rule
 * of statusAsOf: the newest entry dated on or before the day; the current status for a project
 * without history; null when it had none yet. The map's style expression for dated views is this
 * function written as a MapLibre `case` (tileStatusExpression.ts in src/map).
 */
export function tileFeatureStatusAsOf(attributes: TileFeatureAttributes, isoDate: string): string | null {
  const day = dayKey(isoDate);
  if (Number(attributes[TILE_ATTRIBUTES.historyCount] ?? 0) === 0) return String(attributes[TILE_ATTRIBUTES.status] ?? '') || null;
  for (let slot = 1; slot <= TILE_HISTORY_SLOTS; slot++) {
    const slotDay = attributes[historyDayAttribute(slot)];
    if (typeof slotDay === 'number' && slotDay <= day) return String(attributes[historyStatusAttribute(slot)] ?? '') || null;
  }
  return null;
}
