import { sketchMeasure, type SketchEvent, type SketchState } from '../../domain/edits/drawingSketch';
import { formatMeasure } from '../../domain/format/formatMeasure';
import { formatAreaPair } from '../../domain/format/formatAreaPair';
import { metersToKilometers } from '../../domain/measure/units';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { useTranslation } from '../LocaleContext';

interface SketchPanelProps {
  definition: LayerDefinition;
  sketch: Extract<SketchState, { phase: 'drawing' }>;
  onEvent: (event: SketchEvent) => void;
}

/** While drawing: how to go on, the shape's size so far, and why a finish was refused. */
export function SketchPanel({ definition, sketch, onEvent }: SketchPanelProps) {
  const t = useTranslation();
  const measure = sketchMeasure(sketch.kind, sketch.points);
  const length = formatMeasure(metersToKilometers(measure.lengthMeters), 'km', t.locale);
  const [area, otherArea] = formatAreaPair(measure.areaSquareMeters, definition.unit === 'mu' ? 'mu' : 'ha', t.locale);
  if (sketch.kind === 'point') {
    // One click places a point: nothing to measure or finish, only a way back.
    return (
      <div className="sketch-panel" data-layer-id={definition.id}>
        <p className="muted">{t('sketchHintPoint')}</p>
        <div className="edit-bar-row">
          <button type="button" className="button-quiet cancel-sketch" onClick={() => onEvent({ type: 'cancel' })}>{t('cancel')}</button>
        </div>
        {sketch.problem && <p className="form-error sketch-problem" role="alert">{t.text(sketch.problem)}</p>}
      </div>
    );
  }
  return (
    <div className="sketch-panel" data-layer-id={definition.id}>
      <p className="muted">{t(sketch.kind === 'polygon' ? 'sketchHintPolygon' : 'sketchHintLine')}</p>
      <dl className="sketch-measure">
        <dt>{t('sketchPoints')}</dt>
        <dd className="sketch-point-count">{sketch.points.length}</dd>
        {sketch.kind === 'polygon' ? (
          <>
            <dt>{t('area')}</dt>
            <dd className="sketch-area">{area} <span className="muted">({otherArea})</span></dd>
            <dt>{t('perimeter')}</dt>
            <dd className="sketch-length">{length}</dd>
          </>
        ) : (
          <>
            <dt>{t('length')}</dt>
            <dd className="sketch-length">{length}</dd>
          </>
        )}
      </dl>
      <div className="edit-bar-row">
        <button type="button" className="finish-sketch" onClick={() => onEvent({ type: 'finish' })}>{t('finishSketch')}</button>
        <button type="button" className="remove-last-point" disabled={sketch.points.length === 0} onClick={() => onEvent({ type: 'removeLast' })}>{t('removeLastPoint')}</button>
        <button type="button" className="button-quiet cancel-sketch" onClick={() => onEvent({ type: 'cancel' })}>{t('cancel')}</button>
      </div>
      {sketch.problem && <p className="form-error sketch-problem" role="alert">{t.text(sketch.problem)}</p>}
    </div>
  );
}
