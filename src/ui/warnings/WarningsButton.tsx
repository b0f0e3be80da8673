import type { DistrictWarnings } from '../../domain/progress/districtWarnings';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

interface WarningsButtonProps {
  warnings: DistrictWarnings;
  open: boolean;
  onToggle: () => void;
}

/** 预警 N in the top bar: the number of late projects on the day shown; opens and closes the list. */
export function WarningsButton({ warnings, open, onToggle }: WarningsButtonProps) {
  const t = useTranslation();
  const count = warnings.overdue + warnings.dueSoon;
  return (
    <button
      type="button"
      className={`button-quiet warnings-button${warnings.overdue > 0 ? ' has-overdue' : ''}`}
      aria-expanded={open}
      data-testid="warnings-button"
      onClick={onToggle}
    >
      {fillMessage(t('warningsOpen'), { count })}
    </button>
  );
}
