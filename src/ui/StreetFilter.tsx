import type { Dispatch } from 'react';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';
import { useDismissablePopover } from './useDismissablePopover';

interface StreetFilterProps {
  streets: string[];
  chosen: string[];
  dispatch: Dispatch<ViewAction>;
  /** The sub-districts chosen after a change in this menu (the map flies to them). */
  onChange: (chosen: string[]) => void;
}

/** Sub-district (街道) multi-select; it narrows every layer, the map and every number. */
export function StreetFilter({ streets, chosen, dispatch, onChange }: StreetFilterProps) {
  const t = useTranslation();
  const popover = useDismissablePopover();
  const summary = chosen.length === 0 ? t('allStreets') : chosen.length === 1 ? chosen[0] : `${t('street')} · ${chosen.length}`;
  // No project names a sub-district yet (a district just set up by district init): no empty menu.
  if (streets.length === 0 && chosen.length === 0) return null;
  const toggle = (street: string) => {
    dispatch({ type: 'toggleStreet', street });
    onChange(chosen.includes(street) ? chosen.filter((candidate) => candidate !== street) : [...chosen, street]);
  };
  return (
    <details className="popover street-filter" ref={popover}>
      <summary className={chosen.length > 0 ? 'button-quiet is-active' : 'button-quiet'}>{summary}</summary>
      <div className="popover-body" role="group" aria-label={t('street')}>
        {streets.map((street) => (
          <label key={street} className="check-row">
            <input type="checkbox" checked={chosen.includes(street)} onChange={() => toggle(street)} />
            <span>{street}</span>
          </label>
        ))}
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={() => { dispatch({ type: 'clearStreets' }); onChange([]); }}>
            {t('clearFilter')}
          </button>
        )}
      </div>
    </details>
  );
}
