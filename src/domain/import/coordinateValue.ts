/*
 * A coordinate cell of a ledger as a number: plain decimals ("3433935.54", "102.7"), and
 * degrees-minutes-seconds as Chinese ledgers write them ("102°41′30.5″", "25度3分12秒",
 * "102:41:30.5"). Anything else is undefined, never a guess: the reader names the row and column.
 */

const DMS = /^([+-]?\d+(?:\.\d+)?)\s*(?:°|度|:)\s*(?:(\d+(?:\.\d+)?)\s*(?:′|'|分|:)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:″|"|''|秒)?)?\s*([NSEW东西南北])?$/i;

export function coordinateValue(cell: string | number | null | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = (cell ?? '').trim();
  if (text === '') return undefined;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  const match = DMS.exec(text);
  if (!match) return undefined;
  const degrees = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const seconds = Number(match[3] ?? 0);
  if (minutes >= 60 || seconds >= 60) return undefined;
  const sign = degrees < 0 || text.startsWith('-') || /^[SW西南]$/i.test(match[4] ?? '') ? -1 : 1;
  return sign * (Math.abs(degrees) + minutes / 60 + seconds / 3600);
}
