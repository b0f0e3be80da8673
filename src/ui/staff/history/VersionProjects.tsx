import { formatCount } from '../../../domain/format/formatMeasure';
import type { ChangedProject } from '../../../domain/versions/layerVersion';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';

/** Enough to recognise a save at a glance; the rest are counted. */
const SHOWN_PROJECTS = 3;

/**
 * The projects a save touched, by name and id ("新增 光明村 UV-031、马家庄 UV-005 +2 项"). A name the
 * record lacks (saved before records named projects) comes from the layer as shown, if it is there.
 */
export function VersionProjects({ projects, nameOf }: { projects: readonly ChangedProject[]; nameOf: (id: string) => string | null }) {
  const t = useTranslation();
  if (projects.length === 0) return null;
  const hidden = projects.length - SHOWN_PROJECTS;
  return (
    <span className="version-projects">
      {projects.slice(0, SHOWN_PROJECTS).map((project, index) => (
        <span key={`${project.change}:${project.id}`} className="version-project" data-feature-id={project.id} data-change={project.change}>
          {index > 0 && (t.locale === 'zh' ? '、' : ', ')}
          {project.change === 'added' && `${t('addedMark')} `}
          {project.change === 'removed' && `${t('deletedMark')} `}
          {project.name ?? nameOf(project.id) ?? ''} <code>{project.id}</code>
        </span>
      ))}
      {hidden > 0 && ' '}
      {hidden > 0 && <span className="version-more-projects">{fillMessage(t('versionMoreProjects'), { count: formatCount(hidden, t.locale) })}</span>}
    </span>
  );
}
