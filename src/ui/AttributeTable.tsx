import type { LayerDefinition } from '../domain/plan/manifest';
import type { PlanFeatureProperties } from '../domain/plan/planFeature';
import { useTranslation } from './LocaleContext';
import { planDatesText } from './warnings/planDatesText';

/** Values that are not plain text (objects, arrays) are shown as their JSON, still as text. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Every attribute of the feature, the manifest's labelled ones first, then any others staff added. */
export function AttributeTable({ definition, properties }: { definition: LayerDefinition; properties: PlanFeatureProperties }) {
  const t = useTranslation();
  const known = definition.attributes ?? [];
  // Name, status and history have their own places in the details card.
  const knownKeys = new Set(['name', 'status', 'history', ...known.map((attribute) => attribute.property)]);
  const rows: { key: string; label: string; value: string }[] = [];
  for (const attribute of known) {
    if (!(attribute.property in properties)) continue;
    const raw = properties[attribute.property];
    const valueLabel = typeof raw === 'string' ? attribute.values?.[raw] : undefined;
    rows.push({ key: attribute.property, label: t.text(attribute.label), value: valueLabel ? t.text(valueLabel) : asText(raw) });
  }
  for (const [key, value] of Object.entries(properties)) {
    if (knownKeys.has(key)) continue;
    const planDates = key === 'plan_dates' ? planDatesText(definition, value, t) : null;
    if (planDates !== null) rows.push({ key, label: t('warningPlanDates'), value: planDates });
    else rows.push({ key, label: key === 'unit_in_charge' ? t('warningUnit') : key, value: asText(value) });
  }
  return (
    <table className="attribute-table">
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" title={row.key}>{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
