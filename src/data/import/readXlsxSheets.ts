import { DOMParser, type Element } from '@xmldom/xmldom';
import type { TableCell } from '../../domain/import/tableColumns';
import { childElements, firstChild } from './kmlElements';
import type { ZipFile } from './readZip';

/*
 * The sheets of an Excel workbook (Office Open XML, ECMA-376 Part 1) as rows of cells, read from
 * the zip's parts: xl/workbook.xml lists the sheets (§18.2.19), its relationships name each
 * sheet's part, xl/sharedStrings.xml holds the text of cells of type "s" (§18.4.9), and each
 * sheet's <sheetData> holds rows of cells addressed "B3" (§18.3.1.4, §18.3.1.73). Formulas are
 * read as their cached values; dates stay serial numbers.
 */

export interface XlsxSheet {
  name: string;
  rows: TableCell[][];
}

export class XlsxError extends Error {}

const parse = (file: ZipFile | undefined): Element | undefined => {
  if (!file) return undefined;
  const document = new DOMParser({ onError: () => undefined }).parseFromString(new TextDecoder('utf-8').decode(file.bytes), 'text/xml');
  return document.documentElement ?? undefined;
};

/** All descendants with a local name, whatever their prefix. */
function descendants(root: Element, localName: string): Element[] {
  const found: Element[] = [];
  const walk = (element: Element) => {
    for (const child of childElements(element)) {
      if (child.localName === localName) found.push(child);
      else walk(child);
    }
  };
  walk(root);
  return found;
}

/** The text of a rich or plain string item: every <t>, in order, skipping phonetic runs (<rPh>). */
function stringItem(item: Element): string {
  return descendants(item, 't').filter((t) => (t.parentNode as Element | null)?.localName !== 'rPh').map((t) => t.textContent ?? '').join('');
}

/** "AB12" → column 27 (zero-based). */
function columnIndex(reference: string): number {
  const letters = /^([A-Z]+)/i.exec(reference)?.[1]?.toUpperCase() ?? '';
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function cellValue(cell: Element, shared: readonly string[]): TableCell {
  const type = cell.getAttribute('t');
  if (type === 'inlineStr') {
    const inline = firstChild(cell, 'is');
    return inline ? stringItem(inline) : '';
  }
  const raw = firstChild(cell, 'v')?.textContent ?? null;
  if (raw === null) return null;
  if (type === 's') return shared[Number(raw)] ?? '';
  if (type === 'str' || type === 'e') return raw;
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  const number = Number(raw);
  return Number.isFinite(number) ? number : raw;
}

function sheetRows(root: Element, shared: readonly string[]): TableCell[][] {
  const data = descendants(root, 'sheetData')[0];
  if (!data) return [];
  const rows: TableCell[][] = [];
  for (const row of childElements(data, 'row')) {
    const cells: TableCell[] = [];
    let next = 0;
    for (const cell of childElements(row, 'c')) {
      const reference = cell.getAttribute('r');
      const index = reference ? columnIndex(reference) : next;
      while (cells.length < index) cells.push(null);
      cells[index] = cellValue(cell, shared);
      next = index + 1;
    }
    const at = Number(row.getAttribute('r'));
    // Rows may skip numbers (empty rows are not written); keep them as empty rows.
    while (Number.isInteger(at) && at > 0 && rows.length < at - 1) rows.push([]);
    rows.push(cells);
  }
  return rows;
}

/** The part a relationship target names, relative to xl/ or absolute from the package root. */
const partName = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

export function readXlsxSheets(files: readonly ZipFile[]): XlsxSheet[] {
  const byName = new Map(files.map((file) => [file.name.toLowerCase(), file]));
  const workbook = parse(byName.get('xl/workbook.xml'));
  if (!workbook) throw new XlsxError('the workbook part xl/workbook.xml is missing or not XML');
  const relationships = parse(byName.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map((relationships ? descendants(relationships, 'Relationship') : []).map((relationship) => [relationship.getAttribute('Id') ?? '', relationship.getAttribute('Target') ?? '']));
  const sharedRoot = parse(byName.get('xl/sharedstrings.xml'));
  const shared = sharedRoot ? childElements(sharedRoot, 'si').map(stringItem) : [];
  return descendants(workbook, 'sheet').map((sheet) => {
    const id = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? sheet.getAttribute('r:id') ?? '';
    const target = targets.get(id);
    const part = target ? parse(byName.get(partName(target).toLowerCase())) : undefined;
    return { name: sheet.getAttribute('name') ?? '', rows: part ? sheetRows(part, shared) : [] };
  });
}
