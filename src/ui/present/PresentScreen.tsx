import type { TiledLayers } from '../useGeodata';
import { useTiledLayerGroups } from '../useTiledLayerGroups';
import { useTiledLayerDays } from '../useTiledLayerDays';
import { useSeriesSources } from '../chart/useSeriesSources';
import { targetRankingFromGroups } from '../../domain/progress/targetRankingFromGroups';
import { formatCount } from '../../domain/format/formatMeasure';
import { kpiPages, pageOf } from './kpiPages';
import { kpiTilesPerPage, useKpiPage } from './useKpiPage';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Manifest } from '../../domain/plan/manifest';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import { districtStats } from '../../domain/progress/districtStats';
import { statusCodesAsOf } from '../../domain/progress/statusCodesAsOf';
import { targetRankingByStreet } from '../../domain/progress/targetRankingByStreet';
import type { PlanMapController } from '../../map/PlanMapController';
import type { ViewAction } from '../viewReducer';
import type { ViewState } from '../viewState';
import { useTranslation } from '../LocaleContext';
import { MapView } from '../MapView';
import { Timeline } from '../Timeline';
import { todayIsoDate } from '../../domain/dates/todayIsoDate';
import { viewFilterOf } from '../viewFilterOf';
import { KpiTile } from './KpiTile';
import { KpiPager } from './KpiPager';
import { StreetRanking } from './StreetRanking';
import { PresentTargetCharts } from '../chart/PresentTargetCharts';
import { toggleFullScreen } from './toggleFullScreen';
import { TourPlayer } from './TourPlayer';
import { exportMapImage } from '../exportMapImage';
import { CompareSwipe } from '../CompareSwipe';
import { useSceneCamera } from './useSceneCamera';
import { useStreetsCamera } from './useStreetsCamera';
import { COVERS_MAP_ATTRIBUTE, mapFreePadding, mercatorAspect } from './mapFreePadding';
import { filterScopeLabel } from '../filterScopeLabel';
import type { LoadedGeodata } from '../../data/fetchGeodata';
import { districtWarnings } from '../../domain/progress/districtWarnings';
import { PresentWarnings } from '../warnings/PresentWarnings';
import { warningMarksOf } from '../warnings/warningMarksOf';

interface PresentScreenProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  layersLoaded: boolean;
  tour: LoadedGeodata['tour'];
  /** Layers drawn from the server's vector tiles, counted by the database. */
  tiled: TiledLayers;
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
}

/**
 * The large-screen dashboard: the map full-bleed and dark, KPI tiles, a sub-district ranking and
 * the timeline, all sized from the screen (styles: present.css) and driven by clicks or keys.
 */
export function PresentScreen({ manifest, layers, layersLoaded, tour, tiled, view, dispatch }: PresentScreenProps) {
  const t = useTranslation();
  const controllerRef = useRef<PlanMapController | null>(null);
  const today = useMemo(todayIsoDate, []);
  const asOfDate = view.asOfDate ?? today;
  const warnings = useMemo(() => districtWarnings(layers, asOfDate), [layers, asOfDate]);
  const lateFeatures = view.lateOnly ? warnings.masks : undefined;
  const filter = useMemo(() => viewFilterOf(manifest.layers, view.statusFilters, view.streets, lateFeatures), [manifest, view.statusFilters, view.streets, lateFeatures]);
  const warningMarks = useMemo(() => warningMarksOf(layers, warnings, filter, view.hiddenLayerIds), [layers, warnings, filter, view.hiddenLayerIds]);
  const { groups: tiledGroups } = useTiledLayerGroups(tiled, asOfDate);
  const tiledDays = useTiledLayerDays(tiled);
  const seriesSources = useSeriesSources(manifest.layers, layers, tiled.ids, tiledDays);
  const stats = useMemo(() => districtStats(manifest, layers, filter, asOfDate, tiledGroups), [manifest, layers, filter, asOfDate, tiledGroups]);
  const [focusedLayerId, setFocusedLayerId] = useState(manifest.layers[0]?.id ?? '');
  const allLayerIds = useMemo(() => manifest.layers.map((layer) => layer.id), [manifest]);
  const scene = tour.tour && view.tourScene !== null ? tour.tour.scenes[view.tourScene] : undefined;
  const highlighted = useMemo(
    () => (scene?.highlight ?? []).map((ref) => ({ layerId: ref.layer, featureId: ref.id })),
    [scene],
  );

  // A scene brings its focus layer forward and flies the camera; a link to a scene shows it whole.
  useEffect(() => {
    if (scene?.focusLayer) setFocusedLayerId(scene.focusLayer);
  }, [scene]);
  useSceneCamera(scene, layers, manifest.district.bounds, controllerRef);
  useStreetsCamera(view.tourScene === null ? view.streets : null, manifest.district.bounds, controllerRef);
  // Before the first paint and before the map exists: a link to a scene must never show, even for
  // a moment, the layers and filters of no scene (nor make the map draw them).
  useLayoutEffect(() => {
    if (tour.tour && view.tourScene !== null) {
      const initial = tour.tour.scenes[view.tourScene];
      if (initial) dispatch({ type: 'showScene', index: view.tourScene, scene: initial, allLayerIds });
    }
    // Only on arrival: later scene changes come from the player.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const focused = stats.layers.find((summary) => summary.layerId === focusedLayerId) ?? stats.layers[0];
  const pages = useMemo(() => kpiPages(stats.layers.map((summary) => summary.layerId), kpiTilesPerPage()), [stats.layers]);
  const [page, setPage] = useKpiPage(pages.length, pageOf(pages, focused?.layerId ?? '', 0), view.tourScene !== null);
  const shownLayerIds = pages[page] ?? [];
  // Beside the chart, the sub-district ranking or the late projects: both at once would not be legible
  // from across a room. In the tour a scene decides; otherwise the 监测预警 button does.
  const [lateChosen, setLateChosen] = useState(false);
  const lateCount = warnings.overdue + warnings.dueSoon;
  const lateShown = view.tourScene === null ? lateChosen && lateCount > 0 : scene?.warnings !== undefined;
  // A tiled layer's projects are not on the page: no chart over time, and its ranking from the database's groups.
  const focusedGroups = focused ? tiledGroups.get(focused.layerId) : undefined;
  const focusedLayer = tiled.ids.has(focused?.layerId ?? '') ? undefined : layers.find((layer) => layer.definition.id === focused?.layerId);
  const primaryTarget = focused?.definition.targets[0];
  const ranking = useMemo(() => {
    if (focusedGroups && primaryTarget) return targetRankingFromGroups(primaryTarget, focusedGroups, { asOfDate, planStart: manifest.district.planStart });
    if (!focusedLayer || !primaryTarget) return [];
    // Each sub-district's share of the whole target, whatever the filters show.
    const codes = statusCodesAsOf(focusedLayer.columns, asOfDate);
    return targetRankingByStreet(primaryTarget, focusedLayer, { asOfDate, planStart: manifest.district.planStart, codes });
  }, [focusedLayer, focusedGroups, primaryTarget, asOfDate, manifest]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range') return;
      if (event.key === 'f' || event.key === 'F') toggleFullScreen(document.documentElement);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const chooseLayer = (layerId: string) => {
    const summary = stats.layers.find((candidate) => candidate.layerId === layerId);
    const counted = summary?.definition.targets[0]?.countedStatuses ?? summary?.definition.doneStatuses ?? [];
    const showingDone = sameSet(view.statusFilters[layerId] ?? [], counted);
    setFocusedLayerId(layerId);
    dispatch({ type: 'setStatuses', layerId, statuses: showingDone ? [] : counted });
  };

  return (
    <div className="present">
      <MapView
        layersLoaded={layersLoaded}
        manifest={manifest}
        layers={layers}
        view={view}
        dispatch={dispatch}
        controllerRef={controllerRef}
        asOfDate={asOfDate}
        theme="dark"
        controlScale={screenScale()}
        fitPadding={(container) => mapFreePadding(container, mercatorAspect(manifest.district.bounds))}
        highlighted={highlighted}
        lateFeatures={warnings.masks}
        warningMarks={warningMarks}
        tiled={tiled}
        labelScale={screenScale()}
        onInitialSelection={() => undefined}
      />
      <header className="present-header" {...COVERS_MAP}>
        <h1>{t.text(manifest.district.name)} · {t('planProgress')}</h1>
        <time className="present-date" dateTime={asOfDate} data-testid="present-date">{asOfDate}</time>
          {pages.length > 1 && <KpiPager page={page} pages={pages.length} onPage={setPage} />}
      </header>
      <nav className="present-actions" {...COVERS_MAP}>
        {tour.tour && view.tourScene === null && (
          <button type="button" className="tour-start" onClick={() => {
            const first = tour.tour?.scenes[0];
            if (first) dispatch({ type: 'showScene', index: 0, scene: first, allLayerIds });
          }}>{t('tour')}</button>
        )}
        {'problem' in tour && tour.problem && <span className="tour-problem" role="status" title={tour.problem}>{t('tourUnavailable')}</span>}
        {/* A picture of the screen as the room sees it; print sizes are on the browse screen's dialog. */}
        {view.tourScene === null && lateCount > 0 && (
          <button type="button" className="present-late-toggle" aria-pressed={lateChosen} onClick={() => setLateChosen((chosen) => !chosen)}>
            {t('warningsTitle')} {formatCount(lateCount, t.locale)}
          </button>
        )}
        <button type="button" className="export-image" onClick={() => controllerRef.current && exportMapImage(controllerRef.current, manifest, view, asOfDate)}>
          {t('exportImage')}
        </button>
        <button type="button" onClick={() => toggleFullScreen(document.documentElement)}>{t('fullScreen')} (F)</button>
        <button type="button" onClick={() => dispatch({ type: 'setMode', mode: 'browse' })}>{t('exitPresent')}</button>
      </nav>
      <section className="present-kpis" aria-label={t('planTargets')} {...COVERS_MAP}>
        {stats.layers.map((summary) => (
          <KpiTile
            key={summary.layerId}
            hidden={!shownLayerIds.includes(summary.layerId)}
            summary={summary}
            focused={summary.layerId === focused?.layerId}
            showingDone={sameSet(view.statusFilters[summary.layerId] ?? [], summary.definition.targets[0]?.countedStatuses ?? [])}
            filterScope={filterScopeLabel(t.locale, view.streets, view.statusFilters[summary.layerId] ?? [], view.lateOnly)}
            onChoose={() => chooseLayer(summary.layerId)}
          />
        ))}
      </section>
      <aside className="present-side" {...COVERS_MAP}>
        {focused && (
          <PresentTargetCharts summary={focused} source={seriesSources.get(focused.layerId)} planStart={manifest.district.planStart} today={today} asOfDate={asOfDate} dispatch={dispatch} />
        )}
        {!lateShown && focused && focused.targets[0] && (
          <StreetRanking
            definition={focused.definition}
            progress={focused.targets[0]}
            ranking={ranking}
            chosenStreets={view.streets}
            dispatch={dispatch}
          />
        )}
        {lateShown && <PresentWarnings manifest={manifest} layers={layers} warnings={warnings} />}
      </aside>
      {view.compareDate && (
        <CompareSwipe
          controllerRef={controllerRef}
          compareDate={view.compareDate}
          asOfDate={asOfDate}
          planStart={manifest.district.planStart}
          today={today}
          dispatch={dispatch}
        />
      )}
      {tour.tour && view.tourScene !== null && (
        <TourPlayer tour={tour.tour} sceneIndex={view.tourScene} kiosk={view.kiosk} allLayerIds={allLayerIds} dispatch={dispatch} />
      )}
      <footer className="present-footer" {...COVERS_MAP}>
        <Timeline
          planStart={manifest.district.planStart}
          today={today}
          asOfDate={view.asOfDate}
          dispatch={dispatch}
          variant="large"
          comparing={view.compareDate !== null}
        />
      </footer>
    </div>
  );
}

/** Panels that float over the map; the scene camera keeps out from under them. */
const COVERS_MAP = { [COVERS_MAP_ATTRIBUTE]: '' };

/** The basemap's smallest label size, in CSS pixels (basemapStyle: road and place labels). */
const SMALLEST_LABEL_PIXELS = 12;

/**
 * Map labels, the scale bar and the zoom buttons sized for the room like the panels' text: the
 * smallest label reads at present.css's --text-min, 1.1 --u (one --u is a hundredth of the
 * screen's width, limited by its height), 21 px at 1080p.
 */
function screenScale(): number {
  const unit = Math.min(window.innerWidth / 100, (window.innerHeight * 1.7778) / 100);
  return Math.max(1, (1.1 * unit) / SMALLEST_LABEL_PIXELS);
}

function sameSet(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item) => right.includes(item));
}
