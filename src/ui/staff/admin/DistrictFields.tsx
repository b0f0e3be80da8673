import type { Manifest } from '../../../domain/plan/manifest';
import { useTranslation } from '../../LocaleContext';

interface DistrictFieldsProps {
  draft: Manifest;
  edit: (change: (draft: Manifest) => void) => void;
}

/** The district's names and the plan period. */
export function DistrictFields({ draft, edit }: DistrictFieldsProps) {
  const t = useTranslation();
  const { district } = draft;
  return (
    <fieldset className="admin-fields">
      <legend>{t('adminDistrict')}</legend>
      <label>
        {t('adminNameZh')}
        <input value={district.name.zh} onChange={(event) => { const value = event.target.value; edit((plan) => { plan.district.name.zh = value; }); }} />
      </label>
      <label>
        {t('adminNameEn')}
        <input value={district.name.en} onChange={(event) => { const value = event.target.value; edit((plan) => { plan.district.name.en = value; }); }} />
      </label>
      <label>
        {t('adminPlanStart')}
        <input type="date" value={district.planStart} onChange={(event) => { const value = event.target.value; edit((plan) => { plan.district.planStart = value; }); }} />
      </label>
      <label>
        {t('adminPlanEnd')}
        <input type="date" value={district.planEnd} onChange={(event) => { const value = event.target.value; edit((plan) => { plan.district.planEnd = value; }); }} />
      </label>
    </fieldset>
  );
}
