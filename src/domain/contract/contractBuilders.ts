import type { ValidationIssue } from '../validation/validationReport';
import { isRecord } from '../isRecord';
import { isCalendarDate } from '../dates/isCalendarDate';
import { jsonPointer } from '../validation/jsonPointer';
import type { Contract, Infer, JsonSchema, JsonValue } from './Contract';
import { schemaRuleCode, schemaRuleText, type SchemaRule } from './schemaRuleText';

/*
 * The building blocks of the geodata contracts (manifest.ts, tour.ts). Each checks exactly what
 * the JSON Schema it writes says, so the app, the commands and editors that read the schema
 * files agree (tests/unit/domain/contract checks the two against each other with Ajv).
 */

interface Described {
  /** Bilingual, Chinese first: it is shown by editors that read the schema files. */
  description?: string;
}

function report(issues: ValidationIssue[], path: string, rule: SchemaRule, value: unknown): void {
  // A missing or unknown property is reported at the property's own place.
  const at = rule.keyword === 'required' || rule.keyword === 'additionalProperties' ? jsonPointer(path, rule.property) : path;
  issues.push({ path: at, code: schemaRuleCode(rule), message: schemaRuleText(rule, value).message });
}

const withDescription = (options: Described, schema: JsonSchema): JsonSchema =>
  options.description === undefined ? schema : { description: options.description, ...schema };

export function string(options: Described & { minLength?: number; pattern?: string; format?: 'date' } = {}): Contract<string> {
  const pattern = options.pattern === undefined ? undefined : new RegExp(options.pattern, 'u');
  return {
    check(value, path, issues) {
      if (typeof value !== 'string') return report(issues, path, { keyword: 'type', type: 'string' }, value);
      if (options.minLength !== undefined && [...value].length < options.minLength) report(issues, path, { keyword: 'minLength', limit: options.minLength }, value);
      if (pattern && options.pattern !== undefined && !pattern.test(value)) return report(issues, path, { keyword: 'pattern', pattern: options.pattern }, value);
      // JSON Schema leaves formats to the reader; a plan date must be a day of the calendar.
      if (options.format === 'date' && !isCalendarDate(value)) report(issues, path, { keyword: 'format', format: 'date' }, value);
    },
    schema: () => withDescription(options, {
      type: 'string',
      ...(options.minLength === undefined ? {} : { minLength: options.minLength }),
      ...(options.pattern === undefined ? {} : { pattern: options.pattern }),
      ...(options.format === undefined ? {} : { format: options.format }),
    }),
  };
}

type NumberBounds = { minimum?: number; maximum?: number; exclusiveMinimum?: number };

export function number(options: Described & NumberBounds = {}): Contract<number> {
  const bounds = (['minimum', 'maximum', 'exclusiveMinimum'] as const).flatMap((keyword) => {
    const limit = options[keyword];
    return limit === undefined ? [] : [{ keyword, limit }];
  });
  const inside = (keyword: keyof NumberBounds, value: number, limit: number): boolean =>
    keyword === 'minimum' ? value >= limit : keyword === 'maximum' ? value <= limit : value > limit;
  return {
    check(value, path, issues) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return report(issues, path, { keyword: 'type', type: 'number' }, value);
      for (const { keyword, limit } of bounds) if (!inside(keyword, value, limit)) report(issues, path, { keyword, limit }, value);
    },
    schema: () => withDescription(options, { type: 'number', ...Object.fromEntries(bounds.map(({ keyword, limit }) => [keyword, limit])) }),
  };
}

/** One of a fixed list of strings. */
export function values<const T extends string>(allowed: readonly T[], options: Described = {}): Contract<T> {
  return {
    check(value, path, issues) {
      if (!allowed.some((candidate) => candidate === value)) report(issues, path, { keyword: 'enum', allowed }, value);
    },
    schema: () => withDescription(options, { enum: [...allowed] }),
  };
}

export function array<T>(item: Contract<T>, options: Described & { minItems?: number; maxItems?: number; uniqueItems?: boolean } = {}): Contract<T[]> {
  return {
    check(value, path, issues) {
      if (!Array.isArray(value)) return report(issues, path, { keyword: 'type', type: 'array' }, value);
      if (options.minItems !== undefined && value.length < options.minItems) report(issues, path, { keyword: 'minItems', limit: options.minItems }, value);
      if (options.maxItems !== undefined && value.length > options.maxItems) report(issues, path, { keyword: 'maxItems', limit: options.maxItems }, value);
      value.forEach((element: unknown, index) => item.check(element, jsonPointer(path, index), issues));
      if (options.uniqueItems) {
        const firstIndex = new Map<string, number>();
        value.forEach((element: unknown, index) => {
          const key = JSON.stringify(element) ?? 'undefined';
          const first = firstIndex.get(key);
          if (first === undefined) firstIndex.set(key, index);
          else report(issues, path, { keyword: 'uniqueItems', first, repeated: index }, value);
        });
      }
    },
    schema: (definitions) => withDescription(options, {
      type: 'array',
      ...(options.minItems === undefined ? {} : { minItems: options.minItems }),
      ...(options.maxItems === undefined ? {} : { maxItems: options.maxItems }),
      items: item.schema(definitions),
      ...(options.uniqueItems ? { uniqueItems: true } : {}),
    }),
  };
}

type TupleOf<Items extends readonly Contract<unknown>[]> = { -readonly [K in keyof Items]: Infer<Items[K]> };

/** An array of exactly these items, e.g. [longitude, latitude]. */
export function tuple<const Items extends readonly Contract<unknown>[]>(items: Items, options: Described = {}): Contract<TupleOf<Items>> {
  return {
    check(value, path, issues) {
      if (!Array.isArray(value)) return report(issues, path, { keyword: 'type', type: 'array' }, value);
      if (value.length < items.length) report(issues, path, { keyword: 'minItems', limit: items.length }, value);
      if (value.length > items.length) report(issues, path, { keyword: 'maxItems', limit: items.length }, value);
      items.forEach((item, index) => { if (index < value.length) item.check(value[index], jsonPointer(path, index), issues); });
    },
    schema: (definitions) => withDescription(options, {
      type: 'array',
      prefixItems: items.map((item) => item.schema(definitions)),
      minItems: items.length,
      maxItems: items.length,
    }),
  };
}

/** Marks a property of `object` that may be left out. */
export interface Optional<T> {
  readonly optional: Contract<T>;
}

export function optional<T>(contract: Contract<T>): Optional<T> {
  return { optional: contract };
}

type Shape = Record<string, Contract<unknown> | Optional<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type FieldType<F> = F extends Optional<infer T> ? T : F extends Contract<infer T> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: FieldType<S[K]> } & { [K in OptionalKeys<S>]?: FieldType<S[K]> }
>;

const contractOf = (field: Contract<unknown> | Optional<unknown>): Contract<unknown> => ('optional' in field ? field.optional : field);

/** An object with exactly these properties (no others: a misspelt key is reported, not ignored). */
export function object<const S extends Shape>(shape: S, options: Described = {}): Contract<ObjectOf<S>> {
  const keys = Object.keys(shape);
  const required = keys.filter((key) => !('optional' in (shape[key] ?? {})));
  return {
    check(value, path, issues) {
      if (!isRecord(value)) return report(issues, path, { keyword: 'type', type: 'object' }, value);
      for (const key of required) if (!Object.hasOwn(value, key)) report(issues, path, { keyword: 'required', property: key }, undefined);
      for (const [key, member] of Object.entries(value)) {
        const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (field) contractOf(field).check(member, jsonPointer(path, key), issues);
        else report(issues, path, { keyword: 'additionalProperties', property: key }, member);
      }
    },
    schema: (definitions) => {
      const properties: { [key: string]: JsonValue } = {};
      for (const key of keys) {
        const field = shape[key];
        if (field) properties[key] = contractOf(field).schema(definitions);
      }
      return withDescription(options, { type: 'object', ...(required.length > 0 ? { required } : {}), additionalProperties: false, properties });
    },
  };
}

/** An object whose keys are free and whose values all follow one contract. */
export function record<T>(value: Contract<T>, options: Described & { minProperties?: number } = {}): Contract<Record<string, T>> {
  return {
    check(input, path, issues) {
      if (!isRecord(input)) return report(issues, path, { keyword: 'type', type: 'object' }, input);
      const entries = Object.entries(input);
      if (options.minProperties !== undefined && entries.length < options.minProperties) report(issues, path, { keyword: 'minProperties', limit: options.minProperties }, input);
      for (const [key, member] of entries) value.check(member, jsonPointer(path, key), issues);
    },
    schema: (definitions) => withDescription(options, {
      type: 'object',
      ...(options.minProperties === undefined ? {} : { minProperties: options.minProperties }),
      additionalProperties: value.schema(definitions),
    }),
  };
}

/** The contract's value, or null. */
export function nullable<T>(contract: Contract<T>): Contract<T | null> {
  return {
    check(value, path, issues) {
      if (value !== null) contract.check(value, path, issues);
    },
    schema: (definitions) => ({ anyOf: [contract.schema(definitions), { type: 'null' }] }),
  };
}

/**
 * Exactly one of several forms. When none fits, the form that comes closest (fewest issues) is
 * the one reported: its issues say what to change, where a bare "matches none" would not.
 */
export function oneOf<const Forms extends readonly Contract<unknown>[]>(forms: Forms, options: Described = {}): Contract<Infer<Forms[number]>> {
  return {
    check(value, path, issues) {
      const results = forms.map((form) => {
        const found: ValidationIssue[] = [];
        form.check(value, path, found);
        return found;
      });
      const matching = results.filter((found) => found.length === 0).length;
      if (matching === 1) return;
      if (matching > 1) return report(issues, path, { keyword: 'oneOf', matching }, value);
      const closest = results.reduce((best, found) => (found.length < best.length ? found : best));
      issues.push(...closest);
    },
    schema: (definitions) => withDescription(options, { oneOf: forms.map((form) => form.schema(definitions)) }),
  };
}

/** The contract with a description of its own use here (a shared definition keeps its general one). */
export function described<T>(contract: Contract<T>, description: string): Contract<T> {
  return { check: contract.check, schema: (definitions) => ({ ...contract.schema(definitions), description }) };
}

/** A contract written once under `$defs/<name>` in each schema document that uses it, and referred to by `$ref`. */
export function named<T>(name: string, contract: Contract<T>): Contract<T> {
  return {
    check: contract.check,
    schema: (definitions) => {
      if (!definitions.has(name)) {
        // Reserved first, so a contract that contains itself ends in a reference.
        definitions.set(name, {});
        definitions.set(name, contract.schema(definitions));
      }
      return { $ref: `#/$defs/${name}` };
    },
  };
}
