import type { ValidationIssue, ValidationReport } from '../../domain/validation/validationReport';
import { issueTextWithoutFeature } from '../../domain/validation/issueTextWithoutFeature';
import { useTranslation } from '../LocaleContext';

interface ImportReportProps {
  report: ValidationReport;
  onShowIssue: (issue: ValidationIssue) => void;
  /** The plan fields are not mapped yet: the check so far cannot clear the file. */
  needsMapping: boolean;
  /** Figures out of the ordinary (src/domain/plausibility): a save needs the user's confirmation of them. */
  figures?: ValidationIssue[];
  onShowFigure?: (issue: ValidationIssue) => void;
}

function IssueList({ issues, onShowIssue, className }: { issues: ValidationIssue[]; onShowIssue: ImportReportProps['onShowIssue']; className: string }) {
  const t = useTranslation();
  return (
    <ul className={className}>
      {issues.map((issue, index) => (
        <li key={`${issue.code}-${index}`} data-code={issue.code}>
          <button type="button" className="link-button" onClick={() => onShowIssue(issue)} disabled={issue.featureIndex === undefined && !issue.location}>
            {issue.featureIndex !== undefined && <code>#{issue.featureIndex + 1}{issue.featureId ? ` ${issue.featureId}` : ''}</code>}
            {issue.featureName ? ` ${issue.featureName}` : ''} {t.text(issueTextWithoutFeature(issue))}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The validator's findings; each one with a place flies the map there. */
export function ImportReport({ report, onShowIssue, needsMapping, figures = [], onShowFigure = onShowIssue }: ImportReportProps) {
  const t = useTranslation();
  return (
    <div className="import-report">
      <h4>{t('importProblems')}</h4>
      {figures.length > 0 && (
        <div className="import-figures" role="alert">
          <p className="form-error">{t('importFiguresNeedConfirmation')}</p>
          <IssueList issues={figures} onShowIssue={onShowFigure} className="import-figure-list" />
        </div>
      )}
      {report.problems.length > 0
        ? <IssueList issues={report.problems} onShowIssue={onShowIssue} className="import-problems" />
        : needsMapping ? <p className="import-needs-mapping muted" role="status">{t('importReportNeedsMapping')}</p> : figures.length === 0 && <p className="save-ok">{t('noProblems')}</p>}
      {report.warnings.length > 0 && (
        <>
          <h4>{t('importWarnings')}</h4>
          <IssueList issues={report.warnings} onShowIssue={onShowIssue} className="import-warnings" />
        </>
      )}
    </div>
  );
}
