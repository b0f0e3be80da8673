import { useEffect, useState } from 'react';

/** Two rows of tiles: three columns, four on ultra-wide walls (present.css). */
const ULTRA_WIDE = '(min-aspect-ratio: 21/9)';

export function kpiTilesPerPage(): number {
  return typeof window !== 'undefined' && window.matchMedia(ULTRA_WIDE).matches ? 8 : 6;
}

/**
 * The KPI page shown: the page of the focused layer whenever the focus moves (a click, a tour
 * scene), and PageDown/PageUp from a clicker page through them while no tour is running.
 */
export function useKpiPage(pageCount: number, focusedPage: number, tourRunning: boolean): [number, (page: number) => void] {
  const [page, setPage] = useState(focusedPage);
  useEffect(() => setPage(focusedPage), [focusedPage]);
  const shown = Math.min(page, pageCount - 1);
  useEffect(() => {
    if (tourRunning || pageCount < 2) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
      const target = event.target as HTMLElement | null;
      if (target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA') return;
      event.preventDefault();
      setPage((current) => (Math.min(current, pageCount - 1) + (event.key === 'PageDown' ? 1 : pageCount - 1)) % pageCount);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pageCount, tourRunning]);
  return [shown, setPage];
}
