import { useMemo } from 'react';
import { formatMeasureDelta } from '../../domain/format/formatMeasureDelta';
import type { LayerDiff } from '../../domain/changes/layerDiff';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';
import { useTranslation } from '../LocaleContext';
import { AddedFeatureList } from './AddedFeatureList';
import { ChangedFeatureList } from './ChangedFeatureList';

function IdList({ ids }: { ids: string[] }) {
  return <span className="diff-ids">{ids.slice(0, 30).join(', ')}{ids.length > 30 ? ' …' : ''}</span>;
}

/**
 * What saving the import would change, for review before the save: counts, the measure change,
 * each changed project's labelled changes and the statuses that went backwards. `features`
 * (either side) names the changed projects; without it they are listed by id.
 */
export function ImportDiff({ definition, diff, added, features, changesOpen = false }: {
  definition: LayerDefinition;
  diff: LayerDiff;
  added: readonly PlanFeature[];
  features?: readonly PlanFeature[];
  changesOpen?: boolean;
}) {
  const t = useTranslation();
  const names = useMemo(() => new Map((features ?? []).map((feature) => [feature.id, feature.properties.name])), [features]);
  const measureChange = formatMeasureDelta(definition.unit, diff.totalAreaDeltaSquareMeters, diff.totalLengthDeltaMeters, t.locale);
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
        {measureChange !== '' && <><dt>{t('areaChange')}</dt><dd data-testid="diff-area">{measureChange}</dd></>}
      </dl>
      <AddedFeatureList definition={definition} features={added} />
      <ChangedFeatureList definition={definition} changes={diff.changed} names={names} open={changesOpen} />
      {diff.statusRegressions.length > 0 && (
        <>
          <h4>{t('statusRegressions')}</h4>
          <ul className="status-regressions">
            {diff.statusRegressions.map((regression) => <li key={regression.id}><code>{regression.id}</code> {names.get(regression.id) ?? ''} {statusLabel(regression.from)} → {statusLabel(regression.to)}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
