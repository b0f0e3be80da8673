import type { LayerDefinition, LocalizedText } from '../manifest';
import { problemText } from '../problemText';
import type { ValidationProblem } from '../schemaValidation';
import { quoteValue } from './safeText';

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
  const quoted = quoteValue(property);
  return { zh: `属性 ${quoted}`, en: `attribute ${quoted}` };
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

/** "涉及户数：-5 超出范围（应 >= 0）" / "Households: -5 is out of range (must be >= 0)". */
export function problemFieldText(problem: Pick<ValidationProblem, 'code' | 'message' | 'text' | 'detail' | 'quotedValue'>, field: ProblemField, layer: LayerDefinition | undefined): LocalizedText {
  const label = fieldLabel(field.property, layer);
  const allowed = problem.code === 'enum' && problem.quotedValue !== undefined ? allowedValueLabels(field, layer) : undefined;
  const detail = allowed && problem.quotedValue !== undefined
    ? { zh: `${problem.quotedValue} 不是允许的值，应为：${allowed.zh}`, en: `${problem.quotedValue} is not allowed; expected one of: ${allowed.en}` }
    : problem.detail ?? problemText(problem);
  const zhInside = field.inside.map((step) => (/^\d+$/.test(step) ? `第 ${Number(step) + 1} 条` : quoteValue(step))).join(' ');
  const enInside = field.inside.map((step) => (/^\d+$/.test(step) ? `item ${Number(step) + 1}` : quoteValue(step))).join(' ');
  return {
    zh: `${label.zh}${zhInside ? ` ${zhInside}` : ''}：${detail.zh}`,
    en: `${label.en}${enInside ? ` ${enInside}` : ''}: ${detail.en}`,
  };
}
