import { isCalendarDate } from '../dates/isCalendarDate';
import { statusNotInLifecycleText } from './statusNotInLifecycleText';
import { TARGET_METRICS } from './targetMetrics';
import type { ValidationCode, ValidationIssue } from '../validation/validationReport';
import { quoteValue, quoteValueZh } from '../validation/safeText';
import { isRecord } from '../isRecord';
import { controlLineIdIssues } from '../control/controlLineIdIssues';

/**
 * Rules about geodata/layers.json that its contract (manifest.ts) cannot express: ids that must be
 * unique, status references that must resolve, a plan period that runs forwards, units and
 * measures that fit the geometry, and the members each metric needs. The input is untrusted JSON: each
 * check reads only what has the expected shape, since shape errors are the contract's to report.
 */
export function checkManifestConsistency(file: string, manifest: unknown): ValidationIssue[] {
  if (!isRecord(manifest)) return [];
  const problems: ValidationIssue[] = [];
  const at = (path: string, code: ValidationCode, zh: string, en: string): void => {
    problems.push({ file, path, code, message: { zh, en } });
  };
  const duplicate = (path: string, kindZh: string, kindEn: string, id: string, firstPath: string): void =>
    at(path, 'DUPLICATE_ID', `${kindZh} id ${quoteValueZh(id)} 重复（首次出现于 ${firstPath}）`, `duplicate ${kindEn} id ${quoteValue(id)} (first used at ${firstPath})`);

  if (isRecord(manifest.district)) checkDistrict(manifest.district, at);
  problems.push(...controlLineIdIssues(file, manifest));

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
      else duplicate(`${layerPath}/id`, '图层', 'layer', layer.id, `/layers/${first}`);
    }

    if (typeof layer.geometry === 'string') checkLayerUnit(layer.geometry, layer.unit, layerPath, at);

    const statusIds = new Map<string, number>();
    forEachRecord(layer.statuses, (status, statusIndex) => {
      if (typeof status.id !== 'string') return;
      const first = statusIds.get(status.id);
      if (first === undefined) statusIds.set(status.id, statusIndex);
      else duplicate(`${layerPath}/statuses/${statusIndex}/id`, '状态', 'status', status.id, `${layerPath}/statuses/${first}`);
    });
    const checkStatusReference = (value: unknown, path: string): void => {
      if (typeof value !== 'string' || statusIds.has(value)) return;
      const text = statusNotInLifecycleText(value, { statuses: [...statusIds.keys()].map((id) => ({ id })) });
      at(path, 'UNKNOWN_STATUS', text.zh, text.en);
    };
    if (Array.isArray(layer.doneStatuses))
      layer.doneStatuses.forEach((id: unknown, i) => checkStatusReference(id, `${layerPath}/doneStatuses/${i}`));

    const attributeValues = new Map<string, Record<string, unknown> | undefined>();
    forEachRecord(layer.attributes, (attribute, attributeIndex) => {
      if (typeof attribute.property !== 'string') return;
      if (attributeValues.has(attribute.property))
        duplicate(`${layerPath}/attributes/${attributeIndex}/property`, '属性', 'attribute', attribute.property, layerPath);
      attributeValues.set(attribute.property, isRecord(attribute.values) ? attribute.values : undefined);
    });

    forEachRecord(layer.targets, (target, targetIndex) => {
      const targetPath = `${layerPath}/targets/${targetIndex}`;
      if (typeof target.id === 'string') {
        const first = targetIds.get(target.id);
        if (first === undefined) targetIds.set(target.id, targetPath);
        else duplicate(`${targetPath}/id`, '目标', 'target', target.id, first);
      }
      if (Array.isArray(target.countedStatuses))
        target.countedStatuses.forEach((id: unknown, i) => checkStatusReference(id, `${targetPath}/countedStatuses/${i}`));
      if (typeof target.metric === 'string' && typeof layer.geometry === 'string' && !metricFitsGeometry(target.metric, layer.geometry))
        at(
          `${targetPath}/metric`,
          'METRIC_GEOMETRY_MISMATCH',
          `指标 ${target.metric} 不适用于${GEOMETRY_KIND_ZH[layer.geometry] ?? layer.geometry}图层`,
          `metric ${target.metric} does not apply to a ${layer.geometry} layer`,
        );
      checkTargetMembers(target, targetPath, at);
      if (isRecord(target.where) && typeof target.where.property === 'string' && typeof target.where.equals === 'string') {
        const values = attributeValues.get(target.where.property);
        if (values && !Object.hasOwn(values, target.where.equals)) {
          const known = Object.keys(values).join(', ');
          at(
            `${targetPath}/where/equals`,
            'UNKNOWN_ATTRIBUTE_VALUE',
            `${quoteValueZh(target.where.equals)} 不是属性 ${target.where.property} 的取值（${known}）`,
            `${quoteValue(target.where.equals)} is not a value of ${target.where.property} (${known})`,
          );
        }
      }
    });
  });
  return problems;
}

type Report = (path: string, code: ValidationCode, zh: string, en: string) => void;

function checkDistrict(district: Record<string, unknown>, at: Report): void {
  const { planStart, planEnd, bounds, center } = district;
  if (typeof planStart === 'string' && typeof planEnd === 'string' && isCalendarDate(planStart) && isCalendarDate(planEnd) && planEnd <= planStart)
    at('/district/planEnd', 'INVALID_PERIOD', `规划期结束 ${planEnd} 须晚于开始 ${planStart}`, `plan end ${planEnd} must be after plan start ${planStart}`);

  if (!isNumberList(bounds) || bounds.length !== 4) return;
  const [west = 0, south = 0, east = 0, north = 0] = bounds;
  if (west >= east || south >= north)
    at('/district/bounds', 'INVALID_BOUNDS', '范围须为 [西, 南, 东, 北]，西 < 东、南 < 北', 'bounds must be [west, south, east, north] with west < east and south < north');
  else if (isNumberList(center) && center.length === 2 && !isInside(center, [west, south, east, north]))
    at('/district/center', 'CENTER_OUTSIDE_BOUNDS', '地图中心不在区范围内', 'the map centre lies outside the district bounds');
}

const UNITS_OF_GEOMETRY: Record<string, readonly string[]> = { polygon: ['ha', 'mu'], line: ['km'], point: [] };

/** Polygon layers are measured in ha or mu, line layers in km; a point layer's measure is its count, so it has no unit. */
function checkLayerUnit(geometry: string, unit: unknown, layerPath: string, at: Report): void {
  const allowed = UNITS_OF_GEOMETRY[geometry];
  if (!allowed) return;
  const kindZh = GEOMETRY_KIND_ZH[geometry] ?? geometry;
  if (allowed.length === 0 && unit !== undefined)
    at(`${layerPath}/unit`, 'UNIT_GEOMETRY_MISMATCH', `${kindZh}图层以个数计，不设 unit；删除 unit`, `a ${geometry} layer is measured by its count and has no unit; remove unit`);
  else if (allowed.length > 0 && unit === undefined)
    at(`${layerPath}/unit`, 'UNIT_GEOMETRY_MISMATCH', `${kindZh}图层须设 unit（${allowed.join(' 或 ')}）`, `a ${geometry} layer needs a unit (${allowed.join(' or ')})`);
  else if (typeof unit === 'string' && allowed.length > 0 && !allowed.includes(unit))
    at(`${layerPath}/unit`, 'UNIT_GEOMETRY_MISMATCH', `单位 ${unit} 不适用于${kindZh}图层（可用 ${allowed.join('、')}）`, `unit ${unit} does not apply to a ${geometry} layer (use ${allowed.join(' or ')})`);
}

/** A sum adds a named property in its own unit; a share is a percentage; the other metrics take neither member. */
function checkTargetMembers(target: Record<string, unknown>, targetPath: string, at: Report): void {
  const { metric } = target;
  if (metric === 'sum' && target.property === undefined)
    at(`${targetPath}/property`, 'TARGET_MEMBER_MISMATCH', 'sum 指标须指明累加的数值属性 property，如 "investment"', 'a sum target needs the numeric property it adds up, e.g. "property": "investment"');
  if (typeof metric === 'string' && metric !== 'sum') {
    for (const member of ['property', 'unit'] as const)
      if (target[member] !== undefined)
        at(`${targetPath}/${member}`, 'TARGET_MEMBER_MISMATCH', `${member} 仅用于 sum 指标；${metric} 指标请删除它`, `${member} belongs to sum targets only; remove it from this ${metric} target`);
  }
  if (metric === 'share' && typeof target.target === 'number' && target.target > 100)
    at(`${targetPath}/target`, 'TARGET_MEMBER_MISMATCH', `share 指标的目标是百分比（0–100），${target.target} 超出`, `a share target is a percentage (0–100); ${target.target} is more than 100`);
}

const GEOMETRY_KIND_ZH: Record<string, string> = { polygon: '面', line: '线', point: '点' };

function metricFitsGeometry(metric: string, geometry: string): boolean {
  const definition = Object.hasOwn(TARGET_METRICS, metric) ? TARGET_METRICS[metric as keyof typeof TARGET_METRICS] : undefined;
  return !definition || definition.geometries.some((kind) => kind === geometry);
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
