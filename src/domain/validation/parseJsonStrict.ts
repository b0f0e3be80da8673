import type { ValidationIssue } from './validationReport';
import { jsonPointer } from './jsonPointer';
import { textPosition } from './textPosition';
import { isRecord } from '../isRecord';

/*
 * A recursive-descent JSON parser (RFC 8259) that reports what JSON.parse hides or cannot say:
 * duplicate member names with their JSON pointer (JSON.parse keeps the last one silently;
 * check-geojson uses an AST parser for the same reason), the line and column of a syntax error
 * with a plain reason (trailing comma, NaN, comments, single quotes), nesting beyond a limit
 * (stopped before it can exhaust the stack), and "__proto__" / "constructor.prototype" members,
 * which are left out of the result so nothing reaches Object.prototype (secure-json-parse's
 * protoAction and constructorAction; docs/input-rules.md, G1).
 */

export type ParsedJson = { ok: true; value: unknown; issues: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

/** Findings that do not stop parsing; beyond this many the rest are dropped to keep reports short. */
const MAX_MEMBER_ISSUES = 100;

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly zh: string,
    readonly en: string,
    readonly code: 'INVALID_JSON' | 'TOO_DEEP' = 'INVALID_JSON',
  ) {}
}

const WORDS: Record<string, { zh: string; en: string }> = {
  NaN: { zh: 'JSON 不允许 NaN，请改为 null 或删除该值', en: 'NaN is not allowed in JSON; write null or remove the value' },
  Infinity: { zh: 'JSON 不允许 Infinity，请改为数字或 null', en: 'Infinity is not allowed in JSON; write a number or null' },
  undefined: { zh: 'JSON 不允许 undefined，请改为 null', en: 'undefined is not allowed in JSON; write null' },
};

export function parseJsonStrict(text: string, maxDepth: number): ParsedJson {
  const issues: ValidationIssue[] = [];
  const tokens: (string | number)[] = [];
  let index = 0;
  let depth = 0;

  const pointer = (): string => jsonPointer('', ...tokens);
  const note = (issue: ValidationIssue): void => {
    if (issues.length < MAX_MEMBER_ISSUES) issues.push(issue);
  };
  const describeAt = (offset: number): string => {
    if (offset >= text.length) return 'end of file';
    return JSON.stringify(text.slice(offset, offset + 1));
  };
  const unexpected = (expected: { zh: string; en: string }): SyntaxFailure => {
    if (index >= text.length) return new SyntaxFailure(index, `文件意外结束（被截断？），应为${expected.zh}`, `unexpected end of file (truncated?), expected ${expected.en}`);
    const character = text[index] ?? '';
    if (character === '/') return new SyntaxFailure(index, 'JSON 不允许注释', 'comments are not allowed in JSON');
    if (character === "'") return new SyntaxFailure(index, 'JSON 字符串须用双引号', 'JSON strings use double quotes');
    for (const [word, message] of Object.entries(WORDS))
      if (text.startsWith(word, index) || text.startsWith(`-${word}`, index)) return new SyntaxFailure(index, message.zh, message.en);
    return new SyntaxFailure(index, `意外的字符 ${describeAt(index)}，应为${expected.zh}`, `unexpected ${describeAt(index)}, expected ${expected.en}`);
  };

  const skipWhitespace = (): void => {
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) index++;
      else return;
    }
  };

  const parseString = (): string => {
    // Called at the opening quote.
    const start = ++index;
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 0x22) return text.slice(start, index++);
      if (code === 0x5c || code < 0x20 || Number.isNaN(code)) break;
      index++;
    }
    let result = text.slice(start, index);
    for (;;) {
      if (index >= text.length) throw new SyntaxFailure(index, '字符串没有结束引号', 'a string is missing its closing quote');
      const code = text.charCodeAt(index);
      if (code === 0x22) {
        index++;
        return result;
      }
      if (code < 0x20) throw new SyntaxFailure(index, '字符串中有未转义的控制字符（如换行）', 'a string contains an unescaped control character (such as a line break)');
      if (code !== 0x5c) {
        result += text[index];
        index++;
        continue;
      }
      const escape = text[index + 1];
      const simple = escape === undefined ? undefined : ESCAPES[escape];
      if (simple !== undefined) {
        result += simple;
        index += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
        result += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
        index += 6;
      } else throw new SyntaxFailure(index, `无效的转义序列 \\${escape ?? ''}`, `invalid escape sequence \\${escape ?? ''}`);
    }
  };

  const parseNumber = (): number => {
    const start = index;
    if (text.charCodeAt(index) === 0x2d) index++;
    const firstDigit = text.charCodeAt(index);
    if (firstDigit === 0x30) index++;
    else if (firstDigit >= 0x31 && firstDigit <= 0x39) while (isDigit(text.charCodeAt(index))) index++;
    else {
      index = start;
      throw unexpected({ zh: '数字', en: 'a number' });
    }
    if (text.charCodeAt(index) === 0x2e) {
      index++;
      if (!isDigit(text.charCodeAt(index))) throw new SyntaxFailure(index, '小数点后须有数字', 'a decimal point must be followed by digits');
      while (isDigit(text.charCodeAt(index))) index++;
    }
    const exponent = text.charCodeAt(index);
    if (exponent === 0x65 || exponent === 0x45) {
      index++;
      const sign = text.charCodeAt(index);
      if (sign === 0x2b || sign === 0x2d) index++;
      if (!isDigit(text.charCodeAt(index))) throw new SyntaxFailure(index, '指数须有数字', 'an exponent must have digits');
      while (isDigit(text.charCodeAt(index))) index++;
    }
    if (isDigit(text.charCodeAt(index))) throw new SyntaxFailure(start, '数字不能以 0 开头', 'numbers must not have leading zeros');
    return Number(text.slice(start, index));
  };

  const enter = (): void => {
    if (++depth > maxDepth)
      throw new SyntaxFailure(index, `嵌套超过 ${maxDepth} 层`, `nesting is deeper than ${maxDepth} levels`, 'TOO_DEEP');
  };

  const parseObject = (): Record<string, unknown> => {
    enter();
    index++;
    const object: Record<string, unknown> = {};
    skipWhitespace();
    if (text.charCodeAt(index) === 0x7d) {
      index++;
      depth--;
      return object;
    }
    for (;;) {
      skipWhitespace();
      if (text.charCodeAt(index) !== 0x22) throw unexpected({ zh: '双引号括起的成员名', en: 'a member name in double quotes' });
      const key = parseString();
      skipWhitespace();
      if (text.charCodeAt(index) !== 0x3a) throw unexpected({ zh: '冒号 :', en: 'a colon :' });
      index++;
      tokens.push(key);
      const value = parseValue();
      if (Object.hasOwn(object, key))
        note({ path: pointer(), code: 'DUPLICATE_KEY', message: { zh: `成员 ${JSON.stringify(key).slice(0, 60)} 重复出现；请只保留一个`, en: `member ${JSON.stringify(key).slice(0, 60)} appears more than once; keep only one` } });
      if (key === '__proto__' || (key === 'constructor' && isRecord(value) && Object.hasOwn(value, 'prototype')))
        note({ path: pointer(), code: 'FORBIDDEN_KEY', message: { zh: `不允许名为 ${key} 的成员（可被用来篡改程序），已忽略`, en: `a member named ${key} is not allowed (it can be used to tamper with programs); it was left out` } });
      else object[key] = value;
      tokens.pop();
      skipWhitespace();
      const next = text.charCodeAt(index);
      if (next === 0x7d) {
        index++;
        depth--;
        return object;
      }
      if (next !== 0x2c) throw unexpected({ zh: '逗号 , 或 }', en: 'a comma , or }' });
      const comma = index++;
      skipWhitespace();
      if (text.charCodeAt(index) === 0x7d) throw new SyntaxFailure(comma, '} 前有多余的逗号', 'trailing comma before }');
    }
  };

  const parseArray = (): unknown[] => {
    enter();
    index++;
    const array: unknown[] = [];
    skipWhitespace();
    if (text.charCodeAt(index) === 0x5d) {
      index++;
      depth--;
      return array;
    }
    for (;;) {
      tokens.push(array.length);
      array.push(parseValue());
      tokens.pop();
      skipWhitespace();
      const next = text.charCodeAt(index);
      if (next === 0x5d) {
        index++;
        depth--;
        return array;
      }
      if (next !== 0x2c) throw unexpected({ zh: '逗号 , 或 ]', en: 'a comma , or ]' });
      const comma = index++;
      skipWhitespace();
      if (text.charCodeAt(index) === 0x5d) throw new SyntaxFailure(comma, '] 前有多余的逗号', 'trailing comma before ]');
    }
  };

  const parseLiteral = <T>(word: string, value: T): T => {
    if (!text.startsWith(word, index)) throw unexpected({ zh: 'JSON 值', en: 'a JSON value' });
    index += word.length;
    return value;
  };

  const parseValue = (): unknown => {
    skipWhitespace();
    const code = text.charCodeAt(index);
    if (code === 0x7b) return parseObject();
    if (code === 0x5b) return parseArray();
    if (code === 0x22) return parseString();
    if (code === 0x2d || isDigit(code)) return parseNumber();
    if (code === 0x74) return parseLiteral('true', true);
    if (code === 0x66) return parseLiteral('false', false);
    if (code === 0x6e) return parseLiteral('null', null);
    throw unexpected({ zh: 'JSON 值', en: 'a JSON value' });
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) index = 1;
    const value = parseValue();
    skipWhitespace();
    if (index < text.length) throw new SyntaxFailure(index, 'JSON 文档结束后还有多余内容', 'unexpected content after the end of the JSON document');
    return { ok: true, value, issues };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const { line, column } = textPosition(text, error.offset);
    const where = { zh: `第 ${line} 行第 ${column} 列`, en: `line ${line}, column ${column}` };
    issues.push({
      path: pointer(),
      code: error.code,
      message: { zh: `${where.zh}：${error.zh}`, en: `${where.en}: ${error.en}` },
    });
    return { ok: false, issues };
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
