/*
 * Values from an uploaded file end up in messages, terminals and HTML. They are echoed escaped
 * and truncated (docs/input-rules.md, G7): JSON-quoted so control characters and quotes are
 * visible, angle brackets and ampersands as \u escapes so no markup survives a careless
 * innerHTML, and bidirectional overrides escaped so a name cannot reorder the text around it.
 */

const MARKUP_OR_BIDI = /[<>&\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is this expression's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const unicodeEscape = (character: string): string => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

function truncate(text: string, maxLength: number): string {
  const characters = Array.from(text);
  return characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join('')}…` : text;
}

/** A data value for a message: `"abc"`, `102.7`, `an object`, always short and inert. */
export function quoteValue(value: unknown, maxLength = 40): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
  const text = typeof value === 'string' ? JSON.stringify(truncate(value, maxLength)) : String(value);
  return text.replace(MARKUP_OR_BIDI, unicodeEscape);
}

/** Free text from the data (a feature name) to show as it is: control characters and markup escaped, truncated. */
export function safeText(text: string, maxLength = 60): string {
  return truncate(text, maxLength).replace(CONTROL, unicodeEscape).replace(MARKUP_OR_BIDI, unicodeEscape);
}

/** quoteValue for a Chinese message: a text in “” (escaped the same way), other values as quoteValue prints them. */
export function quoteValueZh(value: unknown, maxLength = 40): string {
  return inChineseQuotes(quoteValue(value, maxLength));
}

/** A quoteValue result for a Chinese message: `"abc"` becomes `“abc”`; numbers and the like stay. */
export function inChineseQuotes(quoted: string): string {
  return quoted.length >= 2 && quoted.startsWith('"') && quoted.endsWith('"') ? `“${quoted.slice(1, -1)}”` : quoted;
}
