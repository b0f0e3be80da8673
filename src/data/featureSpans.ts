const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

const encoder = new TextEncoder();
const FEATURES_KEY = encoder.encode('features');
const TYPE_KEY = encoder.encode('type');
const FEATURE_COLLECTION = encoder.encode('FeatureCollection');

function bytesEqual(bytes: Uint8Array, start: number, end: number, expected: Uint8Array): boolean {
  if (end - start !== expected.length) return false;
  for (let index = 0; index < expected.length; index++) if (bytes[start + index] !== expected[index]) return false;
  return true;
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Where each element of a FeatureCollection's `features` array lies in the file's UTF-8 bytes
 * (two offsets per feature: start and end), found without parsing: JSON's structural characters
 * are ASCII, and no byte of a multi-byte UTF-8 character is. Null for anything but a plain
 * FeatureCollection object whose `features` (given once) is an array of objects; the caller then
 * parses the whole file, which also names what is wrong.
 */
export function featureSpans(bytes: Uint8Array): Uint32Array | null {
  let spans = new Uint32Array(1024);
  let featureCount = 0;
  let depth = 0;
  let expectingKey = false;
  let lastKeyStart = -1;
  let lastKeyEnd = -1;
  let featuresSeen = false;
  let inFeatures = false;
  let collection = false;
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (depth === 2 && inFeatures && byte !== OPEN_OBJECT && byte !== CLOSE_ARRAY && byte !== COMMA && !isWhitespace(byte)) return null;
    if (byte === QUOTE) {
      const start = index + 1;
      let end = start;
      while (end < bytes.length && bytes[end] !== QUOTE) end += bytes[end] === BACKSLASH ? 2 : 1;
      if (end >= bytes.length) return null;
      if (depth === 1) {
        if (expectingKey) {
          lastKeyStart = start;
          lastKeyEnd = end;
        } else if (bytesEqual(bytes, lastKeyStart, lastKeyEnd, TYPE_KEY)) {
          collection = bytesEqual(bytes, start, end, FEATURE_COLLECTION);
        }
      }
      index = end + 1;
      continue;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (depth === 0 && byte !== OPEN_OBJECT) return null;
      if (depth === 1 && bytesEqual(bytes, lastKeyStart, lastKeyEnd, FEATURES_KEY)) {
        if (byte !== OPEN_ARRAY || featuresSeen) return null;
        featuresSeen = true;
        inFeatures = true;
      } else if (depth === 2 && inFeatures) {
        if (byte !== OPEN_OBJECT) return null;
        if (2 * featureCount + 2 > spans.length) {
          const grown = new Uint32Array(spans.length * 2);
          grown.set(spans);
          spans = grown;
        }
        spans[2 * featureCount] = index;
      }
      depth++;
      expectingKey = byte === OPEN_OBJECT && depth === 1;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
      if (depth < 0) return null;
      if (depth === 2 && inFeatures) spans[2 * featureCount++ + 1] = index + 1;
      if (depth === 1) inFeatures = false;
      if (depth === 0) {
        for (let rest = index + 1; rest < bytes.length; rest++) if (!isWhitespace(bytes[rest] ?? 0)) return null;
        return featuresSeen && collection ? spans.slice(0, 2 * featureCount) : null;
      }
    } else if (byte === COMMA) {
      if (depth === 1) expectingKey = true;
    } else if (byte === COLON) {
      if (depth === 1) expectingKey = false;
    }
    index++;
  }
  return null;
}
