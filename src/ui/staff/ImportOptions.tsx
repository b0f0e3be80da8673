import type { CheckedImport } from '../../data/import/checkedImport';
import { useTranslation } from '../LocaleContext';

interface ImportOptionsProps {
  checked: CheckedImport;
  validOnly: boolean;
  onValidOnly: (validOnly: boolean) => void;
  merge: boolean;
  onMerge: (merge: boolean) => void;
}

/** Whether the file replaces the layer or adds to it, and whether features with problems stay out. */
export function ImportOptions({ checked, validOnly, onValidOnly, merge, onMerge }: ImportOptionsProps) {
  const t = useTranslation();
  const rejected = checked.validOnly?.rejected ?? [];
  return (
    <div className="import-options">
      <fieldset className="import-mode">
        <legend>{t('importModeLabel')}</legend>
        <label><input type="radio" name="import-mode" value="replace" checked={!merge} onChange={() => onMerge(false)} /> {t('importModeReplace')}</label>
        <label><input type="radio" name="import-mode" value="merge" checked={merge} onChange={() => onMerge(true)} /> {t('importModeMerge')}</label>
      </fieldset>
      {checked.report.problems.length > 0 && checked.validOnly && (
        <div className="valid-only">
          <label><input type="checkbox" className="valid-only-toggle" checked={validOnly} onChange={(event) => onValidOnly(event.target.checked)} /> {t('validOnly')}</label>
          {validOnly && (
            <p className="rejected-features">{t('rejectedFeatures')}: {rejected.map((entry) => entry.featureId ?? entry.featureName ?? `#${entry.featureIndex + 1}`).join(', ')}</p>
          )}
        </div>
      )}
    </div>
  );
}
