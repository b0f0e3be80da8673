import type { LayerDefinition } from '../../domain/plan/manifest';
import type { ProjectWarning } from '../../domain/progress/projectWarnings';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

/** "逾期 12 天", "3 天后到期", "今日到期": how late a project is on the day shown. */
export function useLatenessText(): (warning: ProjectWarning) => string {
  const t = useTranslation();
  return (warning) => {
    if (warning.kind === 'dueSoon') return fillMessage(t('warningDaysLeft'), { days: -warning.daysLate });
    return warning.daysLate === 0 ? t('warningDueToday') : fillMessage(t('warningDaysLate'), { days: warning.daysLate });
  };
}

interface WarningRowProps {
  definition: LayerDefinition;
  warning: ProjectWarning;
  name: string;
  selected: boolean;
  onOpen: () => void;
}

/** One late project: its name, the status it was planned to reach and when, how late, and who is in charge. Data is shown as text. */
export function WarningRow({ definition, warning, name, selected, onOpen }: WarningRowProps) {
  const t = useTranslation();
  const lateness = useLatenessText();
  const planned = definition.statuses.find((status) => status.id === warning.status);
  return (
    <li>
      <button
        type="button"
        className={`warning-row warning-${warning.kind}${selected ? ' is-selected' : ''}`}
        aria-pressed={selected}
        data-feature-id={warning.featureId}
        data-kind={warning.kind}
        onClick={onOpen}
      >
        <span className="warning-name">{name}</span>
        <span className="warning-days" data-testid="warning-days">{lateness(warning)}</span>
        <span className="warning-detail">
          {fillMessage(t('warningPlanned'), { status: planned ? t.text(planned.label) : warning.status })}
          {' · '}{t('warningDue')} <time dateTime={warning.due}>{warning.due}</time>
          {warning.unitInCharge && <>{' · '}{t('warningUnit')} {warning.unitInCharge}</>}
        </span>
      </button>
    </li>
  );
}
