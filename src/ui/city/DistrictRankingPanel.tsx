import type { CityTargetRow } from '../../domain/city/cityTargets';
import type { CityPage } from '../../domain/city/cityPage';
import { districtRanking } from '../../domain/city/districtRanking';
import { formatMetric, formatPercent } from '../../domain/format/formatMeasure';
import { isShareMetric } from '../../domain/plan/targetMetrics';
import { useTranslation } from '../LocaleContext';
import { districtHref, type CityView } from './cityUrl';

/**
 * The districts ranked on the chosen target by their progress toward their own target, each bar a
 * link to that district's present mode; styled as the sub-district ranking (present.css).
 */
export function DistrictRankingPanel({ page, row, view }: { page: CityPage; row: CityTargetRow; view: CityView }) {
  const t = useTranslation();
  const ranking = districtRanking(page.targets, row);
  const paths = new Map(page.districts.map((district) => [district.id, district.path]));
  const largest = Math.max(100, ...ranking.map((rank) => rank.progress.percent));
  return (
    <section className="street-ranking district-ranking" aria-label={t('cityRanking')}>
      <h2>{t('cityRanking')}</h2>
      <p className="ranking-target">{t.text(row.layerName)} · {t.text(row.city.label)} · {t(isShareMetric(row.city.metric) ? 'cityRankingShare' : 'cityRankingBasis')}</p>
      <ol>
        {ranking.map((rank) => (
          <li key={rank.districtId}>
            <a className="ranking-row" data-district-id={rank.districtId} href={districtHref(paths.get(rank.districtId) ?? '', view)}>
              <span className="ranking-name">{t.text(rank.name)}</span>
              <span className="ranking-bar"><span style={{ width: `${(100 * Math.max(0, rank.progress.percent)) / largest}%`, background: row.color }} /></span>
              <span className="ranking-value" data-testid="ranking-value">
                {formatPercent(rank.progress.percent, t.locale)} · {formatMetric(rank.progress, rank.progress.actual, t.locale)}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
