import type { RawProject } from '../domain/changes/mergeProjectEdits';
import { featureCollectionText } from './featureCollectionText';
import { rawProjectsOf } from './projectVersion';

/** One project save: the project's JSON as the layer holds it, or null when it was removed. */
export interface ProjectEdit {
  id: string;
  text: string | null;
}

/**
 * A layer's bytes with project saves put in, in order, as the file store writes the layer after
 * each: a changed project in its place, a new one after the last, a removed one left out, one
 * project per line (featureCollectionText). No edits: the bytes as they are.
 */
export function layerWithProjectEdits(bytes: Uint8Array, edits: readonly ProjectEdit[]): Buffer {
  if (edits.length === 0) return Buffer.from(bytes);
  const projects: (RawProject | null)[] = rawProjectsOf(bytes);
  const placeOf = new Map<unknown, number>();
  projects.forEach((project, index) => {
    if (project && !placeOf.has(project.id)) placeOf.set(project.id, index);
  });
  for (const edit of edits) {
    const place = placeOf.get(edit.id);
    const project = edit.text === null ? null : (JSON.parse(edit.text) as RawProject);
    if (place === undefined) {
      if (!project) continue;
      placeOf.set(edit.id, projects.length);
      projects.push(project);
    } else if (project) projects[place] = project;
    else {
      projects[place] = null;
      placeOf.delete(edit.id);
    }
  }
  return Buffer.from(featureCollectionText(projects.filter((project): project is RawProject => project !== null)));
}
