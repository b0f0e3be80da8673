import type { RawProject } from '../domain/changes/mergeProjectEdits';
import { contentVersionOf } from './contentVersion';

/**
 * A project's own version: the hash of its JSON as the layer holds it. A layer's version changes
 * with any project; a project's only with itself, so a conflict names exactly the projects two
 * editors both changed.
 */
export function projectVersionOf(project: RawProject): string {
  return contentVersionOf(Buffer.from(JSON.stringify(project)));
}

/** The projects of a layer's bytes as they are written (a layer the validator accepted). */
export function rawProjectsOf(bytes: Uint8Array): RawProject[] {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  const features = (JSON.parse(text) as { features?: unknown }).features;
  return Array.isArray(features) ? features.filter((feature): feature is RawProject => typeof feature === 'object' && feature !== null) : [];
}
