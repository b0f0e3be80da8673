import type { LayerDefinition, LocalizedText } from '../plan/manifest';
import { schemaRuleText, type SchemaRule } from '../contract/schemaRuleText';
import { inChineseQuotes, quoteValue, quoteValueZh } from './safeText';

/** A feature property a problem is about: the property and the steps inside its value. */
export interface ProblemField {
  property: string;
  /** JSON pointer segments below the property, unescaped, e.g. ["0", "date"] in a history. */
  inside: string[];
}

const FEATURE_PROPERTY = /^\/features\/\d+\/properties\/([^/]+)((?:\/[^/]*)*)$/;

/** Fields every plan layer has, which the manifest's `attributes` need not list. */
const PLAN_FIELD_LABELS: Readonly<Record<string, LocalizedText>> = {
  name: { zh: '名称', en: 'Name' },
  status: { zh: '状态', en: 'Status' },
  history: { zh: '状态历程', en: 'Status history' },
  street: { zh: '街道', en: 'Sub-district' },
};

const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The feature property a JSON pointer points into, or undefined for any other place. */
export function fieldOfPath(path: string): ProblemField | undefined {
  const match = FEATURE_PROPERTY.exec(path);
  if (!match?.[1]) return undefined;
  const inside = (match[2] ?? '').split('/').slice(1).map(unescapePointer);
  return { property: unescapePointer(match[1]), inside };
}

/** The label people know a property by: the manifest's, a plan field's, else its key quoted. */
export function fieldLabel(property: string, layer: LayerDefinition | undefined): LocalizedText {
  const defined = layer?.attributes?.find((attribute) => attribute.property === property)?.label;
  if (defined) return defined;
  if (Object.hasOwn(PLAN_FIELD_LABELS, property)) {
    const builtIn = PLAN_FIELD_LABELS[property];
    if (builtIn) return builtIn;
  }
  return { zh: `属性${quoteValueZh(property)}`, en: `attribute ${quoteValue(property)}` };
}

/** The values a field may take, by label with the stored value after it: "待启动（pending）、征收中（expropriating）". */
function allowedValueLabels(field: ProblemField, layer: LayerDefinition | undefined): LocalizedText | undefined {
  if (!layer) return undefined;
  const isStatus = field.property === 'status' || (field.property === 'history' && field.inside[field.inside.length - 1] === 'status');
  const values: [string, LocalizedText][] | undefined = isStatus
    ? layer.statuses.map((status) => [status.id, status.label])
    : Object.entries(layer.attributes?.find((attribute) => attribute.property === field.property)?.values ?? {});
  if (values.length === 0) return undefined;
  return {
    zh: values.map(([value, label]) => `${label.zh}（${value}）`).join('、'),
    en: values.map(([value, label]) => `${label.en} (${value})`).join(', '),
  };
}

/** Members of a status history entry, by the names people know. */
const HISTORY_ENTRY_LABELS: Readonly<Record<string, LocalizedText>> = {
  date: { zh: '日期', en: 'date' },
  status: { zh: '状态', en: 'status' },
};

/** One step inside a property's value: "第 1 条" / " item 1", then "的状态" / ", status" (状态历程第 1 条的状态). */
function insideStepText(step: string): LocalizedText {
  if (/^\d+$/.test(step)) return { zh: `第 ${Number(step) + 1} 条`, en: ` item ${Number(step) + 1}` };
  const known = Object.hasOwn(HISTORY_ENTRY_LABELS, step) ? HISTORY_ENTRY_LABELS[step] : undefined;
  if (known) return { zh: `的${known.zh}`, en: `, ${known.en}` };
  const inner = quoteValue(step).replace(/^"|"$/g, '');
  return { zh: `的“${inner}”`, en: `, "${inner}"` };
}

/** A rule a field broke (schema errors), or only what is wrong with it (consistency rules). */
export interface FieldProblem {
  rule?: SchemaRule;
  /** The offending value, when `rule` is given. */
  value?: unknown;
  message: LocalizedText;
}

/** "涉及户数：-5 超出范围（应 >= 0）" / "Households: -5 is out of range (must be >= 0)". */
export function problemFieldText(problem: FieldProblem, field: ProblemField, layer: LayerDefinition | undefined): LocalizedText {
  const label = fieldLabel(field.property, layer);
  const allowed = problem.rule?.keyword === 'enum' ? allowedValueLabels(field, layer) : undefined;
  const quoted = quoteValue(problem.value);
  const detail = allowed
    ? { zh: `${inChineseQuotes(quoted)} 不是允许的值，应为：${allowed.zh}`, en: `${quoted} is not allowed; expected one of: ${allowed.en}` }
    : problem.rule ? schemaRuleText(problem.rule, problem.value).detail : problem.message;
  const steps = field.inside.map((step) => insideStepText(step));
  return {
    zh: `${label.zh}${steps.map((step) => step.zh).join('')}：${detail.zh}`,
    en: `${label.en}${steps.map((step) => step.en).join('')}: ${detail.en}`,
  };
}
