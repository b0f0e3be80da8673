/**
 * A strict RFC 4180 reader for tests: CRLF between records, quoted fields with doubled quotes.
 * Throws on anything else, so a malformed export fails the test that reads it.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(index, quote);
        index = quote + 1;
        if (text[index] === '"') { field += '"'; index++; } else break;
      }
    } else {
      const match = /^[^",\r\n]*/.exec(text.slice(index));
      field = match?.[0] ?? '';
      index += field.length;
    }
    row.push(field);
    if (text[index] === ',') index++;
    else if (text.startsWith('\r\n', index)) { rows.push(row); row = []; index += 2; }
    else throw new Error(`unexpected ${JSON.stringify(text[index])} at ${index}`);
  }
  if (row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}
