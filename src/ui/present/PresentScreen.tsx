import { useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Manifest } from '../../domain/manifest';
import type { MeasuredLayer } from '../../domain/measuredLayer';
import { districtStats } from '../../domain/districtStats';
import { filterMask } from '../../domain/featureFilter';
import { statusCodesAsOf } from '../../domain/statusCodesAsOf';
import { targetRankingByStreet } from '../../domain/targetRankingByStreet';
import type { PlanMapController } from '../../map/PlanMapController';
import type { ViewAction } from '../viewReducer';
import type { ViewState } from '../viewState';
import { useTranslation } from '../LocaleContext';
import { MapView } from '../MapView';
import { Timeline } from '../Timeline';
import { todayIsoDate } from '../todayIsoDate';
import { viewFilterOf } from '../viewFilterOf';
import { KpiTile } from './KpiTile';
import { StreetRanking } from './StreetRanking';
import { toggleFullScreen } from './toggleFullScreen';
import { TourPlayer } from './TourPlayer';
import { exportMapImage } from '../exportMapImage';
import { CompareSwipe } from '../CompareSwipe';
import { sceneCameraTarget } from './sceneCameraTarget';
import type { LoadedGeodata } from '../../data/fetchGeodata';

interface PresentScreenProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  layersLoaded: boolean;
  tour: LoadedGeodata['tour'];
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
}

/** About 4 megapixels keeps software and integrated GPUs smooth on 4K walls. */
const MAX_CANVAS_PIXELS = 4_200_000;

/**
 * The large-screen dashboard: the map full-bleed and dark, KPI tiles, a sub-district ranking and
 * the timeline, all sized from the screen (styles: present.css) and driven by clicks or keys.
 */
export function PresentScreen({ manifest, layers, layersLoaded, tour, view, dispatch }: PresentScreenProps) {
  const t = useTranslation();
  const controllerRef = useRef<PlanMapController | null>(null);
  const today = useMemo(todayIsoDate, []);
  const asOfDate = view.asOfDate ?? today;
  const filter = useMemo(() => viewFilterOf(manifest.layers, view.statusFilters, view.streets), [manifest, view.statusFilters, view.streets]);
  const stats = useMemo(() => districtStats(manifest, layers, filter, asOfDate), [manifest, layers, filter, asOfDate]);
  const [focusedLayerId, setFocusedLayerId] = useState(manifest.layers[0]?.id ?? '');
  const allLayerIds = useMemo(() => manifest.layers.map((layer) => layer.id), [manifest]);
  const scene = tour.tour && view.tourScene !== null ? tour.tour.scenes[view.tourScene] : undefined;
  const highlighted = useMemo(
    () => (scene?.highlight ?? []).map((ref) => ({ layerId: ref.layer, featureId: ref.id })),
    [scene],
  );

  // A scene brings its focus layer forward and flies the camera; a link to a scene shows it whole.
  useEffect(() => {
    if (!scene) return;
    if (scene.focusLayer) setFocusedLayerId(scene.focusLayer);
    const target = sceneCameraTarget(scene, layers, manifest.district.bounds);
    controllerRef.current?.flyToView(target, panelPadding(true));
  }, [scene, layers, manifest]);
  useEffect(() => {
    if (tour.tour && view.tourScene !== null) {
      const initial = tour.tour.scenes[view.tourScene];
      if (initial) dispatch({ type: 'showScene', index: view.tourScene, scene: initial, allLayerIds });
    }
    // Only on arrival: later scene changes come from the player.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const focused = stats.layers.find((summary) => summary.layerId === focusedLayerId) ?? stats.layers[0];
  const focusedLayer = layers.find((layer) => layer.definition.id === focused?.layerId);
  const primaryTarget = focused?.definition.targets[0];
  const ranking = useMemo(() => {
    if (!focusedLayer || !primaryTarget) return [];
    const codes = statusCodesAsOf(focusedLayer.columns, asOfDate);
    const statusFilterOnly = { statuses: view.statusFilters[focusedLayer.definition.id] ?? [], streets: [] };
    const mask = filterMask(focusedLayer, statusFilterOnly, codes);
    return targetRankingByStreet(primaryTarget, focusedLayer, { asOfDate, planStart: manifest.district.planStart, codes, mask });
  }, [focusedLayer, primaryTarget, asOfDate, manifest, view.statusFilters]);

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
        maxCanvasPixels={MAX_CANVAS_PIXELS}
        fitPadding={panelPadding()}
        highlighted={highlighted}
        labelScale={screenLabelScale()}
        onInitialSelection={() => undefined}
      />
      <header className="present-header">
        <h1>{t.text(manifest.district.name)} · {t('planProgress')}</h1>
        <time className="present-date" dateTime={asOfDate} data-testid="present-date">{asOfDate}</time>
        <div className="present-actions">
          {tour.tour && view.tourScene === null && (
            <button type="button" className="tour-start" onClick={() => {
              const first = tour.tour?.scenes[0];
              if (first) dispatch({ type: 'showScene', index: 0, scene: first, allLayerIds });
            }}>{t('tour')}</button>
          )}
          {'problem' in tour && tour.problem && <span className="tour-problem" role="status" title={tour.problem}>{t('tourUnavailable')}</span>}
          <button type="button" className="export-image" onClick={() => controllerRef.current && exportMapImage(controllerRef.current, manifest, view, asOfDate)}>
            {t('exportImage')}
          </button>
          <button type="button" onClick={() => toggleFullScreen(document.documentElement)}>{t('fullScreen')} (F)</button>
          <button type="button" onClick={() => dispatch({ type: 'setMode', mode: 'browse' })}>{t('exitPresent')}</button>
        </div>
      </header>
      <section className="present-kpis" aria-label={t('planTargets')}>
        {stats.layers.map((summary) => (
          <KpiTile
            key={summary.layerId}
            summary={summary}
            focused={summary.layerId === focused?.layerId}
            showingDone={sameSet(view.statusFilters[summary.layerId] ?? [], summary.definition.targets[0]?.countedStatuses ?? [])}
            onChoose={() => chooseLayer(summary.layerId)}
          />
        ))}
      </section>
      <aside className="present-side">
        {focused && focused.targets[0] && (
          <StreetRanking
            definition={focused.definition}
            progress={focused.targets[0]}
            ranking={ranking}
            chosenStreets={view.streets}
            dispatch={dispatch}
          />
        )}
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
      <footer className="present-footer">
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

/**
 * The map's free area between the panels (and below the tour card), in CSS pixels; mirrors
 * present.css's grid in units of --u.
 */
function panelPadding(withTourCard = false): { top: number; bottom: number; left: number; right: number } {
  const unit = Math.min(window.innerWidth / 100, (window.innerHeight * 1.7778) / 100);
  const ultraWide = window.innerWidth / window.innerHeight >= 21 / 9;
  return {
    top: unit * (withTourCard ? 17 : 6),
    bottom: unit * 5,
    left: unit * (ultraWide ? 52 : 33),
    right: unit * (ultraWide ? 28 : 24),
  };
}

/** Labels sized like the panels: 1 on a 1080p screen, 2 on a 4K one (1 --u = 19.2 px at 1080p). */
function screenLabelScale(): number {
  const unit = Math.min(window.innerWidth / 100, (window.innerHeight * 1.7778) / 100);
  return Math.max(1, unit / 19.2);
}

function sameSet(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item) => right.includes(item));
}
