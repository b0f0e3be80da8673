import { useState } from 'react';
import type { MessageKey } from '../messages';
import { useTranslation } from '../LocaleContext';
import { fillMessage } from '../fillMessage';
import type { ImportBlockReason } from './importBlockReason';

const REASON_MESSAGES: Record<ImportBlockReason, MessageKey> = {
  checking: 'importBlockedChecking',
  unreadable: 'importBlockedUnreadable',
  mapping: 'importBlockedMapping',
  problems: 'importBlockedProblems',
  unchanged: 'importBlockedUnchanged',
};

interface ImportActionsProps {
  blockReason: ImportBlockReason | null;
  /** The layer's working copy differs from the saved version. */
  dirty: boolean;
  /** Existing projects that pressing Save deletes from the saved layer. */
  removedCount: number;
  /** The import was saved from this panel: nothing is left to do but close. */
  saved: boolean;
  layerName: string;
  onPreview: () => void;
  onSave: () => void;
  onClose: () => void;
}

/**
 * Preview and Save of an import, with the reason when they are refused, a confirmation before a
 * save deletes existing projects (a replace by a smaller file), and the saved state afterwards.
 */
export function ImportActions({ blockReason, dirty, removedCount, saved, layerName, onPreview, onSave, onClose }: ImportActionsProps) {
  const t = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (saved) {
    return (
      <div className="dialog-actions import-saved">
        <p className="import-saved-message" role="status">{fillMessage(t('importSaved'), { layer: layerName })}</p>
        <button type="button" className="close-import" onClick={onClose}>{t('close')}</button>
      </div>
    );
  }
  const save = () => {
    if (removedCount > 0) setConfirming(true);
    else onSave();
  };
  return (
    <>
      {blockReason && <p className="import-blocked muted" role="status" data-reason={blockReason}>{t(REASON_MESSAGES[blockReason])}</p>}
      {confirming && removedCount > 0 ? (
        <div className="import-confirm-removal" role="alertdialog" aria-label={fillMessage(t('importConfirmRemoval'), { count: removedCount })}>
          <p className="form-error">{fillMessage(t('importConfirmRemoval'), { count: removedCount })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(false)}>{t('cancel')}</button>
            <button type="button" className="confirm-removal" onClick={() => { setConfirming(false); onSave(); }}>{t('importConfirmRemovalYes')}</button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          {blockReason !== 'unchanged' && <button type="button" className="preview-import" disabled={blockReason !== null} onClick={onPreview}>{t('showOnMap')}</button>}
          <button type="button" className="save-import" disabled={(blockReason !== null && blockReason !== 'unchanged') || !dirty} onClick={save}>{t('save')}</button>
        </div>
      )}
    </>
  );
}
