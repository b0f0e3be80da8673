import { formatFeatureMeasure } from '../../domain/format/formatFeatureMeasure';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeature } from '../../domain/plan/planFeature';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

/** Rows listed; the rest are counted, so a file of thousands keeps the panel short. */
const MAX_ROWS = 30;

/** The projects an import adds, each with its name and its measure, for review before saving. */
export function AddedFeatureList({ definition, features }: { definition: LayerDefinition; features: readonly PlanFeature[] }) {
  const t = useTranslation();
  if (features.length === 0) return null;
  return (
    <table className="attribute-table added-features" data-testid="diff-added-list" aria-label={t('addedFeatures')}>
      <tbody>
        {features.slice(0, MAX_ROWS).map((feature) => (
          <tr key={feature.id} data-feature-id={feature.id}>
            <th scope="row"><code>{feature.id}</code></th>
            <td>{feature.properties.name}</td>
            <td className="measure">{formatFeatureMeasure(definition, feature.geometry, t.locale)}</td>
          </tr>
        ))}
        {features.length > MAX_ROWS && <tr><td colSpan={3} className="muted">{fillMessage(t('importMoreAdded'), { count: features.length - MAX_ROWS })}</td></tr>}
      </tbody>
    </table>
  );
}
