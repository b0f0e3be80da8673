import type { Dispatch } from 'react';
import type { Manifest } from '../../domain/plan/manifest';
import type { ControlLineDefinition } from '../../domain/control/controlLineContract';
import type { ViewAction } from '../viewReducer';
import type { ViewState } from '../viewState';
import { useTranslation } from '../LocaleContext';

/** A small picture of how the map draws the line: a dashed outline, or a hatched area. */
function ControlLineSwatch({ line }: { line: ControlLineDefinition }) {
  const hatch = `repeating-linear-gradient(135deg, ${line.color} 0 1.5px, transparent 1.5px 5px)`;
  return (
    <span
      className={`control-swatch control-swatch-${line.style}`}
      style={line.style === 'hatch' ? { backgroundImage: hatch, borderColor: line.color } : { borderColor: line.color }}
      aria-hidden="true"
    />
  );
}

/**
 * The layer panel's 管控线 group: each control line's switch, drawn as on the map, with what its
 * rule forbids. Shown and hidden like a plan layer (the view's hidden ids, so links keep it).
 */
export function ControlLineLegend({ manifest, view, dispatch }: { manifest: Manifest; view: ViewState; dispatch: Dispatch<ViewAction> }) {
  const t = useTranslation();
  const lines = manifest.controlLines ?? [];
  if (lines.length === 0) return null;
  return (
    <section className="layer-card control-lines" aria-label={t('controlLines')}>
      <h3 className="control-lines-heading">{t('controlLines')} <span className="muted">· {t('controlLinesHint')}</span></h3>
      <ul className="legend">
        {lines.map((line) => {
          const visible = !view.hiddenLayerIds.includes(line.id);
          return (
            <li key={line.id}>
              <label className={`layer-toggle control-line-toggle${visible ? '' : ' is-hidden'}`} data-control-line-id={line.id}>
                <input
                  type="checkbox"
                  checked={visible}
                  onChange={() => dispatch({ type: 'toggleLayer', layerId: line.id })}
                  aria-label={`${t('showControlLine')}: ${t.text(line.name)}`}
                />
                <ControlLineSwatch line={line} />
                <span className="layer-name">{t.text(line.name)}</span>
                <span className="muted control-rule">{t(line.rule === 'forbidden' ? 'controlRuleForbidden' : 'controlRuleOutsideForbidden')}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
