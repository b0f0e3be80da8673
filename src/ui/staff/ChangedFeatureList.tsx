import { useState } from 'react';
import { featureChangeRows } from '../../domain/changes/featureChangeRows';
import { formatCount } from '../../domain/format/formatMeasure';
import type { FeatureChange } from '../../domain/changes/layerDiff';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { ChangeRowList } from './ChangeRowList';

/** Enough to review at a glance; "more" adds as many again, so a file of thousands never renders at once. */
const PAGE_SIZE = 20;

/**
 * Each changed feature with its name, its id and its labelled changes, folded away by default so
 * the counts above stay in view (unless `open`); `names` gives the names of features whose name did not change.
 */
export function ChangedFeatureList({ definition, changes, names, open = false }: { definition: LayerDefinition; changes: readonly FeatureChange[]; names?: ReadonlyMap<string, string>; open?: boolean }) {
  const t = useTranslation();
  const [shown, setShown] = useState(PAGE_SIZE);
  if (changes.length === 0) return null;
  const hidden = changes.length - shown;
  return (
    <details className="changed-features" data-testid="diff-changed-list" open={open}>
      <summary>{t('changeDetails')} ({formatCount(changes.length, t.locale)})</summary>
      <ul>
        {changes.slice(0, shown).map((change) => {
          const rows = featureChangeRows(definition, change);
          const renamed = rows.find((row) => row.kind === 'value' && row.key === 'name');
          const name = renamed?.kind === 'value' ? t.text(renamed.after) : names?.get(change.id) ?? '';
          return (
            <li key={change.id} className="changed-feature" data-feature-id={change.id}>
              <span className="changed-feature-name">{name} <code>{change.id}</code></span>
              <ChangeRowList rows={rows} />
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <button type="button" className="show-more-changes" onClick={() => setShown((count) => count + PAGE_SIZE)}>
          {fillMessage(t('showMoreChanges'), { count: formatCount(Math.min(hidden, PAGE_SIZE), t.locale) })}
        </button>
      )}
    </details>
  );
}
