import type { DocumentChange } from '../../domain/changes/documentChange';
import { datumShiftChanges } from '../../domain/datum/datumShiftChanges';
import { parseDatumShifts, type DatumShifts } from '../../domain/datum/datumShiftProfile';
import { parseDocumentJson } from './parseDocumentJson';
import type { PreparedDocumentSave } from './savedDocumentRules';

const MAX_PROBLEMS = 50;

function shiftsOrNull(bytes: Buffer | null): DatumShifts | null {
  if (!bytes) return null;
  try {
    const parsed = parseDatumShifts(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

/**
 * The checks of a new datum-shifts.json, the same as `check-data`'s (its contract, no name used
 * twice); the profiles depend on no other file, so nothing more is checked under the lock. Stored
 * as formatted JSON, and a change is said parameter by parameter.
 */
export function prepareDatumShiftsSave(body: Buffer): Promise<PreparedDocumentSave> {
  const parsed = parseDocumentJson(body, 'datum-shifts.json');
  if ('problem' in parsed) return Promise.resolve({ problems: [parsed.problem] });
  const checked = parseDatumShifts(parsed.json);
  if (!checked.ok) return Promise.resolve({ problems: checked.issues.slice(0, MAX_PROBLEMS) });
  const after = checked.value;
  return Promise.resolve({
    bytes: Buffer.from(`${JSON.stringify(after, null, 2)}\n`),
    check: (beforeBytes) => {
      const before = shiftsOrNull(beforeBytes);
      const changes: DocumentChange[] = before
        ? datumShiftChanges(before, after)
        : [{ path: '', text: { zh: '替换了缺失或无法读取的 datum-shifts.json', en: 'replaced a missing or unreadable datum-shifts.json' } }];
      return { changes };
    },
  });
}
