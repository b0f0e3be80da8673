import { useMemo } from 'react';
import { formatCount } from '../../../domain/format/formatMeasure';
import { formatMeasureDelta } from '../../../domain/format/formatMeasureDelta';
import { diffLayers, isEmptyDiff } from '../../../domain/changes/layerDiff';
import type { LayerDefinition } from '../../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../../domain/plan/planFeature';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';
import { AddedFeatureList } from '../AddedFeatureList';
import { ChangedFeatureList } from '../ChangedFeatureList';

interface VersionChangesProps {
  definition: LayerDefinition;
  /** What the labelled change starts from, and where it ends. */
  before: PlanFeatureCollection;
  after: PlanFeatureCollection;
  title: string;
  /** Said instead of the lists when nothing differs. */
  sameText: string;
  className: string;
}

/** One labelled comparison of two versions of a layer: its counts and measure change, then each project added, removed and changed. */
export function VersionChanges({ definition, before, after, title, sameText, className }: VersionChangesProps) {
  const t = useTranslation();
  const diff = useMemo(() => diffLayers(definition, before, after), [definition, before, after]);
  const added = useMemo(() => {
    const ids = new Set(diff.added);
    return after.features.filter((feature) => ids.has(feature.id));
  }, [after, diff]);
  const names = useMemo(() => new Map(Object.entries(diff.namesById)), [diff]);
  if (isEmptyDiff(diff)) {
    return (
      <div className={className}>
        <h4>{title}</h4>
        <p className="version-same">{sameText}</p>
      </div>
    );
  }
  const counts = fillMessage(t('versionCounts'), { added: formatCount(diff.added.length, t.locale), removed: formatCount(diff.removed.length, t.locale), changed: formatCount(diff.changed.length, t.locale) });
  const delta = formatMeasureDelta(definition.unit, diff.totalAreaDeltaSquareMeters, diff.totalLengthDeltaMeters, t.locale);
  const regressions = diff.statusRegressions.length > 0 ? ` · ${fillMessage(t('versionRegressions'), { count: formatCount(diff.statusRegressions.length, t.locale) })}` : '';
  return (
    <div className={className}>
      <h4>{title}</h4>
      <p className="version-change-counts">{delta === '' ? counts : `${counts} · ${fillMessage(t('versionMeasureDelta'), { delta })}`}{regressions}</p>
      <AddedFeatureList definition={definition} features={added} />
      {diff.removed.length > 0 && (
        <ul className="removed-features" aria-label={t('removedFeatures')}>
          {diff.removed.map((id) => <li key={id} data-feature-id={id}>{t('deletedMark')} {names.get(id) ?? ''} <code>{id}</code></li>)}
        </ul>
      )}
      <ChangedFeatureList definition={definition} changes={diff.changed} names={names} open />
    </div>
  );
}
