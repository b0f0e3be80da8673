import { outsideScope, type EditScope } from '../../domain/access/editScope';
import type { PlanFeature } from '../../domain/plan/planFeature';
import { useTranslation } from '../LocaleContext';

const NOTE = { layer: 'outsideScopeLayer', 'sub-district': 'outsideScopeSubDistrict', 'no-sub-district': 'outsideScopeNoSubDistrict' } as const;

/** In place of the editing controls: why this project is read-only for the signed-in account (nothing when it is not). */
export function OutsideScopeNote({ scope, layerId, feature }: { scope: EditScope | null; layerId: string; feature: PlanFeature }) {
  const t = useTranslation();
  const outside = outsideScope(scope ?? undefined, layerId, feature);
  if (!outside) return null;
  return <p className="outside-scope muted" role="note">{t(NOTE[outside.reason])}</p>;
}
