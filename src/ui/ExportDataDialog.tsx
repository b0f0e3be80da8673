import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { formatCount } from '../domain/format/formatMeasure';
import { exportIndexes, type ExportScope } from '../domain/export/exportIndexes';
import { exportLayer, exportZoneOf, type ExportedFile, type ExportFormat } from '../domain/export/exportLayer';
import type { CsvLabels } from '../domain/export/exportCsvText';
import type { ViewState } from './viewState';
import type { TiledLayerGroups } from '../domain/progress/districtStats';
import { useTranslation } from './LocaleContext';
import { isFiltering, viewFilterOf } from './viewFilterOf';
import { downloadTextFile } from './downloadTextFile';
import { fillMessage } from './fillMessage';

interface ExportDataDialogProps {
  manifest: Manifest;
  layers: MeasuredLayer[];
  view: ViewState;
  asOfDate: string;
  today: string;
  /** Layers drawn from vector tiles: not on the page, so not offered. */
  tiledLayerIds?: ReadonlySet<string>;
  /** The tiled layers' groups on the day shown: their targets are counted from them. */
  tiledGroups?: TiledLayerGroups;
  onClose: () => void;
}

const NO_TILED_GROUPS: TiledLayerGroups = new Map();
const NO_TILED_LAYERS: ReadonlySet<string> = new Set();

const FORMATS: readonly ExportFormat[] = ['geojson', 'gauss-kruger', 'gauss-kruger-prefixed', 'csv'];
const CSV_LABELS: readonly CsvLabels[] = ['zh', 'en', 'codes'];
const CSV_LABELS_MESSAGE = { zh: 'exportLabelsZh', en: 'exportLabelsEn', codes: 'exportLabelsCodes' } as const;

import { districtWarnings } from '../domain/progress/districtWarnings';
import { ExportTargetsSection } from './warnings/ExportTargetsSection';
/**
 * Exports one layer, whole or as the view filters it, as GeoJSON (lon/lat or a CGCS2000
 * Gauss-Krüger zone for QGIS) or as a CSV of attributes with areas. Stays open after a download
 * and says what was written, including the CRS.
 */
export function ExportDataDialog({ manifest, layers, view, asOfDate, today, tiledLayerIds = NO_TILED_LAYERS, tiledGroups = NO_TILED_GROUPS, onClose }: ExportDataDialogProps) {
  const t = useTranslation();
  // A tiled layer's projects are not on the page: offering it would write an empty file.
  const exportable = manifest.layers.filter((definition) => !tiledLayerIds.has(definition.id));
  const tiledNames = manifest.layers.filter((definition) => tiledLayerIds.has(definition.id)).map((definition) => t.text(definition.name));
  const [layerId, setLayerId] = useState(() => exportable.find((layer) => layer.id === view.selected?.layerId)?.id ?? exportable.find((layer) => !view.hiddenLayerIds.includes(layer.id))?.id ?? exportable[0]?.id ?? '');
  const [format, setFormat] = useState<ExportFormat>('geojson');
  // People read the CSV in the language they use the app in; scripts pick codes.
  const [csvLabels, setCsvLabels] = useState<CsvLabels>(t.locale);
  const [scopeKind, setScopeKind] = useState<ExportScope['kind']>(() => (isFiltering(view.statusFilters, view.streets, view.lateOnly) || view.asOfDate ? 'filtered' : 'layer'));
  const [exported, setExported] = useState<ExportedFile | null>(null);
  const [noZone, setNoZone] = useState(false);
  const firstRef = useRef<HTMLSelectElement | null>(null);
  useEffect(() => {
    firstRef.current?.focus();
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const layer = layers.find((candidate) => candidate.definition.id === layerId);
  const filteredScope = useMemo((): ExportScope => ({
    kind: 'filtered',
    filter: viewFilterOf(manifest.layers, view.statusFilters, view.streets, view.lateOnly ? districtWarnings(layers, asOfDate).masks : undefined).layers[layerId],
    asOfDate,
  }), [manifest, layers, view.statusFilters, view.streets, view.lateOnly, layerId, asOfDate]);
  const scope: ExportScope = scopeKind === 'layer' ? { kind: 'layer' } : filteredScope;
  const filteredIndexes = useMemo(() => (layer ? exportIndexes(layer, filteredScope) : new Uint32Array(0)), [layer, filteredScope]);
  // A layer the server prepared has its features a moment after the map shows (useGeodata).
  const ready = layer?.featuresLoaded === true;
  const zone = useMemo(
    () => (layer && ready ? exportZoneOf(layer, scopeKind === 'layer' ? exportIndexes(layer, { kind: 'layer' }) : filteredIndexes) : undefined),
    [layer, ready, scopeKind, filteredIndexes],
  );

  const formatLabel = (choice: ExportFormat): string => {
    switch (choice) {
      case 'geojson': return t('exportGeoJson');
      case 'csv': return t('exportCsv');
      case 'gauss-kruger': return zone ? fillMessage(t('exportGaussKruger'), { zone: zone.zone, epsg: zone.epsg }) : t('exportGaussKrugerNone');
      case 'gauss-kruger-prefixed': return zone ? fillMessage(t('exportGaussKrugerPrefixed'), { zone: zone.zone, epsg: zone.prefixedEpsg }) : t('exportGaussKrugerNone');
    }
  };
  const needsZone = (choice: ExportFormat) => choice === 'gauss-kruger' || choice === 'gauss-kruger-prefixed';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!layer || !ready) return;
    const filtered = scope.kind === 'filtered';
    const result = exportLayer(layer, {
      format,
      scope,
      locale: t.locale,
      csvLabels,
      date: filtered ? asOfDate : today,
      ...(filtered && asOfDate !== today ? { statusAsOfDate: asOfDate } : {}),
    });
    setNoZone(!result.ok);
    if (!result.ok) return;
    downloadTextFile(result.file.text, result.file.fileName, result.file.mediaType);
    setExported(result.file);
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-data-title" onSubmit={submit}>
        <h2 id="export-data-title">{t('exportDataTitle')}</h2>
        <label>
          {t('layer')}
          <select ref={firstRef} name="layer" value={layerId} onChange={(event) => { setLayerId(event.target.value); setExported(null); }}>
            {exportable.map((definition) => <option key={definition.id} value={definition.id}>{t.text(definition.name)}</option>)}
          </select>
        </label>
        {tiledNames.length > 0 && <p className="export-hint export-tiled-hint">{fillMessage(t('exportTiledLayersHint'), { layers: tiledNames.join(t.locale === 'zh' ? '、' : ', ') })}</p>}
        <fieldset>
          <legend>{t('exportFormat')}</legend>
          {FORMATS.map((choice) => (
            <label key={choice} className="check-row">
              <input type="radio" name="format" value={choice} checked={format === choice} disabled={ready && needsZone(choice) && !zone} onChange={() => setFormat(choice)} />
              <span>{formatLabel(choice)}</span>
            </label>
          ))}
        </fieldset>
        {format === 'csv' && (
          <fieldset>
            <legend>{t('exportCsvLabels')}</legend>
            {CSV_LABELS.map((choice) => (
              <label key={choice} className="check-row">
                <input type="radio" name="csv-labels" value={choice} checked={csvLabels === choice} onChange={() => setCsvLabels(choice)} />
                <span>{t(CSV_LABELS_MESSAGE[choice])}</span>
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('exportScope')}</legend>
          <label className="check-row">
            <input type="radio" name="scope" value="layer" checked={scopeKind === 'layer'} onChange={() => setScopeKind('layer')} />
            <span>{fillMessage(t('exportWholeLayer'), { count: formatCount(layer?.featureCount ?? 0, t.locale) })}</span>
          </label>
          <label className="check-row">
            <input type="radio" name="scope" value="filtered" checked={scopeKind === 'filtered'} onChange={() => setScopeKind('filtered')} />
            <span>{fillMessage(t('exportFiltered'), { count: formatCount(filteredIndexes.length, t.locale) })}</span>
          </label>
          <p className="export-hint">{fillMessage(t('exportFilteredHint'), { date: asOfDate })}</p>
          {scopeKind === 'filtered' && asOfDate !== today && format !== 'csv' && (
            <p className="export-hint export-status-as-of">{fillMessage(t('exportStatusAsOfHint'), { date: asOfDate })}</p>
          )}
        </fieldset>
        <ExportTargetsSection manifest={manifest} layers={layers} asOfDate={asOfDate} tiledGroups={tiledGroups} />
        {layer && !ready && <p className="muted" role="status">{t('featuresLoading')}</p>}
        {noZone && <p className="form-error" role="alert">{t('exportNoZone')}</p>}
        {exported && (
          <p className="export-done" role="status">
            {fillMessage(t('exportDone'), { file: exported.fileName, count: formatCount(exported.featureCount, t.locale) })}
            {exported.epsg !== undefined && ` ${fillMessage(t('exportCrsUsed'), { epsg: exported.epsg })}`}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-quiet" onClick={onClose}>{t('close')}</button>
          <button type="submit" className="export-download" disabled={!ready || (needsZone(format) && !zone)}>{t('exportDownload')}</button>
        </div>
      </form>
    </div>
  );
}
