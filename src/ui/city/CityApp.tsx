import { useEffect, useState } from 'react';
import { fetchCityPage, type CityPageResult } from '../../data/city/fetchCityPage';
import { fillMessage } from '../fillMessage';
import { LocaleContext } from '../LocaleContext';
import { translate } from '../messages';
import { CityPresent } from './CityPresent';
import { CityTable } from './CityTable';
import { cityViewFromSearch, searchFromCityView, type CityView } from './cityUrl';

/** The city page of a city server (PLAN_MAP_CITY): its districts' targets side by side, or presented on a large screen. */
export function CityApp() {
  const [view, setView] = useState<CityView>(() => cityViewFromSearch(window.location.search));
  const [result, setResult] = useState<CityPageResult | null>(null);
  useEffect(() => window.history.replaceState(null, '', searchFromCityView(view)), [view]);
  useEffect(() => {
    const controller = new AbortController();
    void fetchCityPage(document.baseURI, view.asOfDate, controller.signal).then((answer) => {
      if (!controller.signal.aborted) setResult(answer);
    });
    return () => controller.abort();
  }, [view.asOfDate]);
  const page = result?.ok ? result.page : null;
  useEffect(() => {
    document.title = `${translate(view.locale, 'appTitle')}${page ? ` · ${page.name[view.locale]}` : ''}`;
  }, [page, view.locale]);
  const t = (key: Parameters<typeof translate>[1]) => translate(view.locale, key);

  return (
    <LocaleContext.Provider value={view.locale}>
      {result === null && <div className="splash" role="status">{t('loading')}</div>}
      {result && !result.ok && (
        <div className="splash splash-error" role="alert">
          <h1>{t('loadFailed')}</h1>
          <pre>{result.message}</pre>
        </div>
      )}
      {page && view.present && <CityPresent page={page} view={view} onView={setView} />}
      {page && !view.present && (
        <main className="city-page">
          <header className="city-header">
            <h1>{page.name[view.locale]} · {t('cityTargetsTitle')}</h1>
            <span className="city-date">{fillMessage(t('cityAsOf'), { date: page.targets.asOfDate })}</span>
            <button type="button" onClick={() => setView({ ...view, present: true })}>{t('present')}</button>
            <button type="button" onClick={() => setView({ ...view, locale: view.locale === 'zh' ? 'en' : 'zh' })}>{t('language')}</button>
          </header>
          <CityTable page={page} view={view} />
        </main>
      )}
    </LocaleContext.Provider>
  );
}
