import { useEffect } from 'react';
import { LocaleContext } from './LocaleContext';
import { useGeodata } from './useGeodata';
import { useViewState } from './useViewState';
import { ViewPreviewContext } from './ViewPreview';
import { translate } from './messages';
import { PlanMapScreen } from './PlanMapScreen';
import { PresentScreen } from './present/PresentScreen';

export function App() {
  const [view, dispatch, preview] = useViewState();
  const geodata = useGeodata();
  const district = geodata.status === 'ready' ? geodata.manifest.district.name[view.locale] : '';
  useEffect(() => {
    document.title = `${translate(view.locale, 'appTitle')}${district ? ` · ${district}` : ''}`;
  }, [district, view.locale]);

  return (
    <ViewPreviewContext.Provider value={preview}>
    <LocaleContext.Provider value={view.locale}>
      {geodata.status === 'loading' && (
        <div className="splash" role="status">{translate(view.locale, 'loading')}</div>
      )}
      {geodata.status === 'error' && (
        <div className="splash splash-error" role="alert">
          <h1>{translate(view.locale, 'loadFailed')}</h1>
          <pre>{geodata.message}</pre>
        </div>
      )}
      {geodata.status === 'ready' && view.mode === 'browse' && (
        <PlanMapScreen manifest={geodata.manifest} layers={geodata.layers} layersLoaded={geodata.layersLoaded} layerVersions={geodata.layerVersions} tiled={geodata.tiled} view={view} dispatch={dispatch} />
      )}
      {geodata.status === 'ready' && view.mode === 'present' && (
        <PresentScreen manifest={geodata.manifest} layers={geodata.layers} layersLoaded={geodata.layersLoaded} tour={geodata.tour} tiled={geodata.tiled} view={view} dispatch={dispatch} />
      )}
    </LocaleContext.Provider>
    </ViewPreviewContext.Provider>
  );
}
