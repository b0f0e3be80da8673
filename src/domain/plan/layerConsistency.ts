import { isCalendarDate } from '../dates/isCalendarDate';
import { quoteValue, quoteValueZh } from '../validation/safeText';
import type { ValidationCode, ValidationIssue } from '../validation/validationReport';
import { statusNotInLifecycleText } from './statusNotInLifecycleText';
import { isRecord } from '../isRecord';
import { planDateProblems } from './planDateProblems';

/**
 * Rules about a layer's features that JSON Schema cannot express: unique ids, history order,
 * real calendar dates (history and plan_dates), plan_dates keyed by the layer's statuses, and the current status agreeing with the latest history entry.
 * The input is untrusted JSON, so every check looks before it reads; shape errors are the
 * schema's job and are not repeated here.
 */
export function checkLayerConsistency(
  file: string,
  collection: unknown,
  /** The layer's lifecycle; undefined when the manifest is too broken to know it. */
  statusIds: readonly string[] | undefined,
): ValidationIssue[] {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return [];
  const problems: ValidationIssue[] = [];
  const firstIndexById = new Map<string, number>();
  const lifecycle = statusIds ? new Set(statusIds) : undefined;

  collection.features.forEach((feature: unknown, featureIndex) => {
    if (!isRecord(feature)) return;
    const featureId = typeof feature.id === 'string' ? feature.id : undefined;
    const at = (path: string, code: ValidationCode, zh: string, en: string): void => {
      problems.push({ file, featureIndex, ...(featureId === undefined ? {} : { featureId }), path: `/features/${featureIndex}${path}`, code, message: { zh, en } });
    };
    const unknownStatus = (path: string, status: string): void => {
      const text = statusNotInLifecycleText(status, { statuses: (statusIds ?? []).map((id) => ({ id })) });
      at(path, 'UNKNOWN_STATUS', text.zh, text.en);
    };

    if (featureId !== undefined) {
      const first = firstIndexById.get(featureId);
      if (first === undefined) firstIndexById.set(featureId, featureIndex);
      else
        at('/id', 'DUPLICATE_ID', `要素 id ${quoteValueZh(featureId)} 与第 ${first + 1} 个要素重复`, `feature id ${quoteValue(featureId)} is already used by feature ${first + 1}`);
    }

    for (const ringPath of openRingPaths(feature.geometry))
      at(`/geometry/coordinates${ringPath}`, 'RING_NOT_CLOSED', '面的环须首尾坐标相同', 'a polygon ring must end at its first position');

    const properties = feature.properties;
    if (!isRecord(properties)) return;
    const status = properties.status;
    if (typeof status === 'string' && lifecycle && !lifecycle.has(status))
      unknownStatus('/properties/status', status);

    for (const problem of planDateProblems(properties.plan_dates, statusIds)) at(problem.path, problem.code, problem.message.zh, problem.message.en);

    const history = properties.history;
    if (!Array.isArray(history)) return;
    let previousDate: string | undefined;
    history.forEach((entry: unknown, entryIndex) => {
      if (!isRecord(entry)) return;
      const entryPath = `/properties/history/${entryIndex}`;
      if (typeof entry.status === 'string' && lifecycle && !lifecycle.has(entry.status))
        unknownStatus(`${entryPath}/status`, entry.status);
      if (typeof entry.date !== 'string') return;
      if (!isCalendarDate(entry.date)) {
        at(`${entryPath}/date`, 'INVALID_DATE', `${quoteValueZh(entry.date)} 不是有效日期（YYYY-MM-DD）`, `${quoteValue(entry.date)} is not a valid date (YYYY-MM-DD)`);
        return;
      }
      // ISO dates of equal length compare correctly as strings.
      if (previousDate !== undefined && entry.date <= previousDate)
        at(
          `${entryPath}/date`,
          'HISTORY_NOT_INCREASING',
          `历史记录日期须逐条递增：${entry.date} 不晚于上一条 ${previousDate}`,
          `history dates must be strictly increasing: ${entry.date} is not after ${previousDate}`,
        );
      previousDate = entry.date;
    });

    const last: unknown = history[history.length - 1];
    if (typeof status === 'string' && isRecord(last) && typeof last.status === 'string' && last.status !== status)
      at(
        '/properties/status',
        'STATUS_NOT_LAST_HISTORY',
        `当前状态 ${quoteValueZh(status)} 与最后一条历史记录的状态 ${quoteValueZh(last.status)} 不一致`,
        `status ${quoteValue(status)} differs from the last history entry's status ${quoteValue(last.status)}`,
      );
  });
  return problems;
}


/** JSON-pointer suffixes of polygon rings whose last position differs from the first (RFC 7946 §3.1.6). */
function openRingPaths(geometry: unknown): string[] {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return [];
  const polygons: unknown[] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const prefix = (polygonIndex: number): string => (geometry.type === 'MultiPolygon' ? `/${polygonIndex}` : '');
  const paths: string[] = [];
  polygons.forEach((rings, polygonIndex) => {
    if (!Array.isArray(rings)) return;
    rings.forEach((ring: unknown, ringIndex) => {
      if (!Array.isArray(ring) || ring.length < 2) return;
      const first: unknown = ring[0];
      const last: unknown = ring[ring.length - 1];
      if (!Array.isArray(first) || !Array.isArray(last)) return;
      const closed = first.length === last.length && first.every((value: unknown, i) => value === last[i]);
      if (!closed) paths.push(`${prefix(polygonIndex)}/${ringIndex}`);
    });
  });
  return paths;
}
