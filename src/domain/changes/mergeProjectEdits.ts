/** A project as it came in the JSON: an object with an `id`; everything else is compared whole. */
export interface RawProject {
  id?: unknown;
  properties?: unknown;
}

/** A project both sides changed since the common version, differently: null where a side removed it. */
export interface ProjectConflict {
  id: string;
  mine: RawProject | null;
  theirs: RawProject | null;
}

export type ProjectMerge = { merged: RawProject[]; changedByMe: string[] } | { conflicts: ProjectConflict[] };

function byId(projects: readonly RawProject[]): Map<string, RawProject> {
  return new Map(projects.flatMap((project) => (typeof project.id === 'string' ? [[project.id, project] as const] : [])));
}

/**
 * A three-way merge of one layer by project id, as Git merges lines: the editor's changes since
 * the version they edited (`base`) are applied to the layer as it is now (`theirs`), unless
 * someone else changed one of the same projects differently meanwhile; then nothing is merged
 * and the conflicting projects are named. Projects are compared whole (`sameProject`), so two
 * editors changing different attributes of one project still conflict: a project's attributes
 * often depend on each other (status and its history), and the editor decides.
 * Order: the current layer's, with projects the editor added after it, in the editor's order.
 */
export function mergeProjectEdits(
  base: readonly RawProject[],
  mine: readonly RawProject[],
  theirs: readonly RawProject[],
  sameProject: (a: RawProject, b: RawProject) => boolean,
): ProjectMerge {
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const same = (a: RawProject | undefined, b: RawProject | undefined): boolean => (a === undefined || b === undefined ? a === b : sameProject(a, b));

  const changedByMe = [...new Set([...baseById.keys(), ...mineById.keys()])].filter((id) => !same(baseById.get(id), mineById.get(id)));
  const conflicts = changedByMe.flatMap((id): ProjectConflict[] => {
    const theirsNow = theirsById.get(id);
    const changedByThem = !same(baseById.get(id), theirsNow);
    if (!changedByThem || same(mineById.get(id), theirsNow)) return [];
    return [{ id, mine: mineById.get(id) ?? null, theirs: theirsNow ?? null }];
  });
  if (conflicts.length > 0) return { conflicts };

  const mineChanged = new Set(changedByMe);
  const merged: RawProject[] = [];
  for (const project of theirs) {
    const id = typeof project.id === 'string' ? project.id : undefined;
    if (id === undefined || !mineChanged.has(id)) merged.push(project);
    else {
      const replacement = mineById.get(id);
      if (replacement) merged.push(replacement);
    }
  }
  for (const project of mine) {
    const id = project.id as string;
    if (mineChanged.has(id) && !theirsById.has(id)) merged.push(project);
  }
  return { merged, changedByMe };
}
