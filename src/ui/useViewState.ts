import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ViewPreview } from './ViewPreview';
import { searchFromViewState, viewStateFromSearch } from './urlViewState';
import { viewReducer, type ViewAction } from './viewReducer';

/**
 * Filter changes re-render every panel and restyle the map: as transitions they leave the click
 * (or key press) that asked for them at once, and React renders them in slices that yield to input.
 * Not for checkboxes: a controlled checkbox would snap back until the transition commits.
 */
const TRANSITION_ACTIONS: ReadonlySet<ViewAction['type']> = new Set<ViewAction['type']>([
  'toggleStatus', 'clearStatuses', 'clearAllFilters', 'clearStreets',
]);

/** View state seeded from the URL and written back to it, so a link or a reload reopens the same view. */
export function useViewState() {
  const [view, dispatchNow] = useReducer(viewReducer, window.location.search, viewStateFromSearch);
  const [preview] = useState(() => new ViewPreview());
  // The latest state including transitions not yet rendered, so quick clicks build on each other.
  const latest = useRef(view);
  latest.current = view;
  const dispatch = useCallback((action: ViewAction) => {
    if (!TRANSITION_ACTIONS.has(action.type)) {
      dispatchNow(action);
      return;
    }
    latest.current = viewReducer(latest.current, action);
    preview.announce(latest.current);
    startTransition(() => dispatchNow(action));
  }, [preview]);
  useEffect(() => {
    const search = searchFromViewState(view);
    if (search !== window.location.search) {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
    document.documentElement.lang = view.locale === 'zh' ? 'zh-CN' : 'en';
  }, [view]);
  return [view, dispatch, preview] as const;
}
