import type { SaveProblem } from '../../domain/validation/validationReport';

/** The JSON of a document's body, or why it is not JSON: UTF-8 (a BOM allowed), then parsed. */
export function parseDocumentJson(body: Buffer, file: string): { json: unknown } | { problem: SaveProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body).replace(/^\uFEFF/, '');
  } catch {
    return { problem: { path: '', code: 'ENCODING_NOT_UTF8', message: { zh: `${file} 须为 UTF-8 文本`, en: `${file} must be UTF-8 text` } } };
  }
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { problem: { path: '', code: 'INVALID_JSON', message: { zh: `${file} 不是有效的 JSON`, en: `${file} is not valid JSON` } } };
  }
}
