import { useContext, useEffect, useRef, type Dispatch, type RefObject } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { PlanMapController, type FeatureRef } from '../map/PlanMapController';
import type { BasemapOptions } from '../map/basemapStyle';
import type { ViewAction } from './viewReducer';
import type { ViewState } from './viewState';
import { tiandituKey } from './tiandituKey';
import { viewFilterOf } from './viewFilterOf';
import { useTranslation } from './LocaleContext';
import { ViewPreviewContext } from './ViewPreview';
import { exposeMapForTests } from './exposeMapForTests';
import type { PlanDeckState } from '../map/planDeckLayers';
import { warningMarkLayers, type WarningMark } from '../map/warningMarks';
import type { TiledLayers } from './useGeodata';

interface MapViewProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  /** Every layer has arrived; until then the map shows the basemap and a loading note. */
  layersLoaded: boolean;
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
  controllerRef: RefObject<PlanMapController | null>;
  asOfDate: string;
  theme?: 'light' | 'dark';
  /** Presentation screens enlarge the scale bar and zoom buttons (see PlanMapController). */
  controlScale?: number;
  /** Room left around the district when a link names no camera, measured once the map's container exists. */
  fitPadding?: (container: HTMLElement) => { top: number; bottom: number; left: number; right: number };
  highlighted?: readonly FeatureRef[];
  labelScale?: number;
  /** A link that names a feature but no camera flies to it once the map exists. */
  onInitialSelection: (feature: FeatureRef) => void;
  /** Sees each click first, with whether Shift was held; returning true keeps it from selecting. */
  onFeatureClick?: (feature: FeatureRef | null, shiftKey: boolean) => boolean;
  /** Shift+click picks features (editors): MapLibre's Shift+drag box zoom would swallow those clicks. */
  shiftSelects?: boolean;
  /** Per layer id, the projects 只看预警项目 shows (when view.lateOnly). */
  lateFeatures?: Readonly<Record<string, Uint8Array>>;
  /** Rings around late projects (监测预警). */
  warningMarks?: readonly WarningMark[];
  /** Layers drawn from the server's vector tiles instead of from `layers`. */
  tiled?: TiledLayers;
}

function basemapOptions(view: ViewState, theme: 'light' | 'dark', labelScale: number | undefined, vectorBasemap: Manifest['basemap'], controlLines: Manifest['controlLines']): BasemapOptions {
  return {
    controlLines: (controlLines ?? []).map((line) => ({
      id: line.id,
      name: line.name,
      color: line.color,
      style: line.style,
      url: new URL(`geodata/${line.id}.geojson`, document.baseURI).href,
      visible: !view.hiddenLayerIds.includes(line.id),
    })),
    ...(vectorBasemap ? { vectorTiles: { url: new URL(`geodata/${vectorBasemap.pmtiles}`, document.baseURI).href, schema: vectorBasemap.schema } } : {}),
    theme,
    labelScale: labelScale ?? 1,
    basemapUrl: new URL('geodata/basemap', document.baseURI).href,
    fontUrl: new URL('fonts', document.baseURI).href,
    basemap: view.basemap,
    tiandituKey: tiandituKey() ?? undefined,
  };
}

function sameMarks(left: readonly WarningMark[], right: readonly WarningMark[]): boolean {
  return left.length === right.length && left.every((mark, index) => {
    const other = right[index];
    return other !== undefined && mark.kind === other.kind && mark.position[0] === other.position[0] && mark.position[1] === other.position[1];
  });
}

export function MapView(props: MapViewProps) {
  const { manifest, layers, layersLoaded, view, dispatch, controllerRef, asOfDate, onInitialSelection, theme = 'light', controlScale, fitPadding, highlighted, labelScale, onFeatureClick, shiftSelects = false, lateFeatures, warningMarks, tiled } = props;
  const t = useTranslation();
  const containerRef = useRef<HTMLDivElement | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  const clickRef = useRef(onFeatureClick);
  clickRef.current = onFeatureClick;
  // The controller reports picks without the mouse event: the pointer-down tells whether Shift was held.
  const shiftRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const initial = viewRef.current;
    const initialView = { camera: initial.camera, bounds: manifest.district.bounds, controlScale, fitPadding: fitPadding?.(container) };
    const controller = new PlanMapController(container, initialView, basemapOptions(initial, theme, labelScale, manifest.basemap, manifest.controlLines), {
      onCameraChange: (next) => dispatch({ type: 'setCamera', camera: next }),
      onFeatureClick: (feature) => {
        if (clickRef.current?.(feature, shiftRef.current)) return;
        dispatch({ type: 'select', feature });
      },
    });
    controllerRef.current = controller;
    exposeMapForTests(controller.map);
    return () => {
      controllerRef.current = null;
      controller.destroy();
    };
    // The map is created once; later changes flow through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A link naming a feature but no camera flies to the feature once its layer has arrived.
  const initialSelectionDone = useRef(false);
  useEffect(() => {
    if (!layersLoaded || initialSelectionDone.current) return;
    initialSelectionDone.current = true;
    const initial = viewRef.current;
    if (initial.selected && !initial.camera) onInitialSelection(initial.selected);
  }, [layersLoaded, onInitialSelection]);

  const deckStateOf = (shown: ViewState): PlanDeckState => ({
    definitions: manifest.layers,
    layers,
    complete: layersLoaded,
    visibleLayerIds: new Set(manifest.layers.map((layer) => layer.id).filter((id) => !shown.hiddenLayerIds.includes(id))),
    filters: viewFilterOf(manifest.layers, shown.statusFilters, shown.streets, shown.lateOnly ? lateFeatures : undefined).layers,
    selected: shown.selected ?? undefined,
    highlighted,
    theme,
    asOfDate,
    compareAsOfDate: shown.compareDate ?? undefined,
    ...(tiled && tiled.ids.size > 0 ? { tiled } : {}),
  });
  const deckStateOfRef = useRef(deckStateOf);
  deckStateOfRef.current = deckStateOf;

  useEffect(() => {
    controllerRef.current?.setDeckState(deckStateOf(view));
    // deckStateOf reads exactly these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controllerRef, layers, layersLoaded, manifest, view.hiddenLayerIds, view.statusFilters, view.streets, view.selected, asOfDate, highlighted, theme, view.compareDate, view.lateOnly, lateFeatures, tiled]);

  // Marks are recomputed on every filter click: redraw only when they differ, or a click costs a second frame.
  const drawnMarks = useRef<{ marks: readonly WarningMark[]; scale: number | undefined }>({ marks: [], scale: controlScale });
  useEffect(() => {
    const marks = warningMarks ?? [];
    if (sameMarks(drawnMarks.current.marks, marks) && drawnMarks.current.scale === controlScale) return;
    drawnMarks.current = { marks, scale: controlScale };
    controllerRef.current?.setMarkLayers(warningMarkLayers(marks, controlScale));
  }, [controllerRef, warningMarks, controlScale]);

  // A filter click restyles the map at once; React renders the panels after, as a transition.
  const preview = useContext(ViewPreviewContext);
  useEffect(() => preview?.subscribe((next) => controllerRef.current?.setDeckState(deckStateOfRef.current(next))), [preview, controllerRef]);

  useEffect(() => {
    const boxZoom = controllerRef.current?.map.boxZoom;
    if (shiftSelects) boxZoom?.disable();
    else boxZoom?.enable();
  }, [controllerRef, shiftSelects]);

  useEffect(() => {
    controllerRef.current?.setBasemap(basemapOptions(view, theme, labelScale, manifest.basemap, manifest.controlLines));
  }, [controllerRef, view, theme, labelScale, manifest.basemap, manifest.controlLines]);

  useEffect(() => {
    controllerRef.current?.setChosenStreets(view.streets);
  }, [controllerRef, view.streets]);

  return (
    <>
      <div
        ref={containerRef}
        className="map"
        role="application"
        aria-label={manifest.district.name[view.locale]}
        onPointerDownCapture={(event) => { shiftRef.current = event.shiftKey; }}
      />
      {!layersLoaded && <div className="map-loading" role="status">{t('loadingLayers')}</div>}
    </>
  );
}
