import type { TableCell } from '../../domain/import/tableColumns';
import { detectDbfEncoding } from './dbfEncoding';

/*
 * CSV and other delimited text (RFC 4180, plus the tab and semicolon separators spreadsheets
 * write) to rows of text. The encoding is found as for a shapefile's .dbf without a .cpg
 * (dbfEncoding.ts): a UTF-8 byte order mark or valid UTF-8 means UTF-8, anything else is read as
 * GBK; UTF-16 with its byte order mark (Excel's "Unicode text") is read as UTF-16.
 */

export interface DelimitedText {
  rows: TableCell[][];
  encoding: string;
  delimiter: string;
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  const { encoding } = detectDbfEncoding(0, [bytes]);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** The separator that splits the first line into the most fields, outside quotes. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';', '|'].map((delimiter) => ({ delimiter, count: firstLine.replace(/"[^"]*"/g, '').split(delimiter).length }));
  return counts.sort((a, b) => b.count - a.count)[0]?.delimiter ?? ',';
}

export function readDelimitedText(bytes: Uint8Array): DelimitedText {
  const { text, encoding } = decode(bytes);
  const delimiter = delimiterOf(text);
  const rows: TableCell[][] = [];
  let row: TableCell[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((cells) => cells.some((cell) => cell !== null && String(cell).trim() !== '')), encoding, delimiter };
}
