import type { FeatureChangeRow } from '../../domain/changes/featureChangeRows';
import { useTranslation } from '../LocaleContext';

/** A feature's changes as "label: before → after" lines in the reader's language. */
export function ChangeRowList({ rows }: { rows: readonly FeatureChangeRow[] }) {
  const t = useTranslation();
  return (
    <ul className="change-rows">
      {rows.map((row) => (
        <li key={row.key} data-key={row.key}>
          <span className="change-label">{t.text(row.label)}</span>{t.locale === 'zh' ? '：' : ': '}
          {row.kind === 'value'
            ? <><span className="change-before">{t.text(row.before)}</span> → <span className="change-after">{t.text(row.after)}</span></>
            : <span className="change-note">{t.text(row.text)}</span>}
        </li>
      ))}
    </ul>
  );
}
