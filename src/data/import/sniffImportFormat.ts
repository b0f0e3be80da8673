import { sniffBinaryFormat, sniffMarkupFormat, type NamedFormat } from '../../domain/validation/sniffNonJsonFormat';

/*
 * What a dropped file is, judged by its first bytes and never by its name (docs/input-rules.md, G4):
 * a zip by the PKWARE local file header "PK\3\4" (APPNOTE 4.3.7), KML by its <kml> root, GeoJSON
 * by a JSON text starting with "{" or "[" (RFC 8259), after an optional UTF-8 BOM and whitespace;
 * a GeoPackage by the SQLite header "SQLite format 3\0" (SQLite file format §1.3.1); an ASCII DXF
 * by its first group "0 SECTION" or a "999" comment, a binary DXF by its sentinel (AutoCAD DXF
 * Reference, "Binary DXF Files"); a DWG by its version magic "AC10nn"; a CSV by a first line that
 * a comma, tab, semicolon or bar splits, in text without NUL bytes.
 */

export type SniffedFormat =
  | { kind: 'zip' }
  | { kind: 'json' }
  | { kind: 'kml' }
  | { kind: 'empty' }
  | { kind: 'sqlite' }
  | { kind: 'dxf' }
  | { kind: 'dwg' }
  | { kind: 'csv' }
  /** Something else, named when it is recognisable (an HTML page, a lone .shp, a PDF…). */
  | { kind: 'other'; format?: NamedFormat; code: 'ZIP_EMPTY' | 'UNSUPPORTED_FORMAT' | 'UNKNOWN_FORMAT' };

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, index) => bytes[index] === byte);

export function sniffImportFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'other', code: 'ZIP_EMPTY', format: sniffBinaryFormat(bytes) };
  // UTF-16 text: let the JSON path name the encoding (decodeText) rather than call it unknown.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'json' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\u00EF\u00BB\u00BF/, '').trimStart();
  if (head === '') return { kind: 'empty' };
  if (head.startsWith('{') || head.startsWith('[')) return { kind: 'json' };
  if (head.startsWith('<')) {
    const markup = sniffMarkupFormat(head);
    if (/^<(\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*)?<([A-Za-z_][\w.-]*:)?kml\b/i.test(head)) return { kind: 'kml' };
    return { kind: 'other', code: 'UNSUPPORTED_FORMAT', format: markup };
  }
  if (startsWith(bytes, [...'SQLite format 3\0'].map((char) => char.charCodeAt(0)))) return { kind: 'sqlite' };
  if (/^AC10\d\d/.test(head)) return { kind: 'dwg' };
  if (head.startsWith('AutoCAD Binary DXF') || /^(0\s*\r?\n\s*SECTION|999\s*\r?\n)/.test(head)) return { kind: 'dxf' };
  if (!bytes.subarray(0, 1024).includes(0) && /^[^\r\n]*[,\t;|][^\r\n]*(\r?\n|$)/.test(head)) return { kind: 'csv' };
  const binary = sniffBinaryFormat(bytes);
  return binary ? { kind: 'other', code: 'UNSUPPORTED_FORMAT', format: binary } : { kind: 'other', code: 'UNKNOWN_FORMAT' };
}
