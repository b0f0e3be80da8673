/*
 * Files that are not JSON at all, named from their first bytes so the message can say what
 * arrived ("a zipped shapefile?") instead of "unexpected character at line 1" (docs/input-rules.md,
 * A1 and G4). Signatures: ESRI Shapefile Technical Description (1998) file code 9994; PKWARE APPNOTE
 * local file header "PK\3\4"; RFC 1952 gzip; the PDF, PNG, JPEG and SQLite (GeoPackage) headers.
 */

interface Signature {
  bytes: readonly number[];
  format: { zh: string; en: string };
}

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x00, 0x00, 0x27, 0x0a], format: { zh: 'Shapefile（.shp/.shx）二进制文件', en: 'a Shapefile (.shp/.shx) binary file' } },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: { zh: 'ZIP 压缩包（压缩的 Shapefile 或 KMZ？）', en: 'a ZIP archive (a zipped shapefile or a KMZ?)' } },
  { bytes: [0x50, 0x4b, 0x05, 0x06], format: { zh: '空的 ZIP 压缩包', en: 'an empty ZIP archive' } },
  { bytes: [0x1f, 0x8b], format: { zh: 'gzip 压缩文件', en: 'a gzip-compressed file' } },
  { bytes: [0x25, 0x50, 0x44, 0x46], format: { zh: 'PDF 文档', en: 'a PDF document' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: { zh: 'PNG 图片', en: 'a PNG image' } },
  { bytes: [0xff, 0xd8, 0xff], format: { zh: 'JPEG 图片', en: 'a JPEG image' } },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], format: { zh: 'SQLite/GeoPackage 数据库', en: 'an SQLite/GeoPackage database' } },
];

export interface NamedFormat {
  zh: string;
  en: string;
}

/** The binary format the bytes start with, if it is one we know. */
export function sniffBinaryFormat(bytes: Uint8Array): NamedFormat | undefined {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte))?.format;
}

/** A markup document (an HTML error page, KML, SVG) in place of JSON, judged from the first tag. */
export function sniffMarkupFormat(text: string): NamedFormat | undefined {
  const start = text.slice(0, 512).trimStart().toLowerCase();
  if (!start.startsWith('<')) return undefined;
  if (/^<(!doctype html|html|head|body)\b/.test(start)) return { zh: 'HTML 网页（可能是服务器的错误页）', en: 'an HTML page (a server error page?)' };
  if (start.includes('<kml')) return { zh: 'KML 文件', en: 'a KML file' };
  if (start.includes('<svg')) return { zh: 'SVG 图像', en: 'an SVG image' };
  return { zh: 'XML 或其他标记文本', en: 'XML or other markup' };
}
