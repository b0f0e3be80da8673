import type { ImportLayerSummary } from '../../data/import/importJob';
import type { ChineseWebDatumHint } from '../../domain/import/chineseWebDatumHint';
import { crsLabel } from '../../domain/import/crsLabel';
import { sampleValueText } from '../../domain/import/sampleValueText';
import type { Manifest } from '../../domain/plan/manifest';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import type { TableColumns } from '../../domain/import/tableColumns';
import { ImportTableColumns } from './ImportTableColumns';
import type { ImportTarget } from './importTarget';

export type ChineseWebDatum = 'gcj02' | 'bd09';

interface ImportSourceProps {
  manifest: Manifest;
  layers: ImportLayerSummary[];
  partIndex: number;
  onPart: (index: number) => void;
  targetId: string;
  onTarget: (layerId: string) => void;
  /** Why the panel opened on this layer; null once the user chose one. */
  targetReason: ImportTarget | null;
  crsText: string;
  crsUnknown: boolean;
  onCrs: (text: string) => void;
  /** Coordinates copied from a Chinese web map, offset from WGS 84 by its datum shift; undefined until the user chooses. */
  convertFrom: ChineseWebDatum | 'none' | undefined;
  onConvertFrom: (datum: ChineseWebDatum | 'none') => void;
  /** The file looks like a DataV/ECharts map: converted from GCJ-02 unless the user says otherwise. */
  datumHint: ChineseWebDatumHint | undefined;
  /** The first feature's attributes, so staff see that Chinese text was decoded. */
  sample: Record<string, unknown> | null | undefined;
  /** A CSV or Excel table read again with the columns the user chose. */
  onTableColumns: (columns: TableColumns) => void;
}

/** Which part of the file, into which layer, in which CRS. */
export function ImportSource(props: ImportSourceProps) {
  const t = useTranslation();
  const part = props.layers[props.partIndex];
  const statuses = props.manifest.layers.find((layer) => layer.id === props.targetId)?.statuses ?? [];
  const automatic = props.convertFrom === undefined && props.datumHint !== undefined;
  const datum = props.convertFrom === 'none' ? '' : (props.convertFrom ?? (automatic ? props.datumHint?.datum : undefined) ?? '');
  const reason = props.targetReason;
  return (
    <div className="import-source">
      {props.layers.length > 1 && (
        <label>{t('importPart')}
          <select value={props.partIndex} onChange={(event) => props.onPart(Number(event.target.value))}>
            {props.layers.map((layer, index) => (
              <option key={index} value={index}>
                {layer.name}{layer.geometryKind ? ` · ${t(layer.geometryKind === 'polygon' ? 'importPartPolygons' : 'importPartLines')}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>{t('importInto')}
        <select name="target-layer" value={props.targetId} onChange={(event) => props.onTarget(event.target.value)}>
          {props.manifest.layers.map((layer) => <option key={layer.id} value={layer.id}>{t.text(layer.name)}</option>)}
        </select>
      </label>
      {reason?.reason === 'file-name' && <p className="import-target-reason muted" data-reason={reason.reason}>{fillMessage(t('importTargetFromFileName'), { matched: reason.matched })}</p>}
      {reason?.reason === 'in-view' && <p className="import-target-reason muted" data-reason={reason.reason}>{t('importTargetInView')}</p>}
      <label><span>{t('crsCode')}{part?.crs && <span className="crs-name"> · {t.text(crsLabel(part.crs))}</span>}</span>
        <input name="crs" value={props.crsText} placeholder={t('crsPlaceholder')} onChange={(event) => props.onCrs(event.target.value)} />
      </label>
      {props.crsUnknown && props.crsText === '' && <p className="form-error">{t('crsUnknown')}</p>}
      {part?.format === 'dxf' && props.crsText === '' && <p className="form-error crs-required">{t('crsRequired')}</p>}
      {part?.table && <ImportTableColumns key={JSON.stringify(part.table.columns ?? null)} headers={part.table.headers} columns={part.table.columns} onChoose={props.onTableColumns} />}
      {part && part.warnings.length > 0 && (
        <details className="import-read-notes" open>
          <summary>{t('importReadNotes')}</summary>
          <ul>{part.warnings.map((warning, index) => <li key={index} data-code={warning.code}>{t.text(warning.message)}</li>)}</ul>
        </details>
      )}
      <label>{t('importWebDatum')}
        <select
          name="convert-from"
          value={datum}
          onChange={(event) => props.onConvertFrom(event.target.value === 'gcj02' || event.target.value === 'bd09' ? event.target.value : 'none')}
        >
          <option value="">{t('importWebDatumNone')}</option>
          <option value="gcj02">{t('importWebDatumGcj02')}</option>
          <option value="bd09">{t('importWebDatumBd09')}</option>
        </select>
      </label>
      {props.datumHint && (
        <p className={automatic ? 'web-datum-hint' : 'web-datum-hint muted'} data-automatic={automatic}>
          {t(automatic ? 'importWebDatumDetected' : 'importWebDatumHint')}{t.text(props.datumHint.reason)}
        </p>
      )}
      {part?.encoding && <p className="muted">{t('encoding')}: {part.encoding}</p>}
      {props.sample && (
        <table className="attribute-table import-sample" aria-label={t('previewAttributes')}>
          <tbody>
            {Object.entries(props.sample).map(([key, value]) => <tr key={key}><th scope="row">{key}</th><td>{sampleValueText(value, statuses, t.locale)}</td></tr>)}
          </tbody>
        </table>
      )}
    </div>
  );
}
