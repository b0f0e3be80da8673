import type { ValidationIssue } from '../domain/validation/validationReport';

/** One problem of a geodata folder on one line: file, project, path, code, and the message in both languages. */
export function validationProblemLine(problem: ValidationIssue): string {
  const where = problem.featureIndex !== undefined ? ` features[${problem.featureIndex}]${problem.featureId ? ` (${problem.featureId})` : ''}` : '';
  return `${problem.file ?? ''}${where} ${problem.path || '/'} [${problem.code}] ${problem.message.zh} / ${problem.message.en}`;
}
