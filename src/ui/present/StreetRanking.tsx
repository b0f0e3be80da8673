import type { Dispatch } from 'react';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { StreetContribution } from '../../domain/progress/targetRankingByStreet';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import { formatMetric } from '../../domain/format/formatMeasure';
import type { ViewAction } from '../viewReducer';
import { useTranslation } from '../LocaleContext';
import { isShareMetric } from '../../domain/plan/targetMetrics';

interface StreetRankingProps {
  definition: LayerDefinition;
  progress: TargetProgress;
  ranking: StreetContribution[];
  chosenStreets: string[];
  dispatch: Dispatch<ViewAction>;
}

/**
 * Sub-districts ranked by their contribution to a target; each bar filters the map to its
 * sub-district. Contributions to a share do not add up to it: for a share each sub-district is
 * ranked by its own share (targetRankingByStreet counts it over its own projects), on a 0–100 % bar.
 */
export function StreetRanking({ definition, progress, ranking, chosenStreets, dispatch }: StreetRankingProps) {
  const t = useTranslation();
  const isShare = isShareMetric(progress.metric);
  const largest = isShare ? 100 : Math.max(...ranking.map((entry) => entry.actual), 0);
  return (
    <section className="street-ranking" aria-label={t('streetRanking')}>
      <h2>{t('streetRanking')}</h2>
      <p className="ranking-target">{t.text(definition.name)} · {t.text(progress.label)}{isShare && <> · {t('streetRankingShare')}</>}</p>
      <ol>
        {ranking.map((entry) => {
          const chosen = chosenStreets.includes(entry.street);
          return (
            <li key={entry.street}>
              <button
                type="button"
                className={`ranking-row${chosen ? ' is-chosen' : ''}`}
                aria-pressed={chosen}
                data-street={entry.street}
                onClick={() => dispatch({ type: 'toggleStreet', street: entry.street })}
              >
                <span className="ranking-name">{entry.street || '—'}</span>
                <span className="ranking-bar">
                  <span style={{ width: `${largest > 0 ? (100 * entry.actual) / largest : 0}%`, background: definition.color }} />
                </span>
                <span className="ranking-value">{formatMetric(progress, entry.actual, t.locale)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
