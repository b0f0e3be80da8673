/** JSON pointers (RFC 6901) for the paths of validation issues. */

/** Appends one reference token, escaping "~" and "/" as RFC 6901 §3 requires. */
export function jsonPointer(base: string, ...tokens: readonly (string | number)[]): string {
  let pointer = base;
  for (const token of tokens) pointer += `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return pointer;
}
