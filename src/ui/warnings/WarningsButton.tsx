import type { DistrictWarnings } from '../../domain/progress/districtWarnings';
import './warnings.css';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

interface WarningsButtonProps {
  warnings: DistrictWarnings;
  open: boolean;
  onToggle: () => void;
}

/** 监测预警 · 逾期 1 个 · 30 天内到期 1 个, atop the right-hand column: what is late on the day shown; opens the list. */
export function WarningsButton({ warnings, open, onToggle }: WarningsButtonProps) {
  const t = useTranslation();
  return (
    <button
      type="button"
      className={`warnings-button${warnings.overdue > 0 ? ' has-overdue' : ''}`}
      aria-expanded={open}
      data-testid="warnings-button"
      onClick={onToggle}
    >
      <strong>{t('warningsTitle')}</strong>
      <span>{fillMessage(t('warningsSummary'), { overdue: warnings.overdue, soon: warnings.dueSoon })}</span>
    </button>
  );
}
