import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportCheckRequest } from '../../data/import/importJob';
import type { FeatureCollection, Geometry } from 'geojson';
import { featureBounds, type Bounds } from '../../domain/measure/featureBounds';
import type { FieldMapping } from '../../domain/import/fieldMapping';
import { isLonLatBounds, issueBounds } from '../../domain/import/issueBounds';
import { diffLayers } from '../../domain/changes/layerDiff';
import type { Manifest } from '../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { ValidationIssue } from '../../domain/validation/validationReport';
import { useTranslation } from '../LocaleContext';
import { FieldMappingForm } from './FieldMappingForm';
import { ImportActions } from './ImportActions';
import { importBlockReason } from './importBlockReason';
import { ImportDiff } from './ImportDiff';
import { ImportNewConflicts } from '../control/ImportNewConflicts';
import type { ControlLineShape } from '../../domain/control/controlLineShape';
import { ImportOptions } from './ImportOptions';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportReport } from './ImportReport';
import { DatumShiftPicker } from './DatumShiftPicker';
import type { DatumShiftProfile } from '../../domain/datum/datumShiftProfile';
import { ImportSource, type ChineseWebDatum } from './ImportSource';
import type { LayerEdits } from './editingReducer';
import { useImportJob } from './useImportJob';
import { useImportPreview } from './useImportPreview';
import { useImportPlausibility } from './useImportPlausibility';
import { initialImportTarget } from './importTarget';
import type { StaffEditing } from './useStaffEditing';

interface ImportPanelProps {
  manifest: Manifest;
  editing: StaffEditing;
  file: File;
  onClose: () => void;
  onFlyTo: (bounds: Bounds) => void;
  /** Outlines the file's features on the map while the panel is open (null: none), so a problem can be seen before the preview. */
  onOutline: (collection: FeatureCollection<Geometry | null> | null) => void;
  /** The layer the user is looking at (layerInViewOf), the target when the file's name suggests none. */
  layerInView: string | null;
  /** The control lines, so the review names the conflicts the import brings. */
  controlLines?: readonly ControlLineShape[];
}

/** Half a kilometre around a point problem, so the map shows its surroundings. */
const POINT_PADDING_DEGREES = 0.005;

const schemaBaseUrl = (): string => new URL('geodata/schema/', document.baseURI).href;

/**
 * Ids a generated id must avoid: the saved layer's and the working copy's, but not this import's
 * own from an earlier preview, so applying a mapping again renumbers it the same way.
 */
function idsBesidesImport(edits: LayerEdits, imported: PlanFeatureCollection | undefined): string[] {
  const own = new Set(imported?.features.map((feature) => feature.id));
  const ids = new Set([...edits.base.features, ...edits.working.features].map((feature) => feature.id));
  return [...ids].filter((id) => !own.has(id));
}

/**
 * Import → validation report → field mapping → preview → diff review → save, for one file and
 * one target layer. Reading and checking run in a worker (useImportJob) and can be cancelled.
 */
export function ImportPanel({ manifest, editing, file, onClose, onFlyTo, onOutline, layerInView, controlLines = [] }: ImportPanelProps) {
  const t = useTranslation();
  const job = useImportJob(file, onClose);
  const [partIndex, setPartIndex] = useState(0);
  const [initialTarget] = useState(() => initialImportTarget(file.name, manifest, layerInView));
  const [targetId, setTargetId] = useState(initialTarget.layerId);
  const [crsText, setCrsText] = useState<string | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  // Adding is the default: replacing deletes every project the file lacks (and asks first, see ImportActions).
  const [merge, setMerge] = useState(true);
  // Undefined: as the file suggests (a DataV map file is GCJ-02), until the user chooses.
  const [convertFrom, setConvertFrom] = useState<ChineseWebDatum | 'none' | undefined>(undefined);
  const [savedHere, setSavedHere] = useState(false);
  // Chosen when the report says the file's datum has no known shift (docs/input-rules.md, C10).
  const [datumShift, setDatumShift] = useState<DatumShiftProfile | null>(null);
  // The layer's ids are taken when the mapping is applied, so a preview does not renumber the import.
  const [mapping, setMapping] = useState<{ fields: FieldMapping; existingIds: string[] } | null>(null);
  const definition = manifest.layers.find((layer) => layer.id === targetId);
  const part = job.read?.ok ? job.read.layers[partIndex] : undefined;
  // A .prj with no recognised EPSG code is declared by its WKT, which proj4 reads (docs/input-rules.md, C2).
  const declaredCrs = (crsText ?? part?.crs?.epsg ?? '').trim() || (crsText === null ? part?.crs?.wkt : undefined);
  const layerEdits = editing.state.layers[targetId];
  const layerIds = useMemo(() => layerEdits?.base.features.map((feature) => feature.id) ?? [], [layerEdits?.base]);

  const request = useMemo<ImportCheckRequest | undefined>(() => (part && definition
    ? { partIndex, layer: definition, manifest, declaredCrs, ...(convertFrom ? { convertFrom } : {}), ...(datumShift ? { datumShift } : {}), schemaBaseUrl: schemaBaseUrl(), ...(mapping ? { mapping } : {}) }
    : undefined), [part, partIndex, definition, manifest, declaredCrs, convertFrom, datumShift, mapping]);
  const { check } = job;
  useEffect(() => { if (request) check(request); }, [request, check]);
  const checked = job.checked;

  const imported = validOnly ? checked?.validOnly?.collection : checked?.all;
  const { candidate, preview: showPreview } = useImportPreview(editing, targetId, imported, merge);
  // Against the saved version: the diff says what pressing Save will change, also after the preview.
  const diff = useMemo(() => (definition && layerEdits && candidate ? diffLayers(definition, layerEdits.base, candidate) : undefined), [definition, layerEdits, candidate]);
  const plausibility = useImportPlausibility(manifest, definition, layerEdits?.base, imported, candidate);
  const added = useMemo(() => {
    const ids = new Set(diff?.added);
    return candidate?.features.filter((feature) => ids.has(feature.id)) ?? [];
  }, [diff, candidate]);

  const chooseTarget = useCallback((layerId: string) => { setTargetId(layerId); setMapping(null); }, []);
  const choosePart = useCallback((index: number) => { setPartIndex(index); setMapping(null); }, []);
  /** Flies to an issue whose featureIndex counts in `collection`. */
  const showIssueIn = (collection: PlanFeatureCollection | undefined) => (issue: ValidationIssue) => {
    const featureBox = issue.featureIndex === undefined ? null : featureBounds(collection?.features[issue.featureIndex]?.geometry);
    // A location may be no place on a map (a latitude of 102°): the guard keeps the page alive.
    const bounds = issueBounds(issue.location, featureBox, manifest.district.bounds, POINT_PADDING_DEGREES);
    if (bounds) onFlyTo(bounds);
  };
  const showIssue = showIssueIn(checked?.all);
  // Figures count their features in what is imported (all, or the valid ones only).
  const showFigure = showIssueIn(imported);
  const outlined = checked?.all;
  const outline = useRef(onOutline);
  outline.current = onOutline;
  useEffect(() => {
    outline.current(outlined ?? null);
    return () => outline.current(null);
  }, [outlined]);

  const busy = job.progress !== null;
  const blockReason = importBlockReason({
    busy,
    hasFeatures: candidate !== undefined,
    needsMapping: checked?.needsMapping ?? false,
    mappingApplied: mapping !== null && checked?.mapped !== undefined,
    problemCount: checked?.report.problems.length ?? 0,
    validOnly,
    diff,
  });
  const dirty = editing.dirtyLayerIds.includes(targetId);
  // What pressing Save deletes: the working copy against the saved layer, whatever the preview held.
  const removedCount = useMemo(() => (definition && layerEdits ? diffLayers(definition, layerEdits.base, layerEdits.working).removed.length : 0), [definition, layerEdits]);
  const saveStatus = editing.saveStatus[targetId]?.kind;
  // A save held back for its figures is still this panel's save while the user decides.
  const awaitingConfirmation = editing.confirmation?.layerId === targetId;
  useEffect(() => { if (savedHere && saveStatus !== 'saving' && saveStatus !== 'saved' && !awaitingConfirmation) setSavedHere(false); }, [savedHere, saveStatus, awaitingConfirmation]);
  const saved = savedHere && saveStatus === 'saved';

  const preview = () => {
    if (!candidate || blockReason !== null) return;
    showPreview();
    const bounds = (imported?.features ?? []).map((feature) => featureBounds(feature.geometry)).reduce<Bounds | null>((all, next) => (
      !next || !isLonLatBounds(next) ? all : !all ? next : [Math.min(all[0], next[0]), Math.min(all[1], next[1]), Math.max(all[2], next[2]), Math.max(all[3], next[3])]
    ), null);
    if (bounds) onFlyTo(bounds);
  };

  return (
    <section className="import-panel" aria-label={t('importTitle')} aria-busy={busy}>
      <header>
        <h3>{t('importTitle')} · {file.name}</h3>
        <button type="button" className="icon-button" onClick={job.cancel} aria-label={t('close')}>×</button>
      </header>
      <ImportProgressBar progress={job.progress} checkedFeatureCount={checked?.all?.features.length} onCancel={job.cancel} />
      {job.failure && <p className="form-error import-failed">{t('importFailedInternal')} {job.failure}</p>}
      {job.read && !job.read.ok && (
        <ul className="form-error import-failed">{job.read.problems.map((problem) => <li key={problem.code}>{t.text(problem.message)}</li>)}</ul>
      )}
      {job.read?.ok && !saved && (
        <ImportSource
          manifest={manifest}
          layers={job.read.layers}
          partIndex={partIndex}
          onPart={choosePart}
          targetId={targetId}
          onTarget={chooseTarget}
          targetReason={targetId === initialTarget.layerId ? initialTarget : null}
          crsText={crsText ?? part?.crs?.epsg ?? ''}
          crsUnknown={part?.crs !== undefined && part.crs.epsg === undefined}
          onCrs={setCrsText}
          convertFrom={convertFrom}
          onConvertFrom={setConvertFrom}
          datumHint={checked?.report.datumHint}
          sample={checked?.sample}
          onTableColumns={(tableColumns) => job.reread({ tableColumns, ...(part?.sourceLayer !== undefined ? { sourceLayer: part.sourceLayer } : {}) })}
        />
      )}
      {!saved && (
        <>
          {(checked?.report.datumShiftNeeded || datumShift) && (
            <DatumShiftPicker crs={checked?.report.datumShiftNeeded?.crs ?? datumShift?.sourceCrs ?? ''} chosen={datumShift} onChoose={setDatumShift} />
          )}
          {checked && (
            <ImportReport
              report={checked.report}
              onShowIssue={showIssue}
              needsMapping={checked.needsMapping && !(mapping !== null && checked.mapped !== undefined)}
              figures={plausibility?.problems}
              onShowFigure={showFigure}
            />
          )}
          {checked && definition && layerEdits && checked.columns.length > 0 && (
            <FieldMappingForm
              key={`${partIndex}:${targetId}`}
              definition={definition}
              layerIds={layerIds}
              columns={checked.columns}
              needed={checked.needsMapping}
              summary={mapping ? checked.mapped : undefined}
              onApply={(fields) => setMapping({ fields, existingIds: idsBesidesImport(layerEdits, checked.all) })}
            />
          )}
          {checked && <ImportOptions checked={checked} validOnly={validOnly} onValidOnly={setValidOnly} merge={merge} onMerge={setMerge} />}
          {definition && diff && <ImportDiff definition={definition} diff={diff} added={added} features={candidate?.features} />}
          {definition && layerEdits && candidate && <ImportNewConflicts definition={definition} saved={layerEdits.base.features} candidate={candidate.features} controlLines={controlLines} />}
        </>
      )}
      <ImportActions
        blockReason={blockReason}
        dirty={dirty}
        removedCount={removedCount}
        saved={saved}
        layerName={definition ? t.text(definition.name) : ''}
        onPreview={preview}
        onSave={() => { setSavedHere(true); void editing.save(targetId); }}
        onClose={onClose}
      />
    </section>
  );
}
