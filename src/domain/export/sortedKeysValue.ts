/**
 * A JSON value with the keys of every nested object sorted by code point, arrays kept in their
 * order, so that equal data serializes to equal text whatever order its keys were written in.
 */
export function sortedKeysValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeysValue);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // No prototype: a "__proto__" key from the data stays an ordinary key.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(record).sort(compareCodePoints)) sorted[key] = sortedKeysValue(record[key]);
  return sorted;
}

/**
 * Orders strings by Unicode code point. The default sort compares UTF-16 code units, which puts
 * characters beyond U+FFFF before U+E000–U+FFFF; this does not.
 */
export function compareCodePoints(left: string, right: string): number {
  const leftPoints = Array.from(left, (character) => character.codePointAt(0) ?? 0);
  const rightPoints = Array.from(right, (character) => character.codePointAt(0) ?? 0);
  const shared = Math.min(leftPoints.length, rightPoints.length);
  for (let index = 0; index < shared; index++) {
    const difference = (leftPoints[index] ?? 0) - (rightPoints[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return leftPoints.length - rightPoints.length;
}
