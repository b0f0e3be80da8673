import type { LayerDefinition, Manifest } from '../../../domain/plan/manifest';
import { useTranslation } from '../../LocaleContext';
import { metricUnitText } from '../../../domain/format/formatMeasure';

interface LayerTargetFieldsProps {
  layer: LayerDefinition;
  layerIndex: number;
  edit: (change: (draft: Manifest) => void) => void;
}

/** Each target of a layer: its value, its deadline and the statuses that count toward it. */
export function LayerTargetFields({ layer, layerIndex, edit }: LayerTargetFieldsProps) {
  const t = useTranslation();
  const editTarget = (targetIndex: number, change: (target: LayerDefinition['targets'][number]) => void) =>
    edit((plan) => {
      const target = plan.layers[layerIndex]?.targets[targetIndex];
      if (target) change(target);
    });
  return (
    <div className="admin-targets">
      <h4>{t('adminTargets')}</h4>
      {layer.targets.map((target, targetIndex) => (
        <fieldset key={target.id} className="admin-fields" data-target-id={target.id}>
          <legend>{t.text(target.label)}</legend>
          <label>
            {t('adminTargetValue')}
            <input
              type="number"
              min="0"
              // A share is a percentage: the check refuses more than 100 too, this keeps the spinner inside.
              max={target.metric === 'share' ? 100 : undefined}
              step="any"
              aria-label={`${t.text(target.label)} ${t('adminTargetValue')}`}
              value={Number.isFinite(target.target) ? String(target.target) : ''}
              // Left empty, the value is no number: the check then asks for one instead of saving 0.
              onChange={(event) => { const value = event.target.value; editTarget(targetIndex, (draft) => { draft.target = value === '' ? Number.NaN : Number(value); }); }}
            />
            {metricUnitText(target, t.locale) && <span className="admin-unit">{metricUnitText(target, t.locale)}</span>}
          </label>
          <label>
            {t('adminDeadline')}
            <input type="date" value={target.deadline} onChange={(event) => { const value = event.target.value; editTarget(targetIndex, (draft) => { draft.deadline = value; }); }} />
          </label>
          <div className="admin-counted" role="group" aria-label={`${t.text(target.label)} ${t('adminCounted')}`}>
            <span>{t('adminCounted')}</span>
            {layer.statuses.map((status) => (
              <label key={status.id} className="admin-check">
                <input
                  type="checkbox"
                  checked={target.countedStatuses.includes(status.id)}
                  onChange={(event) => {
                    const counted = event.target.checked;
                    editTarget(targetIndex, (draft) => {
                      const others = draft.countedStatuses.filter((id) => id !== status.id);
                      // Kept in lifecycle order, as the file lists them.
                      draft.countedStatuses = layer.statuses.map((candidate) => candidate.id).filter((id) => others.includes(id) || (counted && id === status.id));
                    });
                  }}
                />
                {t.text(status.label)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
