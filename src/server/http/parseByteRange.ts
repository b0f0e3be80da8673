/**
 * What a Range header asks of a file of `sizeBytes` (RFC 9110, section 14.1.2):
 * - 'whole': no Range, a unit other than bytes, or several ranges (a server may answer those
 *   with the whole file, and readers of archives ask for one range at a time);
 * - 'unsatisfiable': a bytes range that is malformed or starts past the end (answered 416);
 * - a range: first and last byte, inclusive, the last clipped to the file.
 */
export type ByteRangeRequest = { kind: 'whole' } | { kind: 'unsatisfiable' } | { kind: 'range'; firstByte: number; lastByte: number };

export function parseByteRange(header: string | undefined, sizeBytes: number): ByteRangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return { kind: 'whole' };
  const spec = (match[1] ?? '').trim();
  if (spec.includes(',')) return { kind: 'whole' };
  const parts = /^(\d*)-(\d*)$/.exec(spec);
  if (!parts) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = parts;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    // A suffix: the last N bytes.
    const suffixBytes = Number(last);
    if (suffixBytes === 0 || sizeBytes === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', firstByte: Math.max(0, sizeBytes - suffixBytes), lastByte: sizeBytes - 1 };
  }
  const firstByte = Number(first);
  const lastByte = last === '' ? sizeBytes - 1 : Math.min(Number(last), sizeBytes - 1);
  if (!Number.isSafeInteger(firstByte) || firstByte >= sizeBytes || (last !== '' && Number(last) < firstByte)) return { kind: 'unsatisfiable' };
  return { kind: 'range', firstByte, lastByte };
}
