import type { Dispatch } from 'react';
import './warnings.css';
import type { Manifest } from '../../domain/plan/manifest';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { DistrictStats } from '../../domain/progress/districtStats';
import type { DistrictWarnings } from '../../domain/progress/districtWarnings';
import { warningsByStreet } from '../../domain/progress/projectWarnings';
import { behindPace } from '../../domain/progress/targetVerdict';
import type { FeatureRef } from '../../map/PlanMapController';
import type { ViewAction } from '../viewReducer';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { WarningRow } from './WarningRow';

interface WarningsPanelProps {
  manifest: Manifest;
  layers: readonly MeasuredLayer[];
  warnings: DistrictWarnings;
  /** The whole district's targets on the same day, for the ones behind pace. */
  stats: DistrictStats;
  lateOnly: boolean;
  selected: FeatureRef | null;
  dispatch: Dispatch<ViewAction>;
  onOpenFeature: (feature: FeatureRef) => void;
  onClose: () => void;
  /** Layers drawn from vector tiles: their projects' dates are not on the page, so they are not checked. */
  tiledLayerIds?: ReadonlySet<string>;
}

/**
 * 监测预警: per layer and sub-district, the projects overdue or due within 30 days on the day the
 * timeline shows, and the targets behind their steady pace; a row selects its project and flies
 * there; 只看预警项目 narrows the map and the figures to the late projects.
 */
export function WarningsPanel({ manifest, layers, warnings, stats, lateOnly, selected, dispatch, onOpenFeature, onClose, tiledLayerIds }: WarningsPanelProps) {
  const t = useTranslation();
  const tiledNames = manifest.layers.filter((definition) => tiledLayerIds?.has(definition.id)).map((definition) => t.text(definition.name));
  return (
    <section className="warnings-panel" aria-label={t('warningsTitle')} data-testid="warnings-panel">
      <div className="panel-heading">
        <h2>{t('warningsTitle')}</h2>
        <span className="as-of">{t('asOf')} <time dateTime={warnings.asOfDate}>{warnings.asOfDate}</time></span>
        <button type="button" className="link-button warnings-close" aria-label={t('warningsClose')} onClick={onClose}>×</button>
      </div>
      <p className="warnings-summary" data-testid="warnings-summary">
        {fillMessage(t('warningsSummary'), { overdue: warnings.overdue, soon: warnings.dueSoon })}
      </p>
      {tiledNames.length > 0 && <p className="muted warnings-tiled" role="note">{fillMessage(t('warningsTiledLayers'), { layers: tiledNames.join(t.locale === 'zh' ? '、' : ', ') })}</p>}
      <label className="warnings-late-only">
        <input type="checkbox" checked={lateOnly} onChange={(event) => dispatch({ type: 'setLateOnly', lateOnly: event.target.checked })} />
        {t('warningsLateOnly')}
      </label>
      {warnings.overdue + warnings.dueSoon === 0 && <p className="warnings-none">{fillMessage(t('warningsNone'), { date: warnings.asOfDate })}</p>}
      {manifest.layers.map((definition) => {
        const layer = layers.find((candidate) => candidate.definition.id === definition.id);
        const late = warnings.byLayer[definition.id] ?? [];
        const behind = (stats.layers.find((summary) => summary.layerId === definition.id)?.targets ?? []).filter(behindPace);
        if (!layer || (late.length === 0 && behind.length === 0)) return null;
        return (
          <section key={definition.id} className="warnings-layer" data-layer-id={definition.id}>
            <h3><span className="layer-swatch" style={{ background: definition.color }} aria-hidden="true" />{t.text(definition.name)}</h3>
            {behind.map((progress) => (
              <p key={progress.targetId} className="warnings-target" data-target-id={progress.targetId}>
                <span className="badge badge-behind">{t('behindPaceFlag')}</span> {t.text(progress.label)}
              </p>
            ))}
            {warningsByStreet(late).map((group) => (
              <div key={group.street} className="warnings-street">
                <h4>{group.street || t('warningsNoStreet')}</h4>
                <ul>
                  {group.warnings.map((warning) => (
                    <WarningRow
                      key={warning.featureId}
                      definition={definition}
                      warning={warning}
                      name={layer.nameAt(warning.featureIndex) || warning.featureId}
                      selected={selected?.layerId === definition.id && selected.featureId === warning.featureId}
                      onOpen={() => onOpenFeature({ layerId: definition.id, featureId: warning.featureId })}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </section>
  );
}
