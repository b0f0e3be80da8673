import type { Contract } from '../domain/contract/Contract';
import { contractIssues } from '../domain/contract/contractIssues';
import { GeodataError, parseJson } from './fieldReader';

/** "/layers/0/targets/1/metric" as people read it in a message: "layers[0].targets[1].metric". */
function readablePath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`), '');
}

/**
 * The text of a geodata file, checked against its contract and typed by it. Fails with the first
 * problem, naming the file, the field and what is allowed there; `npm run check-data` lists all.
 */
export function parseWithContract<T>(contract: Contract<T>, text: string, file: string): T {
  const value = parseJson(text, file);
  const issues = contractIssues(contract, value);
  const [first] = issues;
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more; npm run check-data lists them all)` : '';
    throw new GeodataError(file, readablePath(first.path), `${first.message.en}${more}`);
  }
  // Checked just above against the contract whose type T is.
  return value as T;
}
