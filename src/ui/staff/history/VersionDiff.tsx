import { useMemo } from 'react';
import { diffLayers, isEmptyDiff } from '../../../domain/layerDiff';
import type { LayerDefinition } from '../../../domain/manifest';
import type { PlanFeatureCollection } from '../../../domain/planFeature';
import { useTranslation } from '../../LocaleContext';
import { ImportDiff } from '../ImportDiff';

/** What restoring `kept` over `current` would change: the counts and deltas of the import review, with each changed project's labelled changes. */
export function VersionDiff({ definition, current, kept }: { definition: LayerDefinition; current: PlanFeatureCollection; kept: PlanFeatureCollection }) {
  const t = useTranslation();
  const diff = useMemo(() => diffLayers(definition, current, kept), [definition, current, kept]);
  const added = useMemo(() => {
    const ids = new Set(diff.added);
    return kept.features.filter((feature) => ids.has(feature.id));
  }, [diff, kept]);
  if (isEmptyDiff(diff)) return <p className="version-same">{t('versionSameAsCurrent')}</p>;
  return (
    <div className="version-diff">
      <h4>{t('restoreWouldChange')}</h4>
      <ImportDiff definition={definition} diff={diff} added={added} features={current.features} changesOpen />
    </div>
  );
}
