import type { ImportProgress } from '../../data/import/importJob';
import type { MessageKey } from '../messages';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';

const STAGE_MESSAGES: Record<ImportProgress['stage'], MessageKey> = {
  reading: 'importStageReading',
  'reading-zip': 'importStageReadingZip',
  'reading-kml': 'importStageReadingKml',
  'reading-json': 'importStageReadingJson',
  parsing: 'importStageParsing',
  structure: 'importStageStructure',
  geometry: 'importStageGeometry',
  attributes: 'importStageAttributes',
};

interface ImportProgressBarProps {
  progress: ImportProgress | null;
  /** Features in the finished check, shown once the work is done. */
  checkedFeatureCount: number | undefined;
  onCancel: () => void;
}

/** What the import is doing while it runs, with a way to stop it; a one-line summary once it is done. */
export function ImportProgressBar({ progress, checkedFeatureCount, onCancel }: ImportProgressBarProps) {
  const t = useTranslation();
  if (!progress) {
    if (checkedFeatureCount === undefined) return null;
    return (
      <div className="import-progress" data-stage="done" role="status">
        <progress value={1} max={1} />
        <span>{fillMessage(t('importStageDone'), { count: checkedFeatureCount })}</span>
      </div>
    );
  }
  const counted = progress.stage === 'geometry' && progress.total > 0;
  return (
    <div className="import-progress" data-stage={progress.stage} role="status" aria-busy="true">
      {/* Without a count the bar is indeterminate rather than stuck at zero. */}
      {counted ? <progress value={progress.done} max={progress.total} /> : <progress />}
      <span>{fillMessage(t(STAGE_MESSAGES[progress.stage]), { done: progress.done, total: progress.total })}</span>
      <button type="button" className="cancel-import" onClick={onCancel}>{t('cancelImport')}</button>
    </div>
  );
}
