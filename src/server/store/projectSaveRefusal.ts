import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import { projectVersionOf } from '../../data/projectVersion';
import type { ProjectConflictVersions, ProjectContent, SaveOutcome } from './planStore';

/** A project as stored, as a project save's conditions need it. */
export interface StoredProjectState {
  version: string;
  name: string | null;
}

/**
 * Why a save of one project may not go ahead against the project as stored (null: the layer has
 * none of that id), or null when it may: the same content (unchanged), a project that is gone,
 * or one changed since the client read it (stale, naming both versions).
 */
export function projectSaveRefusal(content: ProjectContent, existing: StoredProjectState | null, layerVersion: string): Exclude<SaveOutcome, { kind: 'saved' }> | null {
  const yourVersion = content.project ? projectVersionOf(content.project) : null;
  if (yourVersion !== null && yourVersion === existing?.version) return { kind: 'unchanged', version: layerVersion };
  if (content.expectedVersion !== null && !existing) return { kind: 'project-missing', currentVersion: layerVersion };
  if ((existing?.version ?? null) !== content.expectedVersion) {
    const conflict: ProjectConflictVersions = { id: content.projectId, name: projectName(content.project) ?? existing?.name ?? null, yourVersion, currentVersion: existing?.version ?? null };
    return { kind: 'stale', currentVersion: layerVersion, conflicts: [conflict] };
  }
  return null;
}

/** A project's name, as conflicts name it, or null. */
export function projectName(project: RawProject | null): string | null {
  const name = (project?.properties as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : null;
}
