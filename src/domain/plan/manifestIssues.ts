import { contractIssues } from '../contract/contractIssues';
import { MANIFEST_CONTRACT } from './manifest';
import { checkManifestConsistency } from './manifestConsistency';
import type { ValidationIssue } from '../validation/validationReport';

/** Everything wrong with the JSON of layers.json: its contract first, then the rules between its parts. */
export function manifestIssues(manifestJson: unknown, file = 'layers.json'): ValidationIssue[] {
  const shape = contractIssues(MANIFEST_CONTRACT, manifestJson).map((issue) => ({ file, ...issue }));
  return [...shape, ...checkManifestConsistency(file, manifestJson)];
}
