import { useState, type Dispatch } from 'react';
import type { BasemapId } from '../map/basemapStyle';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';
import type { MessageKey } from './messages';
import { saveTiandituKey, tiandituKey } from './tiandituKey';
import { useDismissablePopover } from './useDismissablePopover';

interface BasemapSwitchProps {
  basemap: BasemapId;
  dispatch: Dispatch<ViewAction>;
}

const CHOICES: { id: BasemapId; label: MessageKey }[] = [
  { id: 'offline', label: 'basemapOffline' },
  { id: 'osm', label: 'basemapOsm' },
  { id: 'tianditu', label: 'basemapTianditu' },
];

/** Offline by default; online basemaps are opt-in. Tianditu needs a key, asked for once. */
export function BasemapSwitch({ basemap, dispatch }: BasemapSwitchProps) {
  const t = useTranslation();
  const [keyDraft, setKeyDraft] = useState(tiandituKey() ?? '');
  const needsKey = basemap === 'tianditu' && !tiandituKey();
  const popover = useDismissablePopover();
  return (
    <details className="popover basemap-switch" ref={popover}>
      <summary className="button-quiet">{t('basemap')}</summary>
      <div className="popover-body" role="radiogroup" aria-label={t('basemap')}>
        {CHOICES.map((choice) => (
          <label key={choice.id} className="check-row">
            <input
              type="radio"
              name="basemap"
              checked={basemap === choice.id}
              onChange={() => dispatch({ type: 'setBasemap', basemap: choice.id })}
            />
            <span>{t(choice.label)}</span>
          </label>
        ))}
        {basemap === 'tianditu' && (
          <form
            className="key-form"
            onSubmit={(event) => {
              event.preventDefault();
              saveTiandituKey(keyDraft);
              // A new state object re-runs the map's basemap effect, which now reads the saved key.
              dispatch({ type: 'setBasemap', basemap: 'tianditu' });
            }}
          >
            <label>
              <span>{t('tiandituKeyPrompt')}</span>
              <input value={keyDraft} onChange={(event) => setKeyDraft(event.target.value)} aria-invalid={needsKey} />
            </label>
            <button type="submit" className="button-quiet">OK</button>
          </form>
        )}
      </div>
    </details>
  );
}
