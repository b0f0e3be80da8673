import { useTranslation } from '../../LocaleContext';
import type { MessageKey } from '../../messages';
import type { SavedDocument } from './useSavedDocument';

interface PlanSaveBarProps {
  plan: Pick<SavedDocument<unknown>, 'problems' | 'changes' | 'saveStatus' | 'save' | 'discard' | 'reload'>;
  /** The words of the save button and its outcome, the plan's unless told. */
  words?: { save: MessageKey; saved: MessageKey; stale: MessageKey };
}

const PLAN_WORDS = { save: 'adminSave', saved: 'adminSaved', stale: 'adminStale' } as const;

/** What is wrong, what would change, and the save: a document with problems cannot be saved. */
export function PlanSaveBar({ plan, words = PLAN_WORDS }: PlanSaveBarProps) {
  const t = useTranslation();
  const { problems, changes, saveStatus } = plan;
  const shownProblems = saveStatus.kind === 'refused' ? saveStatus.problems : problems;
  return (
    <div className="admin-save">
      {shownProblems.length > 0 && (
        <div className="form-error" role="alert">
          <p>{t('adminProblems')}</p>
          <ul className="admin-list">
            {shownProblems.map((problem) => <li key={`${problem.path} ${problem.code} ${problem.message.en}`}>{t.text(problem.message)}</li>)}
          </ul>
        </div>
      )}
      {changes.length > 0 ? (
        <div className="admin-changes">
          <p>{t('adminChanges')}</p>
          <ul className="admin-list">{changes.map((change) => <li key={`${change.path} ${change.text.en}`}>{t.text(change.text)}</li>)}</ul>
        </div>
      ) : saveStatus.kind !== 'saved' && <p className="muted">{t('adminNoChanges')}</p>}
      {saveStatus.kind === 'saved' && <p className="admin-saved" role="status">{t(words.saved)}</p>}
      {saveStatus.kind === 'failed' && <p className="form-error" role="alert">{t.text(saveStatus.message)}</p>}
      {saveStatus.kind === 'stale' && (
        <p className="form-error" role="alert">
          {t(words.stale)} <button type="button" className="button-quiet" onClick={plan.reload}>{t('adminReload')}</button>
        </p>
      )}
      <div className="admin-actions">
        <button type="button" className="admin-save-button" disabled={problems.length > 0 || changes.length === 0 || saveStatus.kind === 'saving'} onClick={() => void plan.save()}>
          {saveStatus.kind === 'saving' ? t('adminSaving') : t(words.save)}
        </button>
        <button type="button" className="button-quiet" disabled={changes.length === 0} onClick={plan.discard}>{t('adminDiscard')}</button>
      </div>
    </div>
  );
}
