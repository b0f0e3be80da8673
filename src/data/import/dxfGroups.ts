import { encodingFromCpg } from './dbfEncoding';

/*
 * The group codes of an ASCII DXF file (AutoCAD DXF Reference, "DXF Format" → "ASCII DXF Files"):
 * pairs of lines, an integer code then its value. Text before R2007 (AC1021) is in the drawing's
 * code page ($DWGCODEPAGE, e.g. ANSI_936 for simplified Chinese); from R2007 on it is UTF-8.
 * Characters outside the code page are written as \U+XXXX in either case.
 */

export interface DxfGroup {
  code: number;
  value: string;
}

export interface DecodedDxf {
  groups: DxfGroup[];
  encoding: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function headerValue(latin1: string, variable: string): string | undefined {
  const match = new RegExp(`\\$${variable}\\s*\\r?\\n\\s*\\d+\\s*\\r?\\n([^\\r\\n]*)`).exec(latin1);
  return match?.[1]?.trim();
}

/** R2007 and later ("AC1021" and up) are UTF-8; earlier ones their code page; without a header, the bytes decide. */
function encodingOf(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  const version = headerValue(latin1, 'ACADVER');
  const release = version && /^AC(\d{4})$/.exec(version)?.[1];
  if (release && Number(release) >= 1021) return 'utf-8';
  const codePage = headerValue(latin1, 'DWGCODEPAGE');
  const fromCodePage = codePage ? encodingFromCpg(codePage.replace(/^ANSI_/i, 'ANSI ')) : undefined;
  if (fromCodePage && fromCodePage !== 'windows-1252') return fromCodePage;
  try {
    strictUtf8.decode(bytes);
    return 'utf-8';
  } catch {
    // Chinese drawings saved without a useful code page are GBK far more often than anything else.
    return 'gbk';
  }
}

/** \U+4E2D → 中 (the DXF escape for characters outside the code page). */
export const unescapeDxfText = (text: string): string => text.replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

export function dxfGroups(bytes: Uint8Array): DecodedDxf {
  const encoding = encodingOf(bytes);
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const groups: DxfGroup[] = [];
  for (let index = 0; index + 1 < lines.length; index += 2) {
    const code = Number((lines[index] ?? '').trim());
    if (!Number.isInteger(code)) throw new Error(`line ${index + 1} should hold a group code but holds ${JSON.stringify((lines[index] ?? '').slice(0, 20))}`);
    groups.push({ code, value: lines[index + 1] ?? '' });
  }
  return { groups, encoding };
}
