import { useMemo } from 'react';
import { closeColourWarnings } from '../../../domain/plan/closeColourWarnings';
import type { LayerDefinition, Manifest } from '../../../domain/plan/manifest';
import { DARK_PAPER, LIGHT_PAPER } from '../../../map/basemapStyle';
import { PLAN_FILL_ALPHA } from '../../../map/planFillAlpha';
import { useTranslation } from '../../LocaleContext';
import { messages } from '../../messages';

interface LayerStatusFieldsProps {
  layer: LayerDefinition;
  layerIndex: number;
  edit: (change: (draft: Manifest) => void) => void;
}

/**
 * The labels and colours of a layer's statuses, with a warning beside a colour the map could not
 * tell apart. Ids stay: features store them (the server refuses renaming one that features use).
 */
export function LayerStatusFields({ layer, layerIndex, edit }: LayerStatusFieldsProps) {
  const t = useTranslation();
  const warnings = useMemo(
    () => closeColourWarnings(layer.statuses, [{ name: messages.adminBasemapLand, color: LIGHT_PAPER }, { name: messages.adminPresentBasemap, color: DARK_PAPER }], PLAN_FILL_ALPHA / 255),
    [layer.statuses],
  );
  const editStatus = (statusIndex: number, change: (status: LayerDefinition['statuses'][number]) => void) =>
    edit((plan) => {
      const status = plan.layers[layerIndex]?.statuses[statusIndex];
      if (status) change(status);
    });
  return (
    <div className="admin-statuses">
      <h4>{t('adminStatuses')}</h4>
      {layer.statuses.map((status, statusIndex) => (
        <div key={status.id} className="admin-status" data-status-id={status.id}>
          <input
            type="color"
            aria-label={`${t.text(status.label)} ${t('adminColour')}`}
            value={status.color.toLowerCase()}
            onChange={(event) => { const value = event.target.value.toUpperCase(); editStatus(statusIndex, (draft) => { draft.color = value; }); }}
          />
          <input aria-label={`${status.id} ${t('adminNameZh')}`} value={status.label.zh} onChange={(event) => { const value = event.target.value; editStatus(statusIndex, (draft) => { draft.label.zh = value; }); }} />
          <input aria-label={`${status.id} ${t('adminNameEn')}`} value={status.label.en} onChange={(event) => { const value = event.target.value; editStatus(statusIndex, (draft) => { draft.label.en = value; }); }} />
          {warnings.filter((warning) => warning.statusId === status.id).map((warning) => (
            <p key={warning.message.en} className="admin-warning" role="status">{t.text(warning.message)}</p>
          ))}
        </div>
      ))}
    </div>
  );
}
