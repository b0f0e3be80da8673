import { isRecord } from '../domain/isRecord';

/** A geodata file that cannot be used; `path` is the JSON path of the offending value. */
export class GeodataError extends Error {
  readonly file: string;
  readonly path: string;
  constructor(file: string, path: string, problem: string) {
    super(path ? `${file}: ${path}: ${problem}` : `${file}: ${problem}`);
    this.name = 'GeodataError';
    this.file = file;
    this.path = path;
  }
}

export type JsonObject = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Reads typed fields out of one file, failing with the file name and the field's path. */
export class FieldReader {
  constructor(readonly file: string) {}

  fail(path: string, problem: string): never {
    throw new GeodataError(this.file, path, problem);
  }

  object(value: unknown, path: string): JsonObject {
    if (!isRecord(value)) this.fail(path, `expected an object, got ${describe(value)}`);
    return value;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, got ${describe(value)}`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(path, `expected a non-empty string, got ${describe(value)}`);
    return value;
  }

  date(value: unknown, path: string): string {
    const text = this.string(value, path);
    if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(text))) this.fail(path, `expected a date YYYY-MM-DD, got ${describe(value)}`);
    return text;
  }
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new GeodataError(file, '', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
