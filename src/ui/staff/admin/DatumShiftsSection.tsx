import { useState } from 'react';
import { datumShiftChanges } from '../../../domain/datum/datumShiftChanges';
import { parseDatumShifts, type DatumShiftProfile, type DatumShifts } from '../../../domain/datum/datumShiftProfile';
import { useTranslation } from '../../LocaleContext';
import type { StaffSession } from '../useStaffSession';
import { DatumShiftProfileForm } from './DatumShiftProfileForm';
import { PlanHistory } from './PlanHistory';
import { PlanSaveBar } from './PlanSaveBar';
import { useSavedDocument, type SavedDocumentKind } from './useSavedDocument';

const DATUM_SHIFTS_FILE = 'datum-shifts.json';

const DATUM_SHIFTS: SavedDocumentKind<DatumShifts> = {
  file: DATUM_SHIFTS_FILE,
  parse: (text) => {
    const parsed = parseDatumShifts(JSON.parse(text.replace(/^\uFEFF/, '')));
    if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message.en).join('; '));
    return parsed.value;
  },
  // As JSON: an emptied number is then null, as the file would hold it.
  problems: (draft) => {
    const parsed = parseDatumShifts(JSON.parse(JSON.stringify(draft)));
    return parsed.ok ? [] : parsed.issues;
  },
  changes: datumShiftChanges,
};

const SAVE_WORDS = { save: 'adminDatumSave', saved: 'adminDatumSaved', stale: 'adminDatumStale' } as const;

/** A name no profile has yet, for a new one. */
function freshName(shifts: DatumShifts, base: string): string {
  for (let count = shifts.profiles.length + 1; ; count++) {
    const name = `${base} ${count}`;
    if (!shifts.profiles.some((profile) => profile.name === name)) return name;
  }
}

/**
 * The admin's datum-shift profiles (datum-shifts.json): listed, added, edited (parameters typed
 * or estimated from pasted control points, with residuals), removed, and saved through the same
 * checked, versioned, audited store as the plan.
 */
export function DatumShiftsSection({ staff }: { staff: StaffSession }) {
  const t = useTranslation();
  const shifts = useSavedDocument(staff, DATUM_SHIFTS);
  const [selected, setSelected] = useState<number | null>(null);
  const { draft, edit } = shifts;
  const profile = selected === null ? undefined : draft?.profiles[selected];

  const add = () => {
    if (!draft) return;
    const profile: DatumShiftProfile = {
      name: freshName(draft, t('adminDatumNewName')),
      method: 'bursa-wolf-7', sourceCrs: 'EPSG:2383', convention: 'position-vector',
      dxMeters: 0, dyMeters: 0, dzMeters: 0, rxArcSeconds: 0, ryArcSeconds: 0, rzArcSeconds: 0, scalePpm: 0,
    };
    edit((copy) => { copy.profiles.push(profile); });
    setSelected(draft.profiles.length);
  };
  const remove = (index: number) => {
    edit((copy) => { copy.profiles.splice(index, 1); });
    setSelected(null);
  };

  return (
    <section className="admin-datum-shifts" aria-label={t('adminDatumShifts')}>
      <p className="muted">{t('adminDatumShiftsHint')}</p>
      {shifts.status === 'loading' && <p className="muted" role="status">{t('adminLoading')}</p>}
      {shifts.status === 'failed' && <p className="form-error" role="alert">{t('adminDatumLoadFailed')}</p>}
      {shifts.status === 'ready' && draft && (
        <>
          {draft.profiles.length === 0 ? <p className="muted">{t('adminDatumNone')}</p> : (
            <ul className="admin-list datum-shift-list">
              {draft.profiles.map((candidate, index) => (
                <li key={index} data-profile={candidate.name}>
                  <span>{candidate.name} · {candidate.sourceCrs} · {t(candidate.method === 'plane-4' ? 'adminDatumFour' : 'adminDatumSeven')}</span>{' '}
                  <button type="button" className="button-quiet" aria-pressed={selected === index} onClick={() => setSelected(selected === index ? null : index)}>{t('adminDatumEdit')}</button>{' '}
                  <button type="button" className="button-quiet" onClick={() => remove(index)}>{t('adminDatumRemove')}</button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button-quiet" onClick={add}>{t('adminDatumAdd')}</button>
          {profile && selected !== null && (
            <DatumShiftProfileForm key={`${selected} ${shifts.etag}`} profile={profile} change={(changed) => edit((copy) => { copy.profiles[selected] = changed; })} />
          )}
          <PlanSaveBar plan={shifts} words={SAVE_WORDS} />
          <PlanHistory staff={staff} plan={shifts} file={DATUM_SHIFTS_FILE} title="adminDatumHistory" />
        </>
      )}
    </section>
  );
}
