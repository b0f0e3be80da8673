import { useEffect, useState } from 'react';
import { fetchDatumShifts } from '../../data/datum/fetchDatumShifts';
import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import type { LocalizedText } from '../../domain/plan/localizedText';
import { fillMessage } from '../fillMessage';
import { DatumShiftResiduals } from './DatumShiftResiduals';
import { useTranslation } from '../LocaleContext';

interface DatumShiftPickerProps {
  /** The CRS the report says needs a profile, e.g. "EPSG:2379". */
  crs: string;
  chosen: DatumShiftProfile | null;
  onChoose: (profile: DatumShiftProfile | null) => void;
}

const geodataBaseUrl = (): string => new URL('geodata/', document.baseURI).href;

/**
 * The profiles of the geodata folder's datum-shifts.json for the file's CRS, shown when the
 * validator refuses to convert a datum without a known shift (docs/input-rules.md, C10–C11).
 */
export function DatumShiftPicker({ crs, chosen, onChoose }: DatumShiftPickerProps) {
  const t = useTranslation();
  const [profiles, setProfiles] = useState<DatumShiftProfile[] | null>(null);
  const [failure, setFailure] = useState<LocalizedText[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchDatumShifts(geodataBaseUrl(), controller.signal).then(
      (result) => {
        if (result.ok) setProfiles(result.value.profiles);
        else setFailure(result.issues.map((issue) => issue.message));
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        if (!controller.signal.aborted) setFailure([{ zh: reason, en: reason }]);
      },
    );
    return () => controller.abort();
  }, []);
  const fitting = (profiles ?? []).filter((profile) => profile.sourceCrs === crs);
  if (failure !== null) return <p className="form-error">{t('importDatumShiftUnreadable')}{failure.map((text) => t.text(text)).join('; ')}</p>;
  if (profiles === null) return null;
  if (fitting.length === 0) return <p className="form-error" data-datum-shift="none">{fillMessage(t('importDatumShiftNone'), { crs })}</p>;
  return (
    <>
      <label className="datum-shift">{t('importDatumShift')}
        <select name="datum-shift" value={chosen?.name ?? ''} onChange={(event) => onChoose(fitting.find((profile) => profile.name === event.target.value) ?? null)}>
          <option value="">{t('importDatumShiftChoose')}</option>
          {fitting.map((profile) => <option key={profile.name} value={profile.name}>{profile.name}{profile.description ? ` · ${profile.description}` : ''}</option>)}
        </select>
      </label>
      {chosen && <DatumShiftResiduals profile={chosen} />}
    </>
  );
}
