import type { ValidationIssue } from '../validation/validationReport';
import type { Contract } from './Contract';

/** Every way `value` (parsed JSON) breaks `contract`, in document order; none means it keeps it. */
export function contractIssues(contract: Contract<unknown>, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  contract.check(value, '', issues);
  return issues;
}
