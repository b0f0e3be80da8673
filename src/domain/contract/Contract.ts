import type { ValidationIssue } from '../validation/validationReport';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON Schema (draft 2020-12) as it is written to geodata/schema/. */
export type JsonSchema = { [keyword: string]: JsonValue };

/** The `$defs` of the schema document being written, by name; a contract used twice is written once. */
export type SchemaDefinitions = Map<string, JsonSchema>;

/**
 * One rule of a geodata file's contract, written once: it checks untrusted JSON (reporting each
 * way the value breaks it), writes itself as JSON Schema for the files in geodata/schema/, and
 * carries the TypeScript type of what it accepts (see Infer).
 */
export interface Contract<T> {
  /** Appends one issue for each way `value` breaks the contract; `path` is the value's JSON pointer. */
  check(value: unknown, path: string, issues: ValidationIssue[]): void;
  schema(definitions: SchemaDefinitions): JsonSchema;
  /** Never set: it only carries the accepted type. */
  readonly accepts?: T;
}

/** The type of what a contract accepts. */
export type Infer<C> = C extends Contract<infer T> ? T : never;
