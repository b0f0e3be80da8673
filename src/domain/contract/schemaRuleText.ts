import type { LocalizedText } from '../plan/localizedText';
import type { ValidationCode } from '../validation/validationReport';
import { inChineseQuotes, quoteValue } from '../validation/safeText';

/**
 * One JSON Schema rule a value breaks, with what its message needs. The contracts
 * (src/domain/contract) and the layer schemas checked by Ajv (schemaValidation) both report in
 * these terms, so a rule reads the same wherever it is checked.
 */
export type SchemaRule =
  | { keyword: 'required' | 'additionalProperties'; property: string }
  | { keyword: 'enum'; allowed: readonly unknown[] }
  | { keyword: 'const'; allowed: unknown }
  | { keyword: 'type'; type: string }
  | { keyword: 'pattern'; pattern: string }
  | { keyword: 'format'; format: string }
  | { keyword: 'minItems' | 'maxItems' | 'minLength' | 'minProperties'; limit: number }
  | { keyword: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum'; limit: number }
  | { keyword: 'uniqueItems'; first: number; repeated: number }
  | { keyword: 'oneOf'; matching: number }
  /** A keyword this wording does not know: its own (English) message is used. */
  | { keyword: 'other'; name: string; message: string };

export interface SchemaRuleText {
  /** Names the property for a missing or unknown one, for readers who see only the path. */
  message: LocalizedText;
  /** What is wrong without naming the place: a caller that names it (the app, by the field's label) uses this. */
  detail: LocalizedText;
}

const CODES: Record<Exclude<SchemaRule['keyword'], 'other'>, ValidationCode> = {
  required: 'REQUIRED',
  additionalProperties: 'ADDITIONAL_PROPERTIES',
  enum: 'ENUM',
  const: 'CONST',
  type: 'TYPE',
  pattern: 'PATTERN',
  format: 'INVALID_FORMAT',
  minItems: 'MIN_ITEMS',
  maxItems: 'MAX_ITEMS',
  minLength: 'MIN_LENGTH',
  minProperties: 'MIN_PROPERTIES',
  minimum: 'MINIMUM',
  maximum: 'MAXIMUM',
  exclusiveMinimum: 'EXCLUSIVE_MINIMUM',
  exclusiveMaximum: 'EXCLUSIVE_MAXIMUM',
  uniqueItems: 'UNIQUE_ITEMS',
  oneOf: 'ONE_OF',
};

/** The issue code of a broken rule; a date that is no calendar day has the code the consistency rules use. */
export function schemaRuleCode(rule: SchemaRule): ValidationCode {
  if (rule.keyword === 'format' && rule.format === 'date') return 'INVALID_DATE';
  return rule.keyword === 'other' ? 'SCHEMA_VIOLATION' : CODES[rule.keyword];
}

/** JSON Schema type names in plain words. */
const TYPE_NAMES_ZH: Record<string, string> = { integer: '整数', number: '数字', string: '文字', boolean: '是/否', array: '列表', object: '对象', null: '空值' };
const TYPE_NAMES_EN: Record<string, string> = { integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

/** Plain words for the schemas' patterns, which mean nothing to most editors of the data. */
const PATTERN_HINTS: Record<string, LocalizedText> = {
  '^\\d{4}-\\d{2}-\\d{2}$': { zh: '日期格式应为 YYYY-MM-DD', en: 'dates must be written YYYY-MM-DD' },
  '^#[0-9A-Fa-f]{6}$': { zh: '颜色应为 #RRGGBB', en: 'colours must be written #RRGGBB' },
  '\\S': { zh: '不能为空', en: 'must not be blank' },
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': { zh: 'id 只能用小写字母、数字和连字符', en: 'ids use lowercase letters, digits and single hyphens' },
  '^[a-z0-9][a-z0-9-]*$': { zh: 'id 只能用小写字母、数字和连字符', en: 'ids use lowercase letters, digits and hyphens' },
};

const COMPARISONS: Record<'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum', string> = {
  minimum: '>=',
  maximum: '<=',
  exclusiveMinimum: '>',
  exclusiveMaximum: '<',
};

const same = (text: LocalizedText): SchemaRuleText => ({ message: text, detail: text });

/** The words for `value` breaking `rule`; data values are quoted, truncated and made inert (quoteValue). */
export function schemaRuleText(rule: SchemaRule, value: unknown): SchemaRuleText {
  const got = quoteValue(value);
  const gotZh = inChineseQuotes(got);
  switch (rule.keyword) {
    case 'required':
      return {
        message: { zh: `缺少必填项 ${rule.property}`, en: `missing required property ${rule.property}` },
        detail: { zh: '必填，不能为空', en: 'is required' },
      };
    case 'additionalProperties': {
      const property = quoteValue(rule.property);
      return {
        message: { zh: `不认识的属性${inChineseQuotes(property)}（拼写错误？）`, en: `unknown property ${property} (a typo?)` },
        detail: { zh: '不是本图层的属性（拼写错误？）', en: 'is not a property of this layer (a typo?)' },
      };
    }
    case 'enum': {
      const allowed = rule.allowed.map(String).join(', ');
      return same({ zh: `${gotZh} 不是允许的值，应为：${allowed}`, en: `${got} is not allowed; expected one of: ${allowed}` });
    }
    case 'const': {
      const allowed = quoteValue(rule.allowed);
      return same({ zh: `应为 ${inChineseQuotes(allowed)}，实际为 ${gotZh}`, en: `must be ${allowed}, got ${got}` });
    }
    case 'type':
      return same({
        zh: `应为${TYPE_NAMES_ZH[rule.type] ?? ` ${rule.type} 类型`}，实际为 ${gotZh}`,
        en: `must be ${TYPE_NAMES_EN[rule.type] ?? `of type ${rule.type}`}, got ${got}`,
      });
    case 'pattern': {
      const hint = PATTERN_HINTS[rule.pattern];
      if (hint) return same({ zh: `${gotZh}：${hint.zh}`, en: `${got}: ${hint.en}` });
      return same({ zh: `${gotZh} 格式不符（${rule.pattern}）`, en: `${got} does not match ${rule.pattern}` });
    }
    case 'format':
      if (rule.format === 'date') return same({ zh: `${gotZh} 不是有效日期（YYYY-MM-DD）`, en: `${got} is not a valid date (YYYY-MM-DD)` });
      return same({ zh: `${gotZh} 不符合格式 ${rule.format}`, en: `${got} is not a valid ${rule.format}` });
    case 'minItems':
      return same({ zh: `至少需要 ${rule.limit} 项`, en: `must have at least ${rule.limit} ${rule.limit === 1 ? 'item' : 'items'}` });
    case 'maxItems':
      return same({ zh: `最多 ${rule.limit} 项`, en: `must have at most ${rule.limit} ${rule.limit === 1 ? 'item' : 'items'}` });
    case 'minProperties':
      return same({ zh: `至少需要 ${rule.limit} 项`, en: `must have at least ${rule.limit} ${rule.limit === 1 ? 'entry' : 'entries'}` });
    case 'minLength':
      return same({ zh: '不能为空', en: 'must not be empty' });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = `${COMPARISONS[rule.keyword]} ${rule.limit}`;
      return same({ zh: `${got} 超出范围（应 ${bound}）`, en: `${got} is out of range (must be ${bound})` });
    }
    case 'uniqueItems':
      return same({ zh: `第 ${rule.repeated + 1} 项与第 ${rule.first + 1} 项重复`, en: `item ${rule.repeated + 1} repeats item ${rule.first + 1}` });
    case 'oneOf':
      return same(rule.matching === 0
        ? { zh: '不符合任何一种允许的写法', en: 'matches none of the allowed forms' }
        : { zh: '同时符合多种写法，只能选一种', en: 'matches more than one of the allowed forms; use one' });
    case 'other':
      return same({ zh: rule.message, en: rule.message });
  }
}
