import type { ValidationIssue } from './validationReport';
import { sniffBinaryFormat } from './sniffNonJsonFormat';

/*
 * Bytes to text. GeoJSON is UTF-8 (RFC 7946 §1, RFC 8259 §8.1); a BOM is tolerated and
 * stripped. Anything else is refused and named, never decoded into mojibake: UTF-16 by its BOM
 * or by NUL bytes at every other position, GBK/GB18030 (common from Chinese desktop GIS) when the
 * bytes are invalid UTF-8 but valid GBK.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; issue: ValidationIssue };

const fail = (code: ValidationIssue['code'], zh: string, en: string): DecodedText => ({ ok: false, issue: { path: '', code, message: { zh, en } } });

function utf16ByteOrder(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  // ASCII text in UTF-16 has a NUL in every second byte: "{" is 7B 00 (LE) or 00 7B (BE).
  const sample = bytes.subarray(0, 64);
  if (sample.length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  sample.forEach((byte, index) => {
    if (byte !== 0) return;
    if (index % 2 === 0) evenNuls++;
    else oddNuls++;
  });
  const half = sample.length / 2;
  if (oddNuls >= half * 0.9 && evenNuls === 0) return 'LE';
  if (evenNuls >= half * 0.9 && oddNuls === 0) return 'BE';
  return undefined;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ENCODING_HINT_ZH = '请在 QGIS 或文本编辑器中另存为 UTF-8 编码';
const ENCODING_HINT_EN = 'save it as UTF-8 in QGIS or a text editor';

/** UTF-8 text without its BOM, or the reason the bytes are not UTF-8 text. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const binary = sniffBinaryFormat(bytes);
  if (binary) return fail('NOT_JSON', `这是${binary.zh}，不是 GeoJSON`, `this is ${binary.en}, not GeoJSON`);
  const byteOrder = utf16ByteOrder(bytes);
  if (byteOrder)
    return fail('ENCODING_NOT_UTF8', `文件编码为 UTF-16${byteOrder}，须为 UTF-8；${ENCODING_HINT_ZH}`, `the file is UTF-16${byteOrder}; the encoding must be UTF-8: ${ENCODING_HINT_EN}`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    // Not UTF-8; name the likely encoding below.
  }
  if (decodes(bytes, 'gbk'))
    return fail('ENCODING_NOT_UTF8', `文件编码看起来是 GBK（GB18030），须为 UTF-8；${ENCODING_HINT_ZH}`, `the file looks GBK (GB18030) encoded; the encoding must be UTF-8: ${ENCODING_HINT_EN}`);
  if (bytes.includes(0)) return fail('NOT_JSON', '这是二进制数据，不是 GeoJSON 文本', 'this is binary data, not GeoJSON text');
  return fail('ENCODING_NOT_UTF8', `文件不是有效的 UTF-8 编码；${ENCODING_HINT_ZH}`, `the file is not valid UTF-8: ${ENCODING_HINT_EN}`);
}
