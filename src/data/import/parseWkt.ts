/*
 * Well-known text of a coordinate reference system (OGC 01-009 §7, and ESRI's dialect in .prj
 * files): KEYWORD[value, value, KEYWORD[...], ...] with quoted strings and numbers. Brackets may
 * be round, as OGC 01-009 allows. Only the tree is built here; crsFromPrj gives it meaning.
 */

export interface WktNode {
  keyword: string;
  values: (string | number | WktNode)[];
}

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|"((?:[^"]|"")*)"|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([[\](),]))/y;

/** The WKT tree, or undefined for text that is not well-formed WKT. Depth is bounded. */
export function parseWkt(text: string, maxDepth = 16): WktNode | undefined {
  const tokens: { kind: 'word' | 'string' | 'number' | 'punct'; text: string }[] = [];
  TOKEN.lastIndex = 0;
  const source = text.trim();
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) return undefined;
    if (match[1] !== undefined) tokens.push({ kind: 'word', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: match[2].replace(/""/g, '"') });
    else if (match[3] !== undefined) tokens.push({ kind: 'number', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'punct', text: match[4] });
  }
  let position = 0;
  const node = (depth: number): WktNode | undefined => {
    const keyword = tokens[position];
    const open = tokens[position + 1];
    if (depth > maxDepth || keyword?.kind !== 'word' || (open?.text !== '[' && open?.text !== '(')) return undefined;
    position += 2;
    const values: WktNode['values'] = [];
    for (;;) {
      const token = tokens[position];
      if (!token) return undefined;
      if (token.kind === 'string') {
        values.push(token.text);
        position++;
      } else if (token.kind === 'number') {
        values.push(Number(token.text));
        position++;
      } else if (token.kind === 'word') {
        const next = tokens[position + 1];
        if (next?.text === '[' || next?.text === '(') {
          const child = node(depth + 1);
          if (!child) return undefined;
          values.push(child);
        } else {
          // Bare enumerations such as AXIS["Easting",EAST].
          values.push(token.text);
          position++;
        }
      } else return undefined;
      const separator = tokens[position];
      position++;
      if (separator?.text === ']' || separator?.text === ')') return { keyword: keyword.text.toUpperCase(), values };
      if (separator?.text !== ',') return undefined;
    }
  };
  const root = node(0);
  return root && position === tokens.length ? root : undefined;
}

/** The first direct child with this keyword. */
export function wktChild(node: WktNode, keyword: string): WktNode | undefined {
  return node.values.find((value): value is WktNode => typeof value === 'object' && value.keyword === keyword);
}

export function wktChildren(node: WktNode, keyword: string): WktNode[] {
  return node.values.filter((value): value is WktNode => typeof value === 'object' && value.keyword === keyword);
}

/** The node's name: its first value when it is a string. */
export function wktName(node: WktNode | undefined): string {
  const first = node?.values[0];
  return typeof first === 'string' ? first : '';
}
