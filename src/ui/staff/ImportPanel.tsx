import { useMemo, useState } from 'react';
import { featureBounds, type Bounds } from '../../domain/featureBounds';
import { diffLayers } from '../../domain/layerDiff';
import type { Manifest } from '../../domain/manifest';
import type { ValidationIssue } from '../../domain/validation/validationReport';
import { useTranslation } from '../LocaleContext';
import { checkImport } from './checkImport';
import { ImportDiff } from './ImportDiff';
import { ImportReport } from './ImportReport';
import { ImportSource } from './ImportSource';
import { useImportFile } from './useImportFile';
import type { StaffEditing } from './useStaffEditing';

interface ImportPanelProps {
  manifest: Manifest;
  editing: StaffEditing;
  file: File;
  onClose: () => void;
  onFlyTo: (bounds: Bounds) => void;
}

/** Half a kilometre around a point problem, so the map shows its surroundings. */
const POINT_PADDING_DEGREES = 0.005;

/** Import → validation report → preview → diff review → save, for one file and one target layer. */
export function ImportPanel({ manifest, editing, file, onClose, onFlyTo }: ImportPanelProps) {
  const t = useTranslation();
  const read = useImportFile(file);
  const [partIndex, setPartIndex] = useState(0);
  const [targetId, setTargetId] = useState(manifest.layers[0]?.id ?? '');
  const [crsText, setCrsText] = useState<string | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const definition = manifest.layers.find((layer) => layer.id === targetId);
  const part = read?.result.ok ? read.result.layers[partIndex] : undefined;
  const declaredCrs = (crsText ?? part?.crs?.epsg ?? '').trim() || undefined;
  const checked = useMemo(() => (part && definition ? checkImport(part, definition, manifest, declaredCrs) : undefined), [part, definition, manifest, declaredCrs]);
  const candidate = validOnly ? checked?.validOnly?.collection : checked?.all;
  const current = editing.state.layers[targetId]?.working;
  const diff = useMemo(() => (definition && current && candidate ? diffLayers(definition, current, candidate) : undefined), [definition, current, candidate]);

  const showIssue = (issue: ValidationIssue) => {
    if (issue.location) {
      const [lon, lat] = issue.location;
      onFlyTo([lon - POINT_PADDING_DEGREES, lat - POINT_PADDING_DEGREES, lon + POINT_PADDING_DEGREES, lat + POINT_PADDING_DEGREES]);
      return;
    }
    const bounds = issue.featureIndex === undefined ? null : featureBounds(checked?.all?.features[issue.featureIndex]?.geometry);
    if (bounds) onFlyTo(bounds);
  };
  const preview = () => {
    if (!candidate) return;
    editing.replace(targetId, candidate);
    const bounds = candidate.features.map((feature) => featureBounds(feature.geometry)).reduce<Bounds | null>((all, next) => (
      !next ? all : !all ? next : [Math.min(all[0], next[0]), Math.min(all[1], next[1]), Math.max(all[2], next[2]), Math.max(all[3], next[3])]
    ), null);
    if (bounds) onFlyTo(bounds);
  };
  const blocked = !candidate || (!validOnly && (checked?.report.problems.length ?? 0) > 0);

  return (
    <section className="import-panel" aria-label={t('importTitle')}>
      <header>
        <h3>{t('importTitle')} · {file.name}</h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      {read && !read.result.ok && (
        <ul className="form-error import-failed">{read.result.problems.map((problem) => <li key={problem.code}>{t.text(problem.message)}</li>)}</ul>
      )}
      {read?.result.ok && (
        <ImportSource
          manifest={manifest}
          layers={read.result.layers}
          partIndex={partIndex}
          onPart={setPartIndex}
          targetId={targetId}
          onTarget={setTargetId}
          crsText={crsText ?? part?.crs?.epsg ?? ''}
          crsUnknown={part?.crs !== undefined && part.crs.epsg === undefined}
          onCrs={setCrsText}
          sample={checked?.all?.features[0]?.properties}
        />
      )}
      {checked && <ImportReport report={checked.report} onShowIssue={showIssue} />}
      {checked && checked.report.problems.length > 0 && checked.validOnly && (
        <div className="valid-only">
          <label><input type="checkbox" className="valid-only-toggle" checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} /> {t('validOnly')}</label>
          {validOnly && (
            <p className="rejected-features">{t('rejectedFeatures')}: {checked.validOnly.rejected.map((entry) => entry.featureId ?? entry.featureName ?? `#${entry.featureIndex + 1}`).join(', ')}</p>
          )}
        </div>
      )}
      {definition && diff && <ImportDiff definition={definition} diff={diff} />}
      <div className="dialog-actions">
        <button type="button" className="preview-import" disabled={blocked} onClick={preview}>{t('showOnMap')}</button>
        <button type="button" className="save-import" disabled={!editing.dirtyLayerIds.includes(targetId)} onClick={() => void editing.save(targetId)}>{t('save')}</button>
      </div>
    </section>
  );
}
