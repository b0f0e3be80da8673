import { lazy, useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type DragEvent } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { LoadedVersions } from '../data/fetchGeodata';
import { districtStats } from '../domain/progress/districtStats';
import { layerFeatureBounds } from '../domain/measure/featureBounds';
import { streetsOf } from '../domain/streets/streetsOf';
import type { FeatureRef, PlanMapController } from '../map/PlanMapController';
import type { ViewAction } from './viewReducer';
import type { ViewState } from './viewState';
import { TopBar } from './TopBar';
import { LazyPanel } from './LazyPanel';
import { LayerPanel } from './LayerPanel';
import { StatsPanel } from './StatsPanel';
import { MapView } from './MapView';
import { FeatureDetails } from './FeatureDetails';
import { viewFilterOf } from './viewFilterOf';
import { todayIsoDate } from '../domain/dates/todayIsoDate';
import { Timeline } from './Timeline';
import { CompareSwipe } from './CompareSwipe';
import { ExportImageButton } from './ExportImageButton';
import { ExportDataButton } from './ExportDataButton';
import { useStaffSession } from './staff/useStaffSession';
import { useStaffEditing } from './staff/useStaffEditing';
import { StaffSessionControls } from './staff/StaffSessionControls';
import { EditBar } from './staff/EditBar';
import { OutsideScopeNote } from './staff/OutsideScopeNote';
import { ConflictDialog } from './staff/ConflictDialog';
import { SaveConfirmDialog } from './staff/SaveConfirmDialog';
import { layerInViewOf } from './staff/importTarget';
import { BulkStatusPanel } from './staff/BulkStatusPanel';
import { useShiftSelection } from './staff/useShiftSelection';
import { showImportOutline } from '../map/showImportOutline';
import { useMapEditing } from './staff/useMapEditing';
import { DrawTools } from './staff/DrawTools';
import { useServedLayers } from './staff/live/useServedLayers';
import { useLayerUpdates } from './staff/live/useLayerUpdates';
import { LayerUpdateNotices } from './staff/live/LayerUpdateNotices';
import { useControlLines } from './control/useControlLines';
import { ControlConflictsPanel } from './control/ControlConflictsPanel';
import { districtWarnings } from '../domain/progress/districtWarnings';
import { WarningsPanel } from './warnings/WarningsPanel';
import { WarningsButton } from './warnings/WarningsButton';
import { warningMarksOf } from './warnings/warningMarksOf';
import type { TiledLayers } from './useGeodata';
import { useTiledView } from './useTiledView';
import { useSeriesSources } from './chart/useSeriesSources';

/*
 * Screens only staff open load on first use: import (shapefile, KML, coordinate systems), the
 * attribute rules (JSON Schema), polygon overlay (the new project's sub-district) and version
 * history are a fifth of the code every viewer would otherwise parse before the map starts.
 */
const ImportPanel = lazy(() => import('./staff/ImportPanel').then((module) => ({ default: module.ImportPanel })));
const FeatureEditor = lazy(() => import('./staff/FeatureEditor').then((module) => ({ default: module.FeatureEditor })));
const NewFeatureForm = lazy(() => import('./staff/NewFeatureForm').then((module) => ({ default: module.NewFeatureForm })));
const AdminPlanPanel = lazy(() => import('./staff/admin/AdminPlanPanel').then((module) => ({ default: module.AdminPlanPanel })));
const TiledProjectEditor = lazy(() => import('./staff/TiledProjectEditor').then((module) => ({ default: module.TiledProjectEditor })));
const StaffHistoryPanel = lazy(() => import('./staff/history/StaffHistoryPanel').then((module) => ({ default: module.StaffHistoryPanel })));

interface PlanMapScreenProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  layersLoaded: boolean;
  /** The version of the file each layer was read from. */
  layerVersions: LoadedVersions;
  /** Layers drawn from the server's vector tiles: their statistics and details come from the server too. */
  tiled: TiledLayers;
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
}

/** The details card's widest (styles.css .feature-details) plus its margin: the map flies beside it (a laptop's narrower card leaves the project a little right of centre). */
const DETAILS_CARD_PIXELS = 372;
/** The import panel on the map's right (styles.css: 400 px wide, 12 px from the edge); the history docks beside the map. */
const SIDE_PANEL_PIXELS = 412;

export function PlanMapScreen({ manifest, layers: loadedLayers, layersLoaded, layerVersions, tiled, view, dispatch }: PlanMapScreenProps) {
  const staff = useStaffSession();
  const served = useServedLayers(loadedLayers);
  const today = useMemo(todayIsoDate, []);
  const asOfDate = view.asOfDate ?? today;
  const tiledView = useTiledView(manifest, tiled, asOfDate, view.selected);
  const { groups: tiledGroups, project: tiledProject, selectionTiled } = tiledView;
  // A tiled layer is never loaded whole, so it is not edited as a whole layer either.
  const editing = useStaffEditing(tiledView.editableManifest, served.layers, staff);
  const updates = useLayerUpdates(tiledView.editableManifest, staff, editing, served, layerVersions);
  const { layers } = editing;
  const { onFeatureClick, highlighted } = useShiftSelection(editing, view.selected);
  const controllerRef = useRef<PlanMapController | null>(null);
  const controlLines = useControlLines(manifest);
  const mapEditing = useMapEditing({ manifest, editing, controllerRef, view, dispatch, enabled: staff.isEditor });
  const [importing, setImporting] = useState<File | null>(null);
  const [historyLayerId, setHistoryLayerId] = useState<string | null>(null);
  // The history takes the import panel's place: one review at a time.
  const [adminOpen, setAdminOpen] = useState(false);
  // 监测预警 docks where the history and the plan settings do, one at a time; closed, it is a one-line summary there. A link with the late-only filter opens it.
  const [warningsOpen, setWarningsOpen] = useState(view.lateOnly);
  const showHistory = useCallback((layerId: string) => { setImporting(null); setAdminOpen(false); setWarningsOpen(false); setHistoryLayerId(layerId); }, []);
  // The plan settings dock where a layer's history does: one at a time.
  const openAdmin = useCallback(() => { setHistoryLayerId(null); setWarningsOpen(false); setAdminOpen(true); }, []);
  const toggleWarnings = useCallback(() => { setHistoryLayerId(null); setAdminOpen(false); setWarningsOpen((open) => !open); }, []);
  const closeAdmin = useCallback(() => setAdminOpen(false), []);
  const dropFile = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!staff.isEditor || !file) return;
    event.preventDefault();
    setImporting(file);
  };
  // Once per day shown: the late-only filter and the marks then cost a loop over numbers.
  const warnings = useMemo(() => districtWarnings(layers, asOfDate), [layers, asOfDate]);
  const lateFeatures = view.lateOnly ? warnings.masks : undefined;
  const filter = useMemo(() => viewFilterOf(manifest.layers, view.statusFilters, view.streets, lateFeatures), [manifest, view.statusFilters, view.streets, lateFeatures]);
  const warningMarks = useMemo(() => warningMarksOf(layers, warnings, filter, view.hiddenLayerIds), [layers, warnings, filter, view.hiddenLayerIds]);
  const streetOnlyFilter = useMemo(() => viewFilterOf(manifest.layers, {}, view.streets), [manifest, view.streets]);
  const stats = useMemo(() => districtStats(manifest, layers, filter, asOfDate, tiledGroups), [manifest, layers, filter, asOfDate, tiledGroups]);
  const legendStats = useMemo(
    () => districtStats(manifest, layers, streetOnlyFilter, asOfDate, tiledGroups),
    [manifest, layers, streetOnlyFilter, asOfDate, tiledGroups],
  );
  const streets = useMemo(() => streetsOf(layers, tiledGroups), [layers, tiledGroups]);
  const seriesSources = useSeriesSources(manifest.layers, layers, tiled.ids, tiledView.days);

  const selectedLayer = selectionTiled ? tiledProject?.layer : view.selected ? layers.find((layer) => layer.definition.id === view.selected?.layerId) : undefined;
  const selectedIndex = view.selected && selectedLayer ? selectedLayer.indexOfId(view.selected.featureId) : -1;
  const selectedFeature = selectedLayer?.featureAt(selectedIndex);

  // A tiled project's shape comes with its details: a flight to it waits for them.
  const flightToTiledProject = useRef<FeatureRef | null>(null);
  const flyTo = useCallback((ref: FeatureRef) => {
    const shown = tiledProject?.layer;
    const layer = shown?.idAt(0) === ref.featureId && shown.definition.id === ref.layerId ? shown : layers.find((candidate) => candidate.definition.id === ref.layerId);
    const bounds = layer ? layerFeatureBounds(layer, layer.indexOfId(ref.featureId)) : null;
    flightToTiledProject.current = !bounds && tiled.ids.has(ref.layerId) ? ref : null;
    if (bounds) controllerRef.current?.flyToBounds(bounds, { left: DETAILS_CARD_PIXELS, right: importing ? SIDE_PANEL_PIXELS : 0 });
  }, [layers, importing, tiledProject, tiled]);
  useEffect(() => {
    const waiting = flightToTiledProject.current;
    if (waiting && tiledProject?.layer.idAt(0) === waiting.featureId && tiledProject.layer.definition.id === waiting.layerId) flyTo(waiting);
  }, [tiledProject, flyTo]);

  // Choosing sub-districts shows them whole; clearing the choice shows the whole district again.
  const flyToStreets = useCallback((chosen: string[]) => {
    const controller = controllerRef.current;
    if (!controller) return;
    void controller.streetsBounds(chosen).then((bounds) => {
      controller.flyToBounds(bounds ?? manifest.district.bounds, { left: view.selected ? DETAILS_CARD_PIXELS : 0, right: importing ? SIDE_PANEL_PIXELS : 0 });
    });
  }, [manifest, view.selected, importing]);

  const openFeature = useCallback((ref: FeatureRef) => {
    if (view.hiddenLayerIds.includes(ref.layerId)) dispatch({ type: 'toggleLayer', layerId: ref.layerId });
    dispatch({ type: 'select', feature: ref });
    flyTo(ref);
  }, [dispatch, flyTo, view.hiddenLayerIds]);

  return (
    <div className="app">
      <TopBar
        manifest={manifest}
        layers={layers}
        view={view}
        dispatch={dispatch}
        streets={streets}
        onOpenFeature={openFeature}
        tiledLayerIds={tiled.ids}
        onStreetsChosen={flyToStreets}
        imageExport={<ExportImageButton controllerRef={controllerRef} manifest={manifest} view={view} asOfDate={asOfDate} />}
        staffControls={<StaffSessionControls staff={staff} hasUnsavedEdits={editing.dirtyLayerIds.length > 0} onOpenAdmin={openAdmin} />}
        dataExport={<ExportDataButton manifest={manifest} layers={layers} view={view} asOfDate={asOfDate} today={today} tiledLayerIds={tiled.ids} tiledGroups={tiledGroups} />}
      />
      <main className="workspace">
        <LayerPanel manifest={manifest} stats={legendStats} view={view} dispatch={dispatch} onShowHistory={staff.session.user ? showHistory : undefined} />
        <div className="map-area" onDragOver={(event) => { if (staff.isEditor) event.preventDefault(); }} onDrop={dropFile}>
          <MapView
            layersLoaded={layersLoaded}
            manifest={manifest}
            layers={layers}
            view={view}
            dispatch={dispatch}
            controllerRef={controllerRef}
            asOfDate={asOfDate}
            onInitialSelection={flyTo}
            onFeatureClick={(feature, shiftKey) => mapEditing.capturesClick() || onFeatureClick(feature, shiftKey)}
            shiftSelects={staff.isEditor}
            highlighted={highlighted}
            lateFeatures={warnings.masks}
            warningMarks={warningMarks}
            tiled={tiled}
          />
          <div className="map-right-stack">
          {staff.isEditor && <EditBar manifest={manifest} editing={editing} onImportFile={setImporting} onShowHistory={showHistory}
            scope={staff.session.scope}
            tools={<DrawTools manifest={manifest} editing={editing} mapEditing={mapEditing} selected={selectedFeature && view.selected && editing.canEditFeature(view.selected) ? view.selected : null} />}
          />}
          {staff.isEditor && importing && (
            <LazyPanel>
            <ImportPanel
              key={`${importing.name}:${importing.lastModified}`}
              manifest={manifest}
              editing={editing}
              file={importing}
              onClose={() => setImporting(null)}
              onFlyTo={(bounds) => controllerRef.current?.flyToBounds(bounds, { left: view.selected ? DETAILS_CARD_PIXELS : 0, right: SIDE_PANEL_PIXELS })}
              onOutline={(collection) => showImportOutline(controllerRef.current?.map, collection)}
              layerInView={layerInViewOf(manifest, view)}
              controlLines={controlLines}
            />
            </LazyPanel>
          )}
          </div>
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
          <Timeline planStart={manifest.district.planStart} today={today} asOfDate={view.asOfDate} dispatch={dispatch} comparing={view.compareDate !== null} />
          {mapEditing.tool.kind === 'describe' && <LazyPanel><NewFeatureForm manifest={manifest} editing={editing} mapEditing={mapEditing} /></LazyPanel>}
          {editing.state.selection ? <BulkStatusPanel manifest={manifest} editing={editing} /> : selectedLayer && selectedIndex >= 0 && (
            <FeatureDetails
              layer={selectedLayer}
              featureIndex={selectedIndex}
              onClose={() => dispatch({ type: 'select', feature: null })}
              onZoomTo={() => view.selected && flyTo(view.selected)}
              controlLines={controlLines}
            >
              {selectedFeature && staff.isEditor && selectionTiled && tiledProject && (
                <LazyPanel>
                  <TiledProjectEditor definition={selectedLayer.definition} project={selectedFeature} version={tiledProject.version} api={staff.api} csrfToken={staff.session.csrfToken} scope={staff.session.scope} />
                </LazyPanel>
              )}
              {selectedFeature && staff.isEditor && !selectionTiled && (editing.canEditFeature({ layerId: selectedLayer.definition.id, featureId: selectedFeature.id }) ? (
                <LazyPanel>
                  <FeatureEditor definition={selectedLayer.definition} feature={selectedFeature} editing={editing} />
                </LazyPanel>
              ) : <OutsideScopeNote scope={staff.session.scope} layerId={selectedLayer.definition.id} feature={selectedFeature} />)}
            </FeatureDetails>
          )}
          <LayerUpdateNotices manifest={manifest} notices={updates.notices} onDismiss={updates.dismiss} />
          {editing.conflict && <ConflictDialog key={editing.conflict.etag} manifest={manifest} conflict={editing.conflict} editing={editing} api={staff.api} />}
          {editing.confirmation && <SaveConfirmDialog manifest={manifest} pending={editing.confirmation} onConfirm={editing.confirmSave} onCancel={editing.dismissConfirmation} />}
        </div>
        <StatsPanel manifest={manifest} stats={stats} asOfDate={asOfDate} statusFilters={view.statusFilters} streets={view.streets} lateOnly={view.lateOnly} dispatch={dispatch} seriesSources={seriesSources} today={today}
          conflicts={<ControlConflictsPanel layers={layers} controlLines={controlLines} onOpen={openFeature} />}
          docked={adminOpen && staff.isAdmin ? (
            <LazyPanel>
              <AdminPlanPanel staff={staff} onClose={closeAdmin} />
            </LazyPanel>
          ) : historyLayerId ? (
            <LazyPanel>
              <StaffHistoryPanel key={historyLayerId} layerId={historyLayerId} layers={layers} staff={staff} editing={editing} updates={updates} onClose={() => setHistoryLayerId(null)} />
            </LazyPanel>
          ) : warningsOpen ? (
            <WarningsPanel manifest={manifest} layers={layers} warnings={warnings} stats={stats} lateOnly={view.lateOnly} selected={view.selected}
              dispatch={dispatch} onOpenFeature={openFeature} onClose={toggleWarnings} tiledLayerIds={tiled.ids} />
          ) : (
            <WarningsButton warnings={warnings} open={false} onToggle={toggleWarnings} />
          )}
        />
      </main>
    </div>
  );
}
