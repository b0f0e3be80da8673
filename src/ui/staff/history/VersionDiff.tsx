import { useMemo } from 'react';
import { diffLayers, isEmptyDiff, type FeatureChange, type LayerDiff } from '../../../domain/layerDiff';
import type { LayerDefinition } from '../../../domain/manifest';
import type { PlanFeatureCollection } from '../../../domain/planFeature';
import { formatCount } from '../../../domain/formatMeasure';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';
import { DiffSummary } from '../DiffSummary';
import { ImportDiff } from '../ImportDiff';

/** Enough to see what a version was about; the counts above give the whole size. */
const LISTED_CHANGES = 20;

function changeOnly(change: FeatureChange): LayerDiff {
  // The status line says what the appended history entry says; the whole history array would bury it.
  const statusChanged = change.attributes.some((attribute) => attribute.key === 'status');
  const attributes = statusChanged ? change.attributes.filter((attribute) => attribute.key !== 'history') : change.attributes;
  return { added: [], removed: [], changed: [{ ...change, attributes }], areaDeltaSquareMetersById: {}, totalAreaDeltaSquareMeters: 0, totalLengthDeltaMeters: 0, statusRegressions: [] };
}

/** What restoring `kept` over `current` would change: the counts and deltas of the import review, then each changed project. */
export function VersionDiff({ definition, current, kept }: { definition: LayerDefinition; current: PlanFeatureCollection; kept: PlanFeatureCollection }) {
  const t = useTranslation();
  const diff = useMemo(() => diffLayers(definition, current, kept), [definition, current, kept]);
  const names = useMemo(() => new Map([...current.features, ...kept.features].map((feature) => [feature.id, feature.properties.name])), [current, kept]);
  const added = useMemo(() => {
    const ids = new Set(diff.added);
    return kept.features.filter((feature) => ids.has(feature.id));
  }, [diff, kept]);
  if (isEmptyDiff(diff)) return <p className="version-same">{t('versionSameAsCurrent')}</p>;
  const listed = diff.changed.slice(0, LISTED_CHANGES);
  const unlisted = diff.changed.length - listed.length;
  return (
    <div className="version-diff">
      <h4>{t('restoreWouldChange')}</h4>
      <ImportDiff definition={definition} diff={diff} added={added} />
      <ul className="version-feature-changes">
        {listed.map((change) => (
          <li key={change.id} data-feature-id={change.id}>
            <span>{names.get(change.id) ?? ''} <code>{change.id}</code></span>
            <DiffSummary diff={changeOnly(change)} />
          </li>
        ))}
      </ul>
      {unlisted > 0 && <p className="muted">{fillMessage(t('moreFeatureChanges'), { count: formatCount(unlisted, t.locale) })}</p>}
    </div>
  );
}
