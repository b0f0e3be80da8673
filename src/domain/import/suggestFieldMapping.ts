import type { LayerDefinition, LocalizedText } from '../plan/manifest';
import { mappingTargets, type FieldMapping, type PlanField } from './fieldMapping';
import { layerIdPattern } from './layerIdPattern';
import type { SourceColumn } from './sourceColumns';

/*
 * First guesses for the mapping step, which staff then correct: columns by name (the field's
 * own name, its manifest labels, and the column names Chinese survey and QGIS files commonly
 * use, pinyin initials included: BH = 编号, MC = 名称, ZT = 状态, JD = 街道, RQ = 日期).
 */

const PLAN_FIELD_NAMES: Record<PlanField, string[]> = {
  id: ['id', 'code', 'no', '编号', '项目编号', '地块编号', '图斑编号', '编码', '代码', 'bh', 'xmbh', 'dkbh'],
  name: ['name', 'title', '名称', '项目名称', '地块名称', '村名', '小区名称', '名字', 'mc', 'xmmc', 'dkmc'],
  status: ['status', 'state', '状态', '项目状态', '实施状态', '进展', '进度', 'zt'],
  statusDate: ['date', 'statusdate', '日期', '状态日期', '变更日期', '更新日期', '完成日期', 'rq'],
  street: ['street', 'subdistrict', 'town', '街道', '所属街道', '街道办', '街道办事处', '乡镇', '乡镇街道', 'jd', 'ssjd'],
};

/** Lifecycle words of Chinese plan data, for status values that match no label of the layer. */
const STARTED_WORDS = ['实施中', '进行中', '在建', '施工中', '推进中', '已启动', '开工'];
const DONE_WORDS = ['已完成', '完成', '已完工', '完工', '竣工', '已竣工', '建成', '已建成'];
const NOT_STARTED_WORDS = ['未启动', '未开始', '待启动', '计划', '规划', '拟建'];

/** Column names compared without case, spaces, underscores, hyphens or brackets. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_\-()（）[\]【】:：]/g, '');
}

function nameScore(column: string, names: readonly string[]): number {
  const candidate = normalise(column);
  if (candidate === '') return 0;
  let best = 0;
  for (const name of names.map(normalise)) {
    if (name === candidate) return 1;
    // Containment is a weaker hint, and only for names long enough not to match by accident ("no" in "notes").
    if (name.length >= 2 && candidate.length >= 2 && /[\u0080-\uffff]/.test(name + candidate) && (candidate.includes(name) || name.includes(candidate))) best = Math.max(best, 0.6);
  }
  return best;
}

function namesOf(key: string, label: LocalizedText | undefined): string[] {
  const names = key in PLAN_FIELD_NAMES ? [...PLAN_FIELD_NAMES[key as PlanField]] : [key];
  if (label) names.push(label.zh, label.en);
  return names;
}

/** A column whose values can be plan ids: unique, and each in the layer's id pattern when one is given. */
function canHoldIds(column: SourceColumn, idPattern: RegExp | undefined): boolean {
  if (!column.unique) return false;
  return idPattern === undefined || (column.filledCount > 0 && column.allValuesListed && column.distinctValues.every((value) => idPattern.test(value)));
}

/**
 * Each field gets the best-scoring column, each column serves one field; ties go to the earlier
 * field. With `idPattern` (layerIdPattern), a column is suggested for the id only when its values
 * follow it: a surveyor's numbering (BH 1, 2, 3) is no plan id, and generated ids are.
 */
export function suggestColumns(columns: readonly SourceColumn[], definition: Pick<LayerDefinition, 'attributes'>, idPattern?: RegExp): Record<string, string> {
  const candidates: { key: string; column: string; score: number; order: number }[] = [];
  mappingTargets(definition).forEach((target, order) => {
    for (const column of columns) {
      // Ids must be unique: a column with repeated values is no guess for them, whatever its name.
      const score = target.key === 'id' && !canHoldIds(column, idPattern) ? 0 : nameScore(column.name, namesOf(target.key, target.label));
      if (score > 0) candidates.push({ key: target.key, column: column.name, score, order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: Record<string, string> = {};
  const used = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.key in chosen || used.has(candidate.column)) continue;
    chosen[candidate.key] = candidate.column;
    used.add(candidate.column);
  }
  return chosen;
}

/** The status a source value most likely means, or undefined. */
export function suggestStatus(value: string, definition: Pick<LayerDefinition, 'statuses' | 'doneStatuses'>): string | undefined {
  const text = normalise(value);
  if (text === '') return undefined;
  const exact = definition.statuses.find((status) => [status.id, status.label.zh, status.label.en].some((name) => normalise(name) === text));
  if (exact) return exact.id;
  // "已拆除完毕" holds "已拆除": the longest label inside the value wins.
  const contained = definition.statuses
    .filter((status) => normalise(status.label.zh).length >= 2 && text.includes(normalise(status.label.zh)))
    .sort((a, b) => b.label.zh.length - a.label.zh.length)[0];
  if (contained) return contained.id;
  const first = definition.statuses[0];
  const done = definition.statuses.find((status) => definition.doneStatuses.includes(status.id));
  const started = definition.statuses.find((status, index) => index > 0 && !definition.doneStatuses.includes(status.id));
  // "未完成" is not done: a negation decides before the words it negates.
  if (/^[未待拟]/.test(text) || NOT_STARTED_WORDS.some((word) => text.includes(word))) return first?.id;
  if (DONE_WORDS.some((word) => text.includes(word))) return done?.id;
  if (STARTED_WORDS.some((word) => text.includes(word))) return started?.id;
  return undefined;
}

/** A value of an enumerated attribute (e.g. 拆除重建) as the layer stores it (demolish), or undefined. */
export function enumValueOf(value: string, values: Record<string, LocalizedText>): string | undefined {
  const text = normalise(value);
  return Object.entries(values).find(([id, label]) => [id, label.zh, label.en].some((name) => normalise(name) === text))?.[0];
}

/**
 * A complete first mapping for `columns`: suggested columns (an id column only when its values
 * follow the pattern of `layerIds`), suggested lifecycle statuses for the status column's values,
 * the layer's first status and `today` as defaults.
 */
export function suggestFieldMapping(columns: readonly SourceColumn[], definition: LayerDefinition, today: string, layerIds: readonly string[]): FieldMapping {
  const chosen = suggestColumns(columns, definition, layerIdPattern(layerIds, definition));
  const statusColumn = columns.find((column) => column.name === chosen.status);
  const statusValues: Record<string, string> = {};
  for (const value of statusColumn?.distinctValues ?? []) {
    const status = suggestStatus(value, definition);
    if (status) statusValues[value] = status;
  }
  return {
    columns: chosen,
    statusValues,
    defaultStatus: definition.statuses[0]?.id ?? '',
    defaultStatusDate: today,
    defaultValues: {},
    keepOtherColumns: false,
  };
}
