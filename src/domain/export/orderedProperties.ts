import { compareCodePoints, sortedKeysValue } from './sortedKeysValue';

/**
 * The properties with a stable key order: the schema's known keys first, in `knownOrder`, then the
 * others sorted by code point; values that are objects get their keys sorted too.
 */
export function orderedProperties(properties: Readonly<Record<string, unknown>>, knownOrder: readonly string[]): Record<string, unknown> {
  // No prototype: a "__proto__" key from the data stays an ordinary key.
  const ordered = Object.create(null) as Record<string, unknown>;
  for (const key of knownOrder) if (Object.hasOwn(properties, key)) ordered[key] = sortedKeysValue(properties[key]);
  const known = new Set(knownOrder);
  const others = Object.keys(properties).filter((key) => !known.has(key)).sort(compareCodePoints);
  for (const key of others) ordered[key] = sortedKeysValue(properties[key]);
  return ordered;
}
