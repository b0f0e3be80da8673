import { isCalendarDate } from './isCalendarDate';
import type { ValidationProblem } from './schemaValidation';
import { isRecord } from './isRecord';

/**
 * Rules about geodata/layers.json that JSON Schema cannot express: ids that must be unique,
 * status references that must resolve, real dates, and measures that fit the geometry.
 * The input is untrusted JSON: each check reads only what has the expected shape, since
 * shape errors are reported by the schema.
 */
export function checkManifestConsistency(file: string, manifest: unknown): ValidationProblem[] {
  if (!isRecord(manifest)) return [];
  const problems: ValidationProblem[] = [];
  const at = (path: string, code: string, message: string): void => {
    problems.push({ file, path, code, message });
  };

  if (isRecord(manifest.district)) checkDistrict(manifest.district, at);

  if (!Array.isArray(manifest.layers)) return problems;
  const layerIds = new Map<string, number>();
  // Target ids are unique across the manifest: progress views and URLs name a target by id alone.
  const targetIds = new Map<string, string>();
  manifest.layers.forEach((layer: unknown, layerIndex) => {
    if (!isRecord(layer)) return;
    const layerPath = `/layers/${layerIndex}`;
    if (typeof layer.id === 'string') {
      const first = layerIds.get(layer.id);
      if (first === undefined) layerIds.set(layer.id, layerIndex);
      else at(`${layerPath}/id`, 'duplicate-id', duplicateMessage('图层', 'layer', layer.id, `/layers/${first}`));
    }

    const statusIds = new Map<string, number>();
    forEachRecord(layer.statuses, (status, statusIndex) => {
      if (typeof status.id !== 'string') return;
      const first = statusIds.get(status.id);
      if (first === undefined) statusIds.set(status.id, statusIndex);
      else
        at(`${layerPath}/statuses/${statusIndex}/id`, 'duplicate-id', duplicateMessage('状态', 'status', status.id, `${layerPath}/statuses/${first}`));
    });
    const checkStatusReference = (value: unknown, path: string): void => {
      if (typeof value === 'string' && !statusIds.has(value))
        at(path, 'unknown-status', unknownStatusMessage(value, [...statusIds.keys()]));
    };
    if (Array.isArray(layer.doneStatuses))
      layer.doneStatuses.forEach((id: unknown, i) => checkStatusReference(id, `${layerPath}/doneStatuses/${i}`));

    const attributeValues = new Map<string, Record<string, unknown> | undefined>();
    forEachRecord(layer.attributes, (attribute, attributeIndex) => {
      if (typeof attribute.property !== 'string') return;
      if (attributeValues.has(attribute.property))
        at(`${layerPath}/attributes/${attributeIndex}/property`, 'duplicate-id', duplicateMessage('属性', 'attribute', attribute.property, layerPath));
      attributeValues.set(attribute.property, isRecord(attribute.values) ? attribute.values : undefined);
    });

    forEachRecord(layer.targets, (target, targetIndex) => {
      const targetPath = `${layerPath}/targets/${targetIndex}`;
      if (typeof target.id === 'string') {
        const first = targetIds.get(target.id);
        if (first === undefined) targetIds.set(target.id, targetPath);
        else at(`${targetPath}/id`, 'duplicate-id', duplicateMessage('目标', 'target', target.id, first));
      }
      if (Array.isArray(target.countedStatuses))
        target.countedStatuses.forEach((id: unknown, i) => checkStatusReference(id, `${targetPath}/countedStatuses/${i}`));
      if (typeof target.deadline === 'string' && !isCalendarDate(target.deadline))
        at(`${targetPath}/deadline`, 'invalid-date', invalidDateMessage(target.deadline));
      if (typeof target.metric === 'string' && typeof layer.geometry === 'string' && !metricFitsGeometry(target.metric, layer.geometry))
        at(
          `${targetPath}/metric`,
          'metric-geometry-mismatch',
          `指标 ${target.metric} 不适用于${layer.geometry === 'line' ? '线' : '面'}图层 / metric ${target.metric} does not apply to a ${layer.geometry} layer`,
        );
      if (isRecord(target.where) && typeof target.where.property === 'string' && typeof target.where.equals === 'string') {
        const values = attributeValues.get(target.where.property);
        if (values && !(target.where.equals in values))
          at(
            `${targetPath}/where/equals`,
            'unknown-attribute-value',
            `"${target.where.equals}" 不是属性 ${target.where.property} 的取值（${Object.keys(values).join(', ')}）/ "${target.where.equals}" is not a value of ${target.where.property} (${Object.keys(values).join(', ')})`,
          );
      }
    });
  });
  return problems;
}

type Report = (path: string, code: string, message: string) => void;

function checkDistrict(district: Record<string, unknown>, at: Report): void {
  const { planStart, planEnd, bounds, center } = district;
  for (const [key, value] of [['planStart', planStart], ['planEnd', planEnd]] as const)
    if (typeof value === 'string' && !isCalendarDate(value)) at(`/district/${key}`, 'invalid-date', invalidDateMessage(value));
  if (typeof planStart === 'string' && typeof planEnd === 'string' && isCalendarDate(planStart) && isCalendarDate(planEnd) && planEnd <= planStart)
    at('/district/planEnd', 'invalid-period', `规划期结束 ${planEnd} 须晚于开始 ${planStart} / plan end ${planEnd} must be after plan start ${planStart}`);

  if (!isNumberList(bounds) || bounds.length !== 4) return;
  const [west = 0, south = 0, east = 0, north = 0] = bounds;
  if (west >= east || south >= north)
    at('/district/bounds', 'invalid-bounds', '范围须为 [西, 南, 东, 北]，西 < 东、南 < 北 / bounds must be [west, south, east, north] with west < east and south < north');
  else if (isNumberList(center) && center.length === 2 && !isInside(center, [west, south, east, north]))
    at('/district/center', 'center-outside-bounds', '地图中心不在区范围内 / the map centre lies outside the district bounds');
}

function metricFitsGeometry(metric: string, geometry: string): boolean {
  if (metric === 'length_km') return geometry === 'line';
  if (metric === 'area_ha' || metric === 'area_mu') return geometry === 'polygon';
  return true;
}

function duplicateMessage(kindZh: string, kindEn: string, id: string, firstPath: string): string {
  return `${kindZh} id "${id}" 重复（首次出现于 ${firstPath}）/ duplicate ${kindEn} id "${id}" (first used at ${firstPath})`;
}

function unknownStatusMessage(status: string, statusIds: string[]): string {
  const allowed = statusIds.join(', ');
  return `状态 "${status}" 不在本图层的状态列表中（${allowed}）/ status "${status}" is not one of this layer's statuses (${allowed})`;
}

function invalidDateMessage(text: string): string {
  return `"${text}" 不是有效日期（YYYY-MM-DD）/ "${text}" is not a valid date (YYYY-MM-DD)`;
}

function forEachRecord(list: unknown, visit: (item: Record<string, unknown>, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, index) => {
    if (isRecord(item)) visit(item, index);
  });
}

function isNumberList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item: unknown) => typeof item === 'number');
}

function isInside([lon = NaN, lat = NaN]: number[], [west, south, east, north]: [number, number, number, number]): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}
