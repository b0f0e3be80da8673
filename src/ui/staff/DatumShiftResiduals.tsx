import { useEffect, useState } from 'react';
import { profileResiduals } from '../../data/datum/profileResiduals';
import type { ResidualsResult } from '../../domain/datum/controlPointResiduals';
import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

const metres = (value: number): string => value.toFixed(3);

/** Each control point's residual under the chosen profile, so staff see how well it fits before importing (docs/input-rules.md, C12). */
export function DatumShiftResiduals({ profile }: { profile: DatumShiftProfile }) {
  const t = useTranslation();
  const [result, setResult] = useState<ResidualsResult | null>(null);
  useEffect(() => {
    let current = true;
    setResult(null);
    profileResiduals(profile).then((computed) => { if (current) setResult(computed); }, () => undefined);
    return () => { current = false; };
  }, [profile]);
  if (!profile.controlPoints?.length || !result) return null;
  if (!result.ok) return <p className="form-error">{t.text(result.reason)}</p>;
  return (
    <table className="attribute-table datum-shift-residuals" aria-label={t('importDatumShiftResiduals')}>
      <caption>{t('importDatumShiftResiduals')} · {fillMessage(t('importDatumShiftRms'), { rms: metres(result.rmsMeters), max: metres(result.maxMeters) })}</caption>
      <tbody>
        {result.residuals.map((point) => (
          <tr key={point.id} data-control-point={point.id}>
            <th scope="row">{point.id}</th>
            <td>{metres(point.residualMeters)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
