import { formatLayerMeasure } from '../../domain/formatMeasure';
import type { LayerDiff } from '../../domain/layerDiff';
import type { LayerDefinition } from '../../domain/manifest';
import type { PlanFeature } from '../../domain/planFeature';
import { useTranslation } from '../LocaleContext';
import { AddedFeatureList } from './AddedFeatureList';

function IdList({ ids }: { ids: string[] }) {
  return <span className="diff-ids">{ids.slice(0, 30).join(', ')}{ids.length > 30 ? ' …' : ''}</span>;
}

/** What saving the import would change, for review before the save. */
export function ImportDiff({ definition, diff, added }: { definition: LayerDefinition; diff: LayerDiff; added: readonly PlanFeature[] }) {
  const t = useTranslation();
  const delta = definition.unit === 'km' ? diff.totalLengthDeltaMeters : diff.totalAreaDeltaSquareMeters;
  const measureChange = `${delta >= 0 ? '+' : '−'}${formatLayerMeasure(definition.unit, Math.abs(diff.totalAreaDeltaSquareMeters), Math.abs(diff.totalLengthDeltaMeters), t.locale)}`;
  const statusLabel = (id: string) => {
    const status = definition.statuses.find((candidate) => candidate.id === id);
    return status ? t.text(status.label) : id;
  };
  return (
    <div className="import-diff">
      <h4>{t('reviewChanges')}</h4>
      <dl>
        <dt>{t('addedFeatures')}</dt><dd data-testid="diff-added">{diff.added.length} <IdList ids={diff.added} /></dd>
        <dt>{t('removedFeatures')}</dt><dd data-testid="diff-removed">{diff.removed.length} <IdList ids={diff.removed} /></dd>
        <dt>{t('changedFeatures')}</dt><dd data-testid="diff-changed">{diff.changed.length} <IdList ids={diff.changed.map((change) => change.id)} /></dd>
        <dt>{t('areaChange')}</dt><dd data-testid="diff-area">{measureChange}</dd>
      </dl>
      <AddedFeatureList definition={definition} features={added} />
      {diff.statusRegressions.length > 0 && (
        <>
          <h4>{t('statusRegressions')}</h4>
          <ul className="status-regressions">
            {diff.statusRegressions.map((regression) => <li key={regression.id}><code>{regression.id}</code> {statusLabel(regression.from)} → {statusLabel(regression.to)}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
