import type { LayerDefinition } from '../../domain/plan/manifest';
import { readablePlanDates } from '../../domain/columns/planDateColumns';
import type { useTranslation } from '../LocaleContext';

/** A project's plan_dates as the details card shows them: "已拆除 2026-06-30；已改造 2027-06-30"; null when it has none it can read. */
export function planDatesText(definition: LayerDefinition, value: unknown, t: ReturnType<typeof useTranslation>): string | null {
  const dates = readablePlanDates(value);
  if (dates.length === 0) return null;
  const labelOf = (statusId: string) => {
    const status = definition.statuses.find((candidate) => candidate.id === statusId);
    return status ? t.text(status.label) : statusId;
  };
  return dates.map(([statusId, date]) => `${labelOf(statusId)} ${date}`).join(t.locale === 'zh' ? '；' : '; ');
}
