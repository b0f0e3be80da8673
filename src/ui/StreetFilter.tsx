import type { Dispatch } from 'react';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';

interface StreetFilterProps {
  streets: string[];
  chosen: string[];
  dispatch: Dispatch<ViewAction>;
}

/** Sub-district (街道) multi-select; it narrows every layer, the map and every number. */
export function StreetFilter({ streets, chosen, dispatch }: StreetFilterProps) {
  const t = useTranslation();
  const summary = chosen.length === 0 ? t('allStreets') : chosen.length === 1 ? chosen[0] : `${t('street')} · ${chosen.length}`;
  return (
    <details className="popover street-filter">
      <summary className={chosen.length > 0 ? 'button-quiet is-active' : 'button-quiet'}>{summary}</summary>
      <div className="popover-body" role="group" aria-label={t('street')}>
        {streets.map((street) => (
          <label key={street} className="check-row">
            <input
              type="checkbox"
              checked={chosen.includes(street)}
              onChange={() => dispatch({ type: 'toggleStreet', street })}
            />
            <span>{street}</span>
          </label>
        ))}
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={() => dispatch({ type: 'clearStreets' })}>
            {t('clearFilter')}
          </button>
        )}
      </div>
    </details>
  );
}
