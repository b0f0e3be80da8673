import { isCalendarDate } from '../dates/isCalendarDate';
import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import { accepted, featureNotFound, rejected, type EditResult } from './editResult';
import { statusNotInLifecycle } from './statusNotInLifecycle';

/**
 * Moves features to `statusId` as of `isoDate`, appending `{date, status}` to each history
 * (one moment for a whole selection, so one undo reverts it). Features already in that status
 * are left alone rather than given a history entry that records no change.
 *
 * The date must be after each feature's last history date: checkLayerConsistency requires
 * history dates to increase strictly, so an equal date would only fail later, at save time.
 * Moving to an earlier lifecycle step is allowed: it is real (a project falls back) and the
 * pre-save diff lists it as a status regression.
 */
export function changeStatus(
  collection: PlanFeatureCollection,
  layer: LayerDefinition,
  featureIds: readonly string[],
  statusId: string,
  isoDate: string,
): EditResult {
  const unknown = statusNotInLifecycle(layer, statusId);
  if (unknown) return unknown;
  if (!isCalendarDate(isoDate)) return rejected(`"${isoDate}" 不是有效日期（YYYY-MM-DD）`, `"${isoDate}" is not a valid date (YYYY-MM-DD)`);
  const ids = [...new Set(featureIds)];
  if (ids.length === 0) return rejected('没有选中要素', 'no feature is selected');

  const byId = new Map<string, PlanFeature>();
  for (const feature of collection.features) if (!byId.has(feature.id)) byId.set(feature.id, feature);
  const putFeatures: PlanFeature[] = [];
  for (const id of ids) {
    const feature = byId.get(id);
    if (!feature) return featureNotFound(id);
    const lastDate = feature.properties.history.at(-1)?.date;
    // ISO dates of equal length compare correctly as strings.
    if (lastDate !== undefined && isoDate <= lastDate)
      return rejected(
        `“${feature.properties.name}”（${id}）最近一次状态变化在 ${lastDate}，新日期 ${isoDate} 须晚于它`,
        `"${feature.properties.name}" (${id}) last changed status on ${lastDate}; the new date ${isoDate} must be later`,
      );
    if (feature.properties.status === statusId) continue;
    putFeatures.push({
      ...feature,
      properties: { ...feature.properties, status: statusId, history: [...feature.properties.history, { date: isoDate, status: statusId }] },
    });
  }
  if (putFeatures.length === 0) {
    const label = layer.statuses.find((candidate) => candidate.id === statusId)?.label ?? { zh: statusId, en: statusId };
    return rejected(`所选要素已是“${label.zh}”状态`, `the selected features are already "${label.en}"`);
  }
  return accepted({ putFeatures, deleteFeatureIds: [], note: 'change-status' });
}
