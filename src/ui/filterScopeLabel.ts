import type { Locale } from '../domain/plan/manifest';
import { fillMessage } from './fillMessage';
import { translate } from './messages';

/**
 * How a filtered part of a target is named: the sub-district when one is chosen alone
 * ("其中 金湖街道：6"), else the number of sub-districts, else "the current filter" (also under 只看预警项目).
 */
export function filterScopeLabel(locale: Locale, streets: readonly string[], statuses: readonly string[], lateOnly = false): string {
  if (lateOnly) return translate(locale, 'scopeFilter');
  if (statuses.length === 0 && streets.length === 1 && streets[0]) return streets[0];
  if (statuses.length === 0 && streets.length > 1) return fillMessage(translate(locale, 'scopeStreets'), { count: streets.length });
  return translate(locale, 'scopeFilter');
}
