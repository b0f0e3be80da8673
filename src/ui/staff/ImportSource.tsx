import type { ImportLayerSummary } from '../../data/import/importJob';
import { crsLabel } from '../../domain/import/crsLabel';
import { sampleValueText } from '../../domain/import/sampleValueText';
import type { Manifest } from '../../domain/manifest';
import { useTranslation } from '../LocaleContext';

export type ChineseWebDatum = 'gcj02' | 'bd09';

interface ImportSourceProps {
  manifest: Manifest;
  layers: ImportLayerSummary[];
  partIndex: number;
  onPart: (index: number) => void;
  targetId: string;
  onTarget: (layerId: string) => void;
  crsText: string;
  crsUnknown: boolean;
  onCrs: (text: string) => void;
  /** Coordinates copied from a Chinese web map, offset from WGS 84 by its datum shift. */
  convertFrom: ChineseWebDatum | undefined;
  onConvertFrom: (datum: ChineseWebDatum | undefined) => void;
  /** The first feature's attributes, so staff see that Chinese text was decoded. */
  sample: Record<string, unknown> | null | undefined;
}

/** Which part of the file, into which layer, in which CRS. */
export function ImportSource(props: ImportSourceProps) {
  const t = useTranslation();
  const part = props.layers[props.partIndex];
  const statuses = props.manifest.layers.find((layer) => layer.id === props.targetId)?.statuses ?? [];
  return (
    <div className="import-source">
      {props.layers.length > 1 && (
        <label>{t('importPart')}
          <select value={props.partIndex} onChange={(event) => props.onPart(Number(event.target.value))}>
            {props.layers.map((layer, index) => <option key={index} value={index}>{layer.name}</option>)}
          </select>
        </label>
      )}
      <label>{t('importInto')}
        <select name="target-layer" value={props.targetId} onChange={(event) => props.onTarget(event.target.value)}>
          {props.manifest.layers.map((layer) => <option key={layer.id} value={layer.id}>{t.text(layer.name)}</option>)}
        </select>
      </label>
      <label><span>{t('crsCode')}{part?.crs && <span className="crs-name"> · {t.text(crsLabel(part.crs))}</span>}</span>
        <input name="crs" value={props.crsText} placeholder={t('crsPlaceholder')} onChange={(event) => props.onCrs(event.target.value)} />
      </label>
      {props.crsUnknown && props.crsText === '' && <p className="form-error">{t('crsUnknown')}</p>}
      <label>{t('importWebDatum')}
        <select
          name="convert-from"
          value={props.convertFrom ?? ''}
          onChange={(event) => props.onConvertFrom(event.target.value === 'gcj02' || event.target.value === 'bd09' ? event.target.value : undefined)}
        >
          <option value="">{t('importWebDatumNone')}</option>
          <option value="gcj02">{t('importWebDatumGcj02')}</option>
          <option value="bd09">{t('importWebDatumBd09')}</option>
        </select>
      </label>
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
