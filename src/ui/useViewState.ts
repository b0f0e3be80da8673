import { useEffect, useReducer } from 'react';
import { searchFromViewState, viewStateFromSearch } from './urlViewState';
import { viewReducer } from './viewReducer';

/** View state seeded from the URL and written back to it, so a link or a reload reopens the same view. */
export function useViewState() {
  const [view, dispatch] = useReducer(viewReducer, window.location.search, viewStateFromSearch);
  useEffect(() => {
    const search = searchFromViewState(view);
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
    document.documentElement.lang = view.locale === 'zh' ? 'zh-CN' : 'en';
  }, [view]);
  return [view, dispatch] as const;
}
