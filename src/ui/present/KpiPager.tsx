import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

/** ◀ 第 1/2 组 ▶: the group of KPI tiles shown, with buttons beside a clicker's PageUp/PageDown (useKpiPage). */
export function KpiPager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const t = useTranslation();
  return (
    <div className="kpi-pager" data-testid="kpi-pager">
      <button type="button" aria-label={t('kpiPreviousPage')} onClick={() => onPage((page + pages - 1) % pages)}>◀</button>
      <span className="kpi-page-number">{fillMessage(t('kpiPageOf'), { page: String(page + 1), pages: String(pages) })}</span>
      <button type="button" aria-label={t('kpiNextPage')} onClick={() => onPage((page + 1) % pages)}>▶</button>
    </div>
  );
}
