import { featureChangeRows } from '../../domain/changes/featureChangeRows';
import type { LayerDiff } from '../../domain/changes/layerDiff';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';
import { ChangeRowList } from './ChangeRowList';

/** What one side did to a feature, in the layer's labels: added, deleted, or its changes before → after. */
export function DiffSummary({ definition, diff }: { definition: LayerDefinition; diff: LayerDiff }) {
  const t = useTranslation();
  return (
    <div className="diff-summary">
      {diff.removed.map((id) => <p key={`removed-${id}`} className="diff-removed-mark">{t('deletedMark')}</p>)}
      {diff.added.map((id) => <p key={`added-${id}`} className="diff-added-mark">{t('addedMark')}</p>)}
      {diff.changed.map((change) => <ChangeRowList key={change.id} rows={featureChangeRows(definition, change)} />)}
    </div>
  );
}
