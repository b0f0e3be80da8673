import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import { metersToKilometers } from '../domain/measure/units';
import { formatAreaPair } from '../domain/format/formatAreaPair';
import { useTranslation } from './LocaleContext';
import { formatMeasure } from '../domain/format/formatMeasure';
import { formatPosition } from '../domain/format/formatPosition';

/** The measure computed from the geometry, in the layer's unit first and the other common units after. */
export function FeatureMeasure({ layer, featureIndex }: { layer: MeasuredLayer; featureIndex: number }) {
  const t = useTranslation();
  const areaSquareMeters = layer.areaSquareMeters[featureIndex] ?? 0;
  const lengthMeters = layer.lengthMeters[featureIndex] ?? 0;
  if (!layer.featureAt(featureIndex)?.geometry) {
    return (<><dt>{t('area')}</dt><dd className="muted">{t('noGeometry')}</dd></>);
  }
  if (layer.definition.geometry === 'point') {
    // A point has no area: its details say where it stands.
    return (<><dt>{t('position')}</dt><dd data-testid="feature-measure">{formatPosition(layer.featureAt(featureIndex)?.geometry, t.locale)}</dd></>);
  }
  if (layer.definition.geometry === 'line') {
    return (
      <>
        <dt>{t('length')}</dt>
        <dd data-testid="feature-measure">
          {formatMeasure(metersToKilometers(lengthMeters), 'km', t.locale)}
          <span className="muted"> · {t('computedFromGeometry')}</span>
        </dd>
      </>
    );
  }
  const [first, second] = formatAreaPair(areaSquareMeters, layer.definition.unit === 'mu' ? 'mu' : 'ha', t.locale);
  return (
    <>
      <dt>{t('area')}</dt>
      <dd data-testid="feature-measure">
        {first} <span className="muted">({second})</span>
        <span className="muted"> · {t('computedFromGeometry')}</span>
      </dd>
    </>
  );
}
