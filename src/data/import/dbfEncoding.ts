/*
 * Which text encoding a shapefile's .dbf uses. The .cpg sidecar (an ESRI convention, one line
 * naming a code page) says so when present; ArcGIS writes "936" or "ANSI 936" for Chinese, QGIS
 * writes "UTF-8" or "CP936". TextDecoder knows none of the bare numbers (docs/stack-notes.md, Reading shapefiles), so code
 * pages are mapped to WHATWG Encoding labels here. The WHATWG "gbk" decoder is the GB18030
 * decoder, a superset of GB2312 and GBK.
 */

/** Windows code page → WHATWG encoding label. */
const CODE_PAGES: ReadonlyMap<number, string> = new Map([
  [936, 'gbk'],
  [20936, 'gbk'],
  [54936, 'gb18030'],
  [65001, 'utf-8'],
  [950, 'big5'],
  [932, 'shift_jis'],
  [949, 'euc-kr'],
  [874, 'windows-874'],
  ...[1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258].map((page): [number, string] => [page, `windows-${page}`]),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16].map((part): [number, string] => [28590 + part, `iso-8859-${part}`]),
]);

/*
 * dBASE language driver ids (header byte 29) that mean a Chinese code page. 0x4D and 0x7A are
 * "936 Chinese GBK (PRC)" in ESRI's table; GDAL maps both to CP936.
 */
const CHINESE_LANGUAGE_DRIVERS: ReadonlySet<number> = new Set([0x4d, 0x7a]);

function supported(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** The TextDecoder label a .cpg names ("936", "ANSI 936", "CP936", "GBK", "UTF-8"…), or undefined if unknown. */
export function encodingFromCpg(cpg: string): string | undefined {
  const text = cpg.replace(/^\uFEFF/, '').trim();
  const page = /^(?:ansi[\s_-]*|cp[\s_-]*|ms[\s_-]*|windows[\s_-]*|oem[\s_-]*)?(\d{3,5})$/i.exec(text);
  if (page) return CODE_PAGES.get(Number(page[1]));
  if (/^(utf-?8|unicode)$/i.test(text)) return 'utf-8';
  if (/^gb[\s_-]*(2312|k)$/i.test(text)) return 'gbk';
  if (/^gb[\s_-]*18030$/i.test(text)) return 'gb18030';
  return text === '' ? undefined : supported(text);
}

export type EncodingSource = 'cpg' | 'language-driver' | 'detected';

export interface DbfEncoding {
  encoding: string;
  source: EncodingSource;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodesAsUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Valid UTF-8, allowing a sequence cut short at the end: writers truncate fields by bytes, so a
 * 3-byte character may lose its last 1 or 2 bytes.
 */
function isUtf8(bytes: Uint8Array): boolean {
  if (decodesAsUtf8(bytes)) return true;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const lead = bytes[bytes.length - cut] ?? 0;
    // 0b11xxxxxx starts a multi-byte sequence; only a sequence cut after its lead byte counts.
    if (lead >= 0xc0) return decodesAsUtf8(bytes.subarray(0, bytes.length - cut));
    if (lead < 0x80) return false;
  }
  return false;
}

/**
 * Without a usable .cpg: a Chinese language driver id means GBK; otherwise text that is valid
 * UTF-8 is UTF-8 (GBK Chinese almost never is), and anything else is taken as GBK, the likeliest
 * legacy encoding of the shapefiles this app receives.
 */
export function detectDbfEncoding(languageDriver: number, texts: Iterable<Uint8Array>): DbfEncoding {
  if (CHINESE_LANGUAGE_DRIVERS.has(languageDriver)) return { encoding: 'gbk', source: 'language-driver' };
  for (const bytes of texts) if (!isUtf8(bytes)) return { encoding: 'gbk', source: 'detected' };
  return { encoding: 'utf-8', source: 'detected' };
}
