import type { LayerDiff } from '../../domain/layerDiff';
import { useTranslation } from '../LocaleContext';

function valueText(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** One feature's change as lines of text: attributes before → after, a reshaped geometry, a deletion. */
export function DiffSummary({ diff }: { diff: LayerDiff }) {
  const t = useTranslation();
  const lines: string[] = [];
  for (const id of diff.removed) lines.push(`${id}: ${t('deletedMark')}`);
  for (const id of diff.added) lines.push(`+ ${id}`);
  for (const change of diff.changed) {
    for (const attribute of change.attributes) lines.push(`${attribute.key}: ${valueText(attribute.before)} → ${valueText(attribute.after)}`);
    if (change.geometryChanged) lines.push(`geometry: Δ ${Math.round(change.areaDeltaSquareMeters)} m²`);
  }
  return <ul className="diff-summary">{lines.map((line, index) => <li key={index}>{line}</li>)}</ul>;
}
