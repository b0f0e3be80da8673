import { useState, type Dispatch, type ReactNode } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { FeatureRef } from '../map/PlanMapController';
import type { ViewAction } from './viewReducer';
import type { ViewState } from './viewState';
import { useTranslation } from './LocaleContext';
import { SearchBox } from './SearchBox';
import { StreetFilter } from './StreetFilter';
import { BasemapSwitch } from './BasemapSwitch';
import { cityPageHref } from './city/cityUrl';

interface TopBarProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
  streets: string[];
  onOpenFeature: (feature: FeatureRef) => void;
  /** Layers too large for the page, searched on the server. */
  tiledLayerIds?: ReadonlySet<string>;
  /** The sub-districts chosen in the menu, after a change there. */
  onStreetsChosen: (streets: string[]) => void;
  /** The map image export button (PNG at screen or print size), for every user. */
  imageExport?: ReactNode;
  /** Sign-in and the signed-in user, from the staff editing store. */
  staffControls?: ReactNode;
  /** The data export button (GeoJSON, Gauss-Krüger, CSV), for every user. */
  dataExport?: ReactNode;
}

export function TopBar({ manifest, layers, view, dispatch, streets, onOpenFeature, tiledLayerIds, onStreetsChosen, imageExport, staffControls, dataExport }: TopBarProps) {
  const t = useTranslation();
  const [copied, setCopied] = useState(false);
  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(() => {
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    });
  };
  const cityHref = cityPageHref(window.location.pathname, t.locale);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1>{t('appTitle')}</h1>
        <span className="brand-district">{t.text(manifest.district.name)}</span>
        <span className="brand-period">{manifest.district.planStart.slice(0, 4)}–{manifest.district.planEnd.slice(0, 4)}</span>
        {cityHref && <a className="brand-city" href={cityHref}>{t('cityPageLink')}</a>}
      </div>
      <SearchBox layers={layers} onOpenFeature={onOpenFeature} tiledLayerIds={tiledLayerIds} />
      <div className="top-actions">
        <StreetFilter streets={streets} chosen={view.streets} dispatch={dispatch} onChange={onStreetsChosen} />
        <BasemapSwitch basemap={view.basemap} dispatch={dispatch} />
        <button type="button" className="button-quiet present-button" onClick={() => dispatch({ type: 'setMode', mode: 'present' })}>
          {t('present')}
        </button>
        {imageExport}
        {dataExport}
        <button type="button" className="button-quiet" onClick={copyLink}>
          {copied ? t('linkCopied') : t('copyLink')}
        </button>
        <button
          type="button"
          className="button-quiet locale-switch"
          lang={view.locale === 'zh' ? 'en' : 'zh-CN'}
          aria-label={t('languageSwitchLabel')}
          onClick={() => dispatch({ type: 'setLocale', locale: view.locale === 'zh' ? 'en' : 'zh' })}
        >
          {t('language')}
        </button>
        {staffControls}
      </div>
    </header>
  );
}
