import type { LocalizedText } from './manifest';
import type { ValidationProblem } from './schemaValidation';

/**
 * The two languages of a problem's message. Schema errors carry them apart; other messages are
 * written "<zh> / <en>", the Chinese half ending before the first " / " (a full-width bracket may
 * stand where the space is).
 */
export function problemText(problem: Pick<ValidationProblem, 'message' | 'text'>): LocalizedText {
  if (problem.text) return problem.text;
  const match = /\s\/\s|(?<=）)\/\s/.exec(problem.message);
  if (!match) return { zh: problem.message, en: problem.message };
  return { zh: problem.message.slice(0, match.index), en: problem.message.slice(match.index + match[0].length) };
}
