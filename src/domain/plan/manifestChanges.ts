import type { DocumentChange } from '../changes/documentChange';
import type { LayerDefinition, Manifest, PlanTarget, StatusDefinition } from './manifest';
import { safeText } from '../validation/safeText';

const shown = (value: unknown): string => {
  // A number being typed may be none yet: shown as a dash, never as "null" or "NaN".
  if (value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  if (typeof value === 'string') return safeText(value, 40);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return safeText(value.join(', '), 80);
  return safeText(JSON.stringify(value), 80);
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an admin's save of layers.json changes, item by item: the district, each layer's name and
 * colour, its statuses (labels, colours, added, removed), done statuses and targets (value,
 * deadline, counted statuses, label, added, removed). Anything else that differs is named by its
 * path, so no change goes unmentioned in the history.
 */
export function manifestChanges(before: Manifest, after: Manifest): DocumentChange[] {
  const changes: DocumentChange[] = [];
  const add = (path: string, zh: string, en: string): void => void changes.push({ path, text: { zh, en } });
  const field = (path: string, whatZh: string, whatEn: string, from: unknown, to: unknown): void => {
    if (!same(from, to)) add(path, `${whatZh}：${shown(from)} → ${shown(to)}`, `${whatEn}: ${shown(from)} → ${shown(to)}`);
  };

  field('/district/name/zh', '区名（中文）', 'district name (Chinese)', before.district.name.zh, after.district.name.zh);
  field('/district/name/en', '区名（英文）', 'district name (English)', before.district.name.en, after.district.name.en);
  field('/district/planStart', '规划期开始', 'plan start', before.district.planStart, after.district.planStart);
  field('/district/planEnd', '规划期结束', 'plan end', before.district.planEnd, after.district.planEnd);
  for (const key of ['center', 'zoom', 'bounds'] as const) field(`/district/${key}`, `区 ${key}`, `district ${key}`, before.district[key], after.district[key]);

  const beforeLayers = new Map(before.layers.map((layer) => [layer.id, layer]));
  after.layers.forEach((layer, index) => {
    const old = beforeLayers.get(layer.id);
    const path = `/layers/${index}`;
    if (old) layerChanges(old, layer, path, add, field);
    else add(path, `新增图层 ${safeText(layer.id)}`, `layer ${safeText(layer.id)} added`);
  });
  before.layers.forEach((layer, index) => {
    if (!after.layers.some((candidate) => candidate.id === layer.id)) add(`/layers/${index}`, `删除图层 ${safeText(layer.id)}`, `layer ${safeText(layer.id)} removed`);
  });
  const order = (manifest: Manifest) => manifest.layers.map((layer) => layer.id).filter((id) => beforeLayers.has(id) && after.layers.some((candidate) => candidate.id === id));
  if (!same(order(before), order(after))) add('/layers', `图层顺序：${shown(order(before))} → ${shown(order(after))}`, `layer order: ${shown(order(before))} → ${shown(order(after))}`);
  return changes;
}

type Add = (path: string, zh: string, en: string) => void;
type Field = (path: string, whatZh: string, whatEn: string, from: unknown, to: unknown) => void;

function layerChanges(before: LayerDefinition, after: LayerDefinition, path: string, add: Add, field: Field): void {
  const id = safeText(after.id);
  field(`${path}/name/zh`, `${id} 图层名（中文）`, `${id} name (Chinese)`, before.name.zh, after.name.zh);
  field(`${path}/name/en`, `${id} 图层名（英文）`, `${id} name (English)`, before.name.en, after.name.en);
  for (const key of ['color', 'unit', 'geometry'] as const) field(`${path}/${key}`, `${id} ${key}`, `${id} ${key}`, before[key], after[key]);

  const oldStatuses = new Map(before.statuses.map((status) => [status.id, status]));
  after.statuses.forEach((status, index) => {
    const old = oldStatuses.get(status.id);
    const at = `${path}/statuses/${index}`;
    if (old) statusChanges(id, old, status, at, field);
    else add(at, `${id} 新增状态 ${safeText(status.id)}（${safeText(status.label.zh)}）`, `${id} status ${safeText(status.id)} (${safeText(status.label.en)}) added`);
  });
  before.statuses.forEach((status, index) => {
    if (!after.statuses.some((candidate) => candidate.id === status.id))
      add(`${path}/statuses/${index}`, `${id} 删除状态 ${safeText(status.id)}（${safeText(status.label.zh)}）`, `${id} status ${safeText(status.id)} (${safeText(status.label.en)}) removed`);
  });
  const statusOrder = (layer: LayerDefinition) => layer.statuses.map((status) => status.id).filter((status) => oldStatuses.has(status) && after.statuses.some((candidate) => candidate.id === status));
  if (!same(statusOrder(before), statusOrder(after))) field(`${path}/statuses`, `${id} 状态顺序`, `${id} status order`, statusOrder(before), statusOrder(after));
  field(`${path}/doneStatuses`, `${id} 完成状态`, `${id} done statuses`, before.doneStatuses, after.doneStatuses);

  const oldTargets = new Map(before.targets.map((target) => [target.id, target]));
  after.targets.forEach((target, index) => {
    const old = oldTargets.get(target.id);
    const at = `${path}/targets/${index}`;
    if (old) targetChanges(id, old, target, at, field);
    else add(at, `${id} 新增目标 ${safeText(target.label.zh)}`, `${id} target ${safeText(target.label.en)} added`);
  });
  before.targets.forEach((target, index) => {
    if (!after.targets.some((candidate) => candidate.id === target.id)) add(`${path}/targets/${index}`, `${id} 删除目标 ${safeText(target.label.zh)}`, `${id} target ${safeText(target.label.en)} removed`);
  });
  field(`${path}/attributes`, `${id} 属性列`, `${id} attribute columns`, before.attributes, after.attributes);
}

function statusChanges(layer: string, before: StatusDefinition, after: StatusDefinition, path: string, field: Field): void {
  const zh = `${layer} 状态 ${safeText(before.label.zh)}`;
  const en = `${layer} status ${safeText(after.id)}`;
  field(`${path}/label/zh`, `${zh} 名称（中文）`, `${en} label (Chinese)`, before.label.zh, after.label.zh);
  field(`${path}/label/en`, `${zh} 名称（英文）`, `${en} label (English)`, before.label.en, after.label.en);
  field(`${path}/color`, `${zh} 颜色`, `${en} colour`, before.color, after.color);
}

function targetChanges(layer: string, before: PlanTarget, after: PlanTarget, path: string, field: Field): void {
  const zh = `${layer} 目标 ${safeText(after.label.zh)}`;
  const en = `${layer} target ${safeText(after.label.en)}`;
  field(`${path}/target`, `${zh} 目标值`, `${en} value`, before.target, after.target);
  field(`${path}/deadline`, `${zh} 期限`, `${en} deadline`, before.deadline, after.deadline);
  field(`${path}/countedStatuses`, `${zh} 计入状态`, `${en} counted statuses`, before.countedStatuses, after.countedStatuses);
  field(`${path}/label/zh`, `${zh} 名称（中文）`, `${en} label (Chinese)`, before.label.zh, after.label.zh);
  field(`${path}/label/en`, `${zh} 名称（英文）`, `${en} label (English)`, before.label.en, after.label.en);
  field(`${path}/metric`, `${zh} 指标`, `${en} metric`, before.metric, after.metric);
  field(`${path}/where`, `${zh} 条件`, `${en} condition`, before.where, after.where);
}
