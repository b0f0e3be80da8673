import { isCalendarDate } from '../../domain/dates/isCalendarDate';
import { detectDbfEncoding, type DbfEncoding } from './dbfEncoding';
import { ImportError, importMessage } from './importMessage';

/*
 * The .dbf attribute table of a shapefile: dBASE III+ (Xbase). Header: version (byte 0),
 * record count (uint32 LE at 4), header length (uint16 at 8), record length (uint16 at 10),
 * language driver id (byte 29); 32-byte field descriptors from byte 32 to a 0x0D terminator,
 * each a NUL-padded name (11 bytes), a type letter (11), a length (16) and decimals (17).
 * Each record starts with a deletion flag ('*' deleted, ' ' valid), then the fields as
 * fixed-width text. The shapefile spec (p. 25) pairs row i with shape i.
 */

export type DbfValue = string | number | boolean | null;

export interface DbfTable {
  fieldNames: string[];
  /** One per row; null for a row flagged deleted. */
  rows: (Record<string, DbfValue> | null)[];
  encoding: DbfEncoding;
  /** Fields not read (memo and binary types), by name and type letter. */
  skippedFields: { name: string; type: string }[];
  /** Field names that occurred twice, and what the later one was renamed to. */
  renamedFields: { from: string; to: string }[];
}

interface FieldDescriptor {
  nameBytes: Uint8Array;
  type: string;
  offset: number;
  length: number;
}

const TERMINATOR = 0x0d;
const DELETED = 0x2a;
/** Types read as values; M (memo in a .dbt) and binary Xbase types are skipped. */
const READ_TYPES = new Set(['C', 'N', 'F', 'L', 'D']);

const ascii = new TextDecoder('latin1');

function trimPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x00)) end--;
  return bytes.subarray(0, end);
}

function readDescriptors(view: DataView, bytes: Uint8Array, headerLength: number, recordLength: number, name: string): FieldDescriptor[] {
  const fields: FieldDescriptor[] = [];
  let offset = 1; // after the deletion flag
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== TERMINATOR; at += 32) {
    const raw = bytes.subarray(at, at + 11);
    const nul = raw.indexOf(0);
    const length = view.getUint8(at + 16);
    fields.push({ nameBytes: trimPadding(nul >= 0 ? raw.subarray(0, nul) : raw), type: String.fromCharCode(view.getUint8(at + 11)).toUpperCase(), offset, length });
    offset += length;
  }
  if (offset > recordLength) throw new ImportError(importMessage('DBF_INVALID', `${name} 已损坏：字段宽度之和超过记录长度`, `${name} is damaged: its fields are wider than its records`));
  return fields;
}

function numberValue(text: string): DbfValue {
  // Blank, '?' or '*' filled (overflow) numeric fields are null in dBASE and GDAL.
  if (text === '' || /^[*?]+$/.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  // Integers beyond 2^53 keep their digits as text rather than silently change.
  return /^[+-]?\d+$/.test(text) && !Number.isSafeInteger(value) ? text : value;
}

function dateValue(text: string): DbfValue {
  if (text === '' || /^0+$/.test(text)) return null;
  const iso = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : '';
  // Not a real date: the text is kept as it was written, not guessed at.
  return isCalendarDate(iso) ? iso : text;
}

function logicalValue(text: string): DbfValue {
  if (/^[TtYy]$/.test(text)) return true;
  if (/^[FfNn]$/.test(text)) return false;
  return null;
}

function uniqueNames(names: readonly string[], renamed: { from: string; to: string }[]): string[] {
  const seen = new Set<string>();
  return names.map((original) => {
    let candidate = original === '' ? 'FIELD' : original;
    for (let suffix = 2; seen.has(candidate); suffix++) candidate = `${original}_${suffix}`;
    if (candidate !== original) renamed.push({ from: original, to: candidate });
    seen.add(candidate);
    return candidate;
  });
}

/** The table of a .dbf, its text decoded with `encoding` or, when undefined, a detected one. */
export function readDbf(bytes: Uint8Array, name: string, encoding?: string): DbfTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 33) throw new ImportError(importMessage('DBF_INVALID', `${name} 不是有效的 .dbf 文件`, `${name} is not a valid .dbf file`));
  const declaredRows = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1 || headerLength > bytes.byteLength)
    throw new ImportError(importMessage('DBF_INVALID', `${name} 的文件头已损坏`, `the header of ${name} is damaged`));
  const fields = readDescriptors(view, bytes, headerLength, recordLength, name);
  // A truncated file yields the rows it really holds; the caller compares counts with the .shp.
  const rowCount = Math.min(declaredRows, Math.floor((bytes.byteLength - headerLength) / recordLength));
  const rowStart = (row: number): number => headerLength + row * recordLength;
  const fieldBytes = (row: number, field: FieldDescriptor): Uint8Array => bytes.subarray(rowStart(row) + field.offset, rowStart(row) + field.offset + field.length);

  const detected = encoding ? { encoding, source: 'cpg' as const } : detectDbfEncoding(view.getUint8(29), textSamples(fields, rowCount, fieldBytes));
  const decoder = new TextDecoder(detected.encoding);
  const renamedFields: { from: string; to: string }[] = [];
  const names = uniqueNames(fields.map((field) => decoder.decode(field.nameBytes).trim()), renamedFields);
  const skippedFields = fields.flatMap((field, index) => (READ_TYPES.has(field.type) ? [] : [{ name: names[index] ?? '', type: field.type }]));

  const rows: (Record<string, DbfValue> | null)[] = [];
  for (let row = 0; row < rowCount; row++) {
    if (bytes[rowStart(row)] === DELETED) {
      rows.push(null);
      continue;
    }
    const entries: [string, DbfValue][] = [];
    fields.forEach((field, index) => {
      if (!READ_TYPES.has(field.type)) return;
      const raw = fieldBytes(row, field);
      const key = names[index] ?? '';
      if (field.type === 'C') {
        const text = decoder.decode(trimPadding(raw));
        entries.push([key, text === '' ? null : text]);
        return;
      }
      const text = ascii.decode(raw).replace(/\0/g, '').trim();
      entries.push([key, field.type === 'D' ? dateValue(text) : field.type === 'L' ? logicalValue(text) : numberValue(text)]);
    });
    // fromEntries defines own properties, so a field named __proto__ stays data (docs/input-rules.md, G1).
    rows.push(Object.fromEntries(entries));
  }
  return { fieldNames: names.filter((_, index) => READ_TYPES.has(fields[index]?.type ?? '')), rows, encoding: detected, skippedFields, renamedFields };
}

function* textSamples(fields: readonly FieldDescriptor[], rowCount: number, fieldBytes: (row: number, field: FieldDescriptor) => Uint8Array): Generator<Uint8Array> {
  for (const field of fields) yield field.nameBytes;
  const textFields = fields.filter((field) => field.type === 'C');
  for (let row = 0; row < rowCount; row++) for (const field of textFields) yield trimPadding(fieldBytes(row, field));
}
