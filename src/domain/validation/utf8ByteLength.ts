/** UTF-8 length of a string, counting no further than `stopAbove` + 1 (enough to compare with a limit). */
export function utf8ByteLength(text: string, stopAbove: number): number {
  // Each UTF-16 unit is 1–3 bytes: skip the count when the answer is clear either way.
  if (text.length > stopAbove) return text.length;
  if (text.length * 3 <= stopAbove) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAbove; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes: 2 for each half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
