import { draftChangedFeatureCount } from '../../domain/edits/draftChangedFeatureCount';
import { formatLocalDateTime } from '../../domain/format/formatLocalDateTime';
import { formatCount } from '../../domain/format/formatMeasure';
import type { Manifest } from '../../domain/plan/manifest';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import type { StaffEditing } from './useStaffEditing';

/**
 * Every stored draft of this editor (from this tab before a reload, other tabs, closed or crashed
 * ones), newest first, each restorable or discardable on its own: restoring one keeps the others.
 */
export function DraftOfferList({ manifest, editing }: { manifest: Manifest; editing: StaffEditing }) {
  const t = useTranslation();
  const offers = editing.state.draftOffers
    .flatMap((offer) => {
      const definition = manifest.layers.find((layer) => layer.id === offer.draft.layerId);
      return definition ? [{ offer, definition }] : [];
    })
    .sort((a, b) => b.offer.draft.savedAt.localeCompare(a.offer.draft.savedAt));
  return (
    <>
      {offers.map(({ offer: { key, draft }, definition }) => (
        <div className="draft-offer" role="alert" key={key} data-layer-id={draft.layerId}>
          <span>
            {t('draftFound')} · {t.text(definition.name)} · <time dateTime={draft.savedAt}>{formatLocalDateTime(draft.savedAt)}</time> ·{' '}
            <span className="draft-summary">{fillMessage(t('draftChangedCount'), { count: formatCount(draftChangedFeatureCount(draft), t.locale) })}</span>
          </span>
          <button type="button" className="restore-draft" onClick={() => void editing.restoreDraft(key)}>{t('restore')}</button>
          <button type="button" className="button-quiet discard-draft" onClick={() => editing.discardDraft(key)}>{t('discard')}</button>
        </div>
      ))}
    </>
  );
}
