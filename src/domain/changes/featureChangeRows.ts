import { formatMeasureDelta } from '../format/formatMeasureDelta';
import { jsonEqual, type AttributeChange, type FeatureChange } from './layerDiff';
import type { LayerDefinition, LocalizedText } from '../plan/manifest';

/**
 * One line of "what changed in this feature", already in the layer's words: a labelled
 * before → after, or a labelled note (the status history's new entries, the reshaped area).
 */
export type FeatureChangeRow =
  | { kind: 'value'; key: string; label: LocalizedText; before: LocalizedText; after: LocalizedText }
  | { kind: 'note'; key: string; label: LocalizedText; text: LocalizedText };

/** Properties every plan feature has; the manifest only lists the layer's own attributes. */
const CORE_LABELS: Record<string, LocalizedText> = {
  name: { zh: '名称', en: 'Name' },
  status: { zh: '状态', en: 'Status' },
  history: { zh: '状态历程', en: 'Status history' },
  street: { zh: '街道', en: 'Sub-district' },
};

const CORE_ORDER = ['name', 'status', 'history'];
const ABSENT: LocalizedText = { zh: '—', en: '—' };
const SHAPE_LABEL: Record<'area' | 'length', LocalizedText> = {
  area: { zh: '面积（形状已修改）', en: 'Area (shape changed)' },
  length: { zh: '长度（形状已修改）', en: 'Length (shape changed)' },
};

/**
 * A changed feature (from diffLayers) as rows a reviewer can read: manifest labels instead of
 * property keys, status labels instead of status ids, the history array summarised as its added
 * and removed entries, and the geometry's area or length change in the layer's unit.
 */
export function featureChangeRows(definition: LayerDefinition, change: FeatureChange): FeatureChangeRow[] {
  const rows = orderedAttributes(definition, change.attributes).map((attribute) => attributeRow(definition, attribute));
  if (change.geometryChanged) {
    const kind = definition.unit === 'km' ? 'length' : 'area';
    const text = (locale: 'zh' | 'en') => formatMeasureDelta(definition.unit, change.areaDeltaSquareMeters, change.lengthDeltaMeters, locale);
    rows.push({ kind: 'note', key: 'geometry', label: SHAPE_LABEL[kind], text: { zh: text('zh'), en: text('en') } });
  }
  return rows;
}

/** The label a reviewer knows a property by; a property the layer does not describe keeps its own name. */
export function attributeLabel(definition: LayerDefinition, key: string): LocalizedText {
  const described = definition.attributes?.find((attribute) => attribute.property === key);
  return described?.label ?? CORE_LABELS[key] ?? { zh: key, en: key };
}

/** Name, status and history first, then the manifest's attributes in its order, then the rest by key. */
function orderedAttributes(definition: LayerDefinition, attributes: readonly AttributeChange[]): AttributeChange[] {
  const manifestOrder = (definition.attributes ?? []).map((attribute) => attribute.property);
  const rank = (key: string) => {
    const core = CORE_ORDER.indexOf(key);
    if (core >= 0) return core;
    const listed = manifestOrder.indexOf(key);
    return listed >= 0 ? CORE_ORDER.length + listed : Number.MAX_SAFE_INTEGER;
  };
  return [...attributes].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function attributeRow(definition: LayerDefinition, attribute: AttributeChange): FeatureChangeRow {
  const label = attributeLabel(definition, attribute.key);
  if (attribute.key === 'history') {
    const summary = historySummary(definition, attribute.before, attribute.after);
    if (summary) return { kind: 'note', key: 'history', label, text: summary };
  }
  return { kind: 'value', key: attribute.key, label, before: valueText(definition, attribute.key, attribute.before), after: valueText(definition, attribute.key, attribute.after) };
}

/** A status or enumerated value by its label; other values as the text a form would show. */
function valueText(definition: LayerDefinition, key: string, value: unknown): LocalizedText {
  if (value === undefined || value === null || value === '') return ABSENT;
  if (typeof value === 'string') {
    if (key === 'status') return statusLabel(definition, value);
    const label = definition.attributes?.find((attribute) => attribute.property === key)?.values?.[value];
    return label ?? same(value);
  }
  if (typeof value === 'number') return same(String(value));
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  return same(JSON.stringify(value));
}

function statusLabel(definition: LayerDefinition, statusId: string): LocalizedText {
  return definition.statuses.find((status) => status.id === statusId)?.label ?? same(statusId);
}

function same(text: string): LocalizedText {
  return { zh: text, en: text };
}

interface HistoryEntry {
  date: string;
  status: string;
}

/**
 * "新增 2026-11-20 已拆除；删除 2026-06-03 拆除中": entries are matched as a multiset, so an
 * appended entry reads as one addition however long the history is. Undefined when either side
 * is not a list of dated statuses (then the raw values are the honest thing to show).
 */
function historySummary(definition: LayerDefinition, before: unknown, after: unknown): LocalizedText | undefined {
  const oldEntries = historyEntries(before ?? []);
  const newEntries = historyEntries(after ?? []);
  if (!oldEntries || !newEntries) return undefined;
  const unmatched = [...oldEntries];
  const added: HistoryEntry[] = [];
  for (const entry of newEntries) {
    const index = unmatched.findIndex((candidate) => jsonEqual(candidate, entry));
    if (index >= 0) unmatched.splice(index, 1);
    else added.push(entry);
  }
  const parts = (locale: 'zh' | 'en') => {
    const entryText = (entry: HistoryEntry) => `${entry.date} ${statusLabel(definition, entry.status)[locale]}`;
    const texts: string[] = [];
    if (added.length > 0) texts.push(`${locale === 'zh' ? '新增' : 'added'} ${added.map(entryText).join(locale === 'zh' ? '、' : ', ')}`);
    if (unmatched.length > 0) texts.push(`${locale === 'zh' ? '删除' : 'removed'} ${unmatched.map(entryText).join(locale === 'zh' ? '、' : ', ')}`);
    if (texts.length === 0) texts.push(locale === 'zh' ? '顺序调整' : 'reordered');
    return texts.join(locale === 'zh' ? '；' : '; ');
  };
  return { zh: parts('zh'), en: parts('en') };
}

function historyEntries(value: unknown): HistoryEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries: HistoryEntry[] = [];
  for (const item of value as unknown[]) {
    if (!isHistoryEntry(item)) return undefined;
    entries.push(item);
  }
  return entries;
}

/** Extra keys on an entry are kept, so an entry that differs only in them still counts as changed. */
function isHistoryEntry(item: unknown): item is HistoryEntry {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const { date, status } = item as Partial<Record<keyof HistoryEntry, unknown>>;
  return typeof date === 'string' && typeof status === 'string';
}
