import type { RefusedFeature } from '../../data/editScopeJson';
import { useTranslation } from '../LocaleContext';

/** Each feature the server refused as outside the account's scope: its name and id, why, and what to do. */
export function RefusedFeatureList({ features }: { features: readonly RefusedFeature[] }) {
  const t = useTranslation();
  return (
    <ul className="refused-features">
      {features.map((feature) => (
        <li key={feature.id} data-feature-id={feature.id}>
          <strong>{feature.name}</strong> <code>{feature.id}</code>{t.locale === 'zh' ? '：' : ': '}{t.text(feature.message)}{t.locale === 'zh' ? '。' : '. '}{t.text(feature.fix)}
        </li>
      ))}
    </ul>
  );
}
