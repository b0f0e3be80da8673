import { useEffect, useMemo, useState } from 'react';
import type { CityPage } from '../../domain/city/cityPage';
import { useTranslation } from '../LocaleContext';
import { kpiPages, pageOf } from '../present/kpiPages';
import { KpiPager } from '../present/KpiPager';
import { toggleFullScreen } from '../present/toggleFullScreen';
import { kpiTilesPerPage, useKpiPage } from '../present/useKpiPage';
import { CityKpiTile } from './CityKpiTile';
import { DistrictRankingPanel } from './DistrictRankingPanel';
import type { CityView } from './cityUrl';

/**
 * The city on a large screen: a KPI tile per comparable target summed over the districts, in groups
 * a clicker pages through (PageDown/PageUp, as in a district's present mode), and the districts
 * ranked on the chosen target (← → or a click choose it). Sized by present.css's screen unit.
 */
export function CityPresent({ page, view, onView }: { page: CityPage; view: CityView; onView: (view: CityView) => void }) {
  const t = useTranslation();
  const { rows } = page.targets;
  const [focusedKey, setFocusedKey] = useState(rows[0]?.key ?? '');
  const pages = useMemo(() => kpiPages(rows.map((row) => row.key), kpiTilesPerPage()), [rows]);
  const [shownPage, setPage] = useKpiPage(pages.length, pageOf(pages, focusedKey, 0), false);
  const shown = useMemo(() => pages[shownPage] ?? [], [pages, shownPage]);
  // Paging on from a clicker brings the ranking along: it follows the first target of the group shown.
  // Only a new group moves the focus; a focus moved onto another group brings that group instead.
  useEffect(() => {
    setFocusedKey((current) => (shown.includes(current) ? current : (shown[0] ?? current)));
  }, [shown]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'f' || event.key === 'F') toggleFullScreen(document.documentElement);
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      const index = rows.findIndex((row) => row.key === focusedKey);
      const next = rows[(index + (event.key === 'ArrowRight' ? 1 : rows.length - 1)) % rows.length];
      if (next) setFocusedKey(next.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, focusedKey]);
  const focused = rows.find((row) => row.key === focusedKey) ?? rows[0];

  return (
    <div className="present city-present">
      <header className="present-header">
        <h1>{t.text(page.name)} · {t('planProgress')}</h1>
        <time className="present-date" dateTime={page.targets.asOfDate} data-testid="present-date">{page.targets.asOfDate}</time>
        {pages.length > 1 && <KpiPager page={shownPage} pages={pages.length} onPage={setPage} />}
      </header>
      <nav className="present-actions">
        <span className="city-keys">{t('cityPresentKeys')}</span>
        <button type="button" onClick={() => onView({ ...view, locale: view.locale === 'zh' ? 'en' : 'zh' })}>{t('language')}</button>
        <button type="button" onClick={() => toggleFullScreen(document.documentElement)}>{t('fullScreen')} (F)</button>
        <button type="button" onClick={() => onView({ ...view, present: false })}>{t('exitPresent')}</button>
      </nav>
      <section className="present-kpis" aria-label={t('planTargets')}>
        {rows.map((row) => (
          <CityKpiTile key={row.key} row={row} districtCount={page.districts.length} focused={row.key === focused?.key} hidden={!shown.includes(row.key)} onChoose={() => setFocusedKey(row.key)} />
        ))}
      </section>
      <aside className="present-side">{focused && <DistrictRankingPanel page={page} row={focused} view={view} />}</aside>
    </div>
  );
}
