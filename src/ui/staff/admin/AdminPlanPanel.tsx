import { useState } from 'react';
import { useTranslation } from '../../LocaleContext';
import type { StaffSession } from '../useStaffSession';
import { DatumShiftsSection } from './DatumShiftsSection';
import { DistrictFields } from './DistrictFields';
import { LayerStatusFields } from './LayerStatusFields';
import { LayerTargetFields } from './LayerTargetFields';
import { PlanHistory } from './PlanHistory';
import { PlanSaveBar } from './PlanSaveBar';
import { usePlanDocument } from './usePlanDocument';

interface AdminPlanPanelProps {
  staff: StaffSession;
  onClose: () => void;
}

/**
 * The admin screen for the plan itself (layers.json): the district and its plan period, each
 * layer's targets and its status labels and colours, checked as they are typed by the rules
 * check-data uses, saved through the same conditional, versioned, audited store as the layers;
 * and, on a tab of its own, the datum-shift profiles (datum-shifts.json).
 */
export function AdminPlanPanel({ staff, onClose }: AdminPlanPanelProps) {
  const t = useTranslation();
  const plan = usePlanDocument(staff);
  const [layerId, setLayerId] = useState<string | null>(null);
  const [tab, setTab] = useState<'plan' | 'datum'>('plan');
  const { draft } = plan;
  const layerIndex = draft ? Math.max(0, draft.layers.findIndex((layer) => layer.id === layerId)) : 0;
  const layer = draft?.layers[layerIndex];
  return (
    <section className="history-panel admin-panel" aria-label={t('adminTitle')}>
      <header>
        <h3>{t('adminTitle')}</h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      <div className="admin-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'plan'} onClick={() => setTab('plan')}>{t('adminOpen')}</button>
        <button type="button" role="tab" aria-selected={tab === 'datum'} className="open-datum-shifts" onClick={() => setTab('datum')}>{t('adminDatumShifts')}</button>
      </div>
      {tab === 'datum' && <DatumShiftsSection staff={staff} />}
      {tab === 'plan' && plan.status === 'loading' && <p className="muted" role="status">{t('adminLoading')}</p>}
      {tab === 'plan' && plan.status === 'failed' && <p className="form-error" role="alert">{t('adminLoadFailed')}</p>}
      {tab === 'plan' && plan.status === 'ready' && draft && (
        <>
          <DistrictFields draft={draft} edit={plan.edit} />
          <label className="admin-layer-choice">
            {t('adminLayer')}
            <select value={layer?.id ?? ''} onChange={(event) => setLayerId(event.target.value)}>
              {draft.layers.map((candidate) => <option key={candidate.id} value={candidate.id}>{t.text(candidate.name)}</option>)}
            </select>
          </label>
          {layer && <LayerTargetFields layer={layer} layerIndex={layerIndex} edit={plan.edit} />}
          {layer && <LayerStatusFields layer={layer} layerIndex={layerIndex} edit={plan.edit} />}
          <PlanSaveBar plan={plan} />
          <PlanHistory staff={staff} plan={plan} />
        </>
      )}
    </section>
  );
}
