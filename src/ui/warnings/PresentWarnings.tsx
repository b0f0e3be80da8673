import './presentWarnings.css';
import type { Manifest } from '../../domain/plan/manifest';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { DistrictWarnings } from '../../domain/progress/districtWarnings';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { useLatenessText } from './WarningRow';

/** Rows a room can read at 3 m under the sub-district ranking; the rest are counted. */
const ROWS_SHOWN = 3;

interface PresentWarningsProps {
  manifest: Manifest;
  layers: readonly MeasuredLayer[];
  warnings: DistrictWarnings;
}

/**
 * 监测预警 on the large screen: the most overdue projects of every layer (name, layer, how late,
 * the planned date, the unit in charge) and how many more. Read, not hovered: nothing here needs a mouse.
 */
export function PresentWarnings({ manifest, layers, warnings }: PresentWarningsProps) {
  const t = useTranslation();
  const lateness = useLatenessText();
  const all = manifest.layers.flatMap((definition) => (warnings.byLayer[definition.id] ?? []).map((warning) => ({ definition, warning })))
    .sort((left, right) => right.warning.daysLate - left.warning.daysLate);
  if (all.length === 0) return null;
  const shown = all.slice(0, ROWS_SHOWN);
  return (
    <section className="present-warnings" aria-label={t('warningsTitle')} data-testid="present-warnings">
      <h2>{t('warningsTitle')}</h2>
      <span className="present-warnings-summary">{fillMessage(t('warningsSummary'), { overdue: warnings.overdue, soon: warnings.dueSoon })}</span>
      <ol>
        {shown.map(({ definition, warning }) => {
          const layer = layers.find((candidate) => candidate.definition.id === definition.id);
          return (
            <li key={`${definition.id}/${warning.featureId}`} className={`present-warning warning-${warning.kind}`} data-feature-id={warning.featureId}>
              <span className="present-warning-name">
                <span className="kpi-swatch" style={{ background: definition.color }} aria-hidden="true" />
                {layer?.nameAt(warning.featureIndex) || warning.featureId}
              </span>
              <span className="present-warning-days">{lateness(warning)}</span>
              <span className="present-warning-detail">
                {warning.due}{warning.unitInCharge && <> · {warning.unitInCharge}</>}
              </span>
            </li>
          );
        })}
      </ol>
      {all.length > shown.length && <p className="present-warnings-more">{fillMessage(t('warningMore'), { count: all.length - shown.length })}</p>}
    </section>
  );
}
