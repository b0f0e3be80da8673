import { useState } from 'react';
import { controlPointLinesOf, parseControlPointLines } from '../../../domain/datum/controlPointLines';
import type { DatumShiftProfile } from '../../../domain/datum/datumShiftProfile';
import type { LocalizedText } from '../../../domain/plan/localizedText';
import { estimateProfile } from '../../../data/datum/estimateProfile';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';
import type { MessageKey } from '../../messages';
import { DatumShiftResiduals } from '../DatumShiftResiduals';

interface DatumShiftProfileFormProps {
  profile: DatumShiftProfile;
  /** Replaces the profile in the draft document. */
  change: (profile: DatumShiftProfile) => void;
}

type NumberKey = 'dxMeters' | 'dyMeters' | 'dzMeters' | 'rxArcSeconds' | 'ryArcSeconds' | 'rzArcSeconds' | 'rotationArcSeconds' | 'scalePpm';

const SEVEN_FIELDS: readonly [NumberKey, MessageKey][] = [
  ['dxMeters', 'adminDatumDx'], ['dyMeters', 'adminDatumDy'], ['dzMeters', 'adminDatumDz'],
  ['rxArcSeconds', 'adminDatumRx'], ['ryArcSeconds', 'adminDatumRy'], ['rzArcSeconds', 'adminDatumRz'], ['scalePpm', 'adminDatumScale'],
];
const FOUR_FIELDS: readonly [NumberKey, MessageKey][] = [['dxMeters', 'adminDatumDe'], ['dyMeters', 'adminDatumDn'], ['rotationArcSeconds', 'adminDatumRotation'], ['scalePpm', 'adminDatumScale']];

/** A profile of the other kind, keeping what both kinds have. */
function asKind(profile: DatumShiftProfile, method: DatumShiftProfile['method']): DatumShiftProfile {
  const common = { name: profile.name, sourceCrs: profile.sourceCrs, ...(profile.description ? { description: profile.description } : {}), ...(profile.controlPoints ? { controlPoints: profile.controlPoints } : {}) };
  if (method === 'plane-4') return { ...common, method, targetCrs: profile.targetCrs ?? '', dxMeters: 0, dyMeters: 0, rotationArcSeconds: 0, scalePpm: 0 };
  return { ...common, method, convention: 'position-vector', dxMeters: 0, dyMeters: 0, dzMeters: 0, rxArcSeconds: 0, ryArcSeconds: 0, rzArcSeconds: 0, scalePpm: 0 };
}

/** A number field's value as the file holds it: an emptied field is not a number, which the contract names. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * One datum-shift profile: its name, source CRS, kind and parameters, and its control points
 * pasted one a line, from which the parameters can be estimated; each point's residual and the
 * RMS are shown under the parameters as they stand.
 */
export function DatumShiftProfileForm({ profile, change }: DatumShiftProfileFormProps) {
  const t = useTranslation();
  const [pointText, setPointText] = useState(() => controlPointLinesOf(profile.controlPoints ?? []));
  const [pointProblems, setPointProblems] = useState<LocalizedText[]>([]);
  const [estimate, setEstimate] = useState<{ ok: true; count: number } | { ok: false; reason: LocalizedText } | null>(null);
  const set = (patch: Partial<Record<string, unknown>>) => change({ ...profile, ...patch } as DatumShiftProfile);
  const numbers = profile.method === 'plane-4' ? FOUR_FIELDS : SEVEN_FIELDS;
  const valueOf = (key: NumberKey): number => Number((profile as unknown as Record<string, unknown>)[key]);

  const pastePoints = (text: string) => {
    setPointText(text);
    setEstimate(null);
    const parsed = parseControlPointLines(text);
    setPointProblems(parsed.ok ? [] : parsed.problems);
    if (!parsed.ok) return;
    const { controlPoints: _dropped, ...rest } = profile;
    change(parsed.points.length > 0 ? { ...profile, controlPoints: parsed.points } : (rest as DatumShiftProfile));
  };
  const estimateParameters = async () => {
    const result = await estimateProfile(profile);
    if (result.ok) change(result.profile);
    setEstimate(result.ok ? { ok: true, count: profile.controlPoints?.length ?? 0 } : result);
  };

  return (
    <fieldset className="admin-fields datum-shift-form" aria-label={profile.name}>
      <legend>{profile.name || t('adminDatumNewName')}</legend>
      <label>{t('adminDatumName')}<input value={profile.name} onChange={(event) => set({ name: event.target.value })} /></label>
      <label>{t('adminDatumSourceCrs')}<input value={profile.sourceCrs} placeholder="EPSG:2383" onChange={(event) => set({ sourceCrs: event.target.value.trim() })} /></label>
      <label>
        {t('adminDatumKind')}
        <select value={profile.method} onChange={(event) => change(asKind(profile, event.target.value === 'plane-4' ? 'plane-4' : 'bursa-wolf-7'))}>
          <option value="bursa-wolf-7">{t('adminDatumSeven')}</option>
          <option value="plane-4">{t('adminDatumFour')}</option>
        </select>
      </label>
      {profile.method === 'bursa-wolf-7' ? (
        <label>
          {t('adminDatumConvention')}
          <select value={profile.convention} onChange={(event) => set({ convention: event.target.value === 'coordinate-frame' ? 'coordinate-frame' : 'position-vector' })}>
            <option value="position-vector">{t('adminDatumPositionVector')}</option>
            <option value="coordinate-frame">{t('adminDatumCoordinateFrame')}</option>
          </select>
        </label>
      ) : (
        <label>{t('adminDatumTargetCrs')}<input value={profile.targetCrs} placeholder="EPSG:4545" onChange={(event) => set({ targetCrs: event.target.value.trim() })} /></label>
      )}
      {numbers.map(([key, label]) => (
        <label key={key}>
          {t(label)}
          <input type="number" step="any" data-parameter={key} value={Number.isFinite(valueOf(key)) ? valueOf(key) : ''} onChange={(event) => set({ [key]: numberOf(event.target.value) })} />
        </label>
      ))}
      <label>
        {t('adminDatumPoints')}
        <textarea rows={5} value={pointText} onChange={(event) => pastePoints(event.target.value)} spellCheck={false} />
      </label>
      <p className="muted">{t(profile.method === 'plane-4' ? 'adminDatumPointsFour' : 'adminDatumPointsSeven')}</p>
      {pointProblems.length > 0 && <ul className="form-error admin-list" role="alert">{pointProblems.map((problem) => <li key={problem.en}>{t.text(problem)}</li>)}</ul>}
      <button type="button" className="button-quiet" disabled={!profile.controlPoints?.length || pointProblems.length > 0} onClick={() => void estimateParameters()}>{t('adminDatumEstimate')}</button>
      {estimate && (estimate.ok
        ? <p className="muted datum-estimated" role="status">{fillMessage(t('adminDatumEstimated'), { count: String(estimate.count) })}</p>
        : <p className="form-error" role="alert">{t.text(estimate.reason)}</p>)}
      <DatumShiftResiduals profile={profile} />
    </fieldset>
  );
}
