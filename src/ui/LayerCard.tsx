import type { Dispatch } from 'react';
import type { LayerDefinition } from '../domain/plan/manifest';
import type { LayerStats } from '../domain/progress/layerStats';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';
import { formatCount } from '../domain/format/formatMeasure';
import { fillMessage } from './fillMessage';

interface LayerCardProps {
  definition: LayerDefinition;
  stats: LayerStats | undefined;
  visible: boolean;
  chosenStatuses: string[];
  dispatch: Dispatch<ViewAction>;
  onShowHistory?: (layerId: string) => void;
}

/**
 * One layer: a visibility switch, then its legend, where each status row is also a filter toggle
 * (multi-select; nothing chosen shows every status), as in ArcGIS Dashboards' category selectors.
 */
export function LayerCard({ definition, stats, visible, chosenStatuses, dispatch, onShowHistory }: LayerCardProps) {
  const t = useTranslation();
  const filtering = chosenStatuses.length > 0;
  return (
    <section className={`layer-card${visible ? '' : ' is-hidden'}`} data-layer-id={definition.id}>
      <label className="layer-toggle">
        <input
          type="checkbox"
          checked={visible}
          onChange={() => dispatch({ type: 'toggleLayer', layerId: definition.id })}
          aria-label={`${t('showLayer')}: ${t.text(definition.name)}`}
        />
        <span className={`layer-swatch layer-swatch-${definition.geometry}`} style={{ background: definition.color }} aria-hidden="true" />
        <span className="layer-name">{t.text(definition.name)}</span>
        <span className="layer-count">{formatCount(stats?.totals.features ?? 0, t.locale)}</span>
      </label>
      <ul className="legend" aria-label={`${t('filterByStatus')}: ${t.text(definition.name)}`}>
        {definition.statuses.map((status) => {
          const chosen = chosenStatuses.includes(status.id);
          const count = stats?.byStatus[status.id]?.features ?? 0;
          return (
            <li key={status.id}>
              <button
                type="button"
                className={`legend-row${chosen ? ' is-chosen' : ''}${filtering && !chosen ? ' is-muted' : ''}`}
                aria-pressed={chosen}
                data-status-id={status.id}
                disabled={!visible}
                onClick={() => dispatch({ type: 'toggleStatus', layerId: definition.id, statusId: status.id })}
              >
                <span className={`status-swatch status-swatch-${definition.geometry}`} style={{ background: status.color }} aria-hidden="true" />
                <span className="legend-label">{t.text(status.label)}</span>
                <span className="legend-count">{formatCount(count, t.locale)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {filtering && (
        <button type="button" className="link-button" onClick={() => dispatch({ type: 'clearStatuses', layerId: definition.id })}>
          {t('clearFilter')}
        </button>
      )}
      {onShowHistory && (
        <button type="button" className="link-button layer-history" title={fillMessage(t('versionHistoryOf'), { layer: t.text(definition.name) })} onClick={() => onShowHistory(definition.id)}>
          {t('versionHistory')}
        </button>
      )}
    </section>
  );
}
