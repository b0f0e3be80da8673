import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeProjectEdits, type RawProject } from '../../../../src/domain/changes/mergeProjectEdits';

const same = (a: RawProject, b: RawProject): boolean => JSON.stringify(a) === JSON.stringify(b);
const sample = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../../geodata/urban-villages.geojson'), 'utf8')) as { features: RawProject[] }).features;
const renamed = (project: RawProject, name: string): RawProject => ({ ...project, properties: { ...(project.properties as object), name } });
const ids = (projects: readonly RawProject[]): unknown[] => projects.map((project) => project.id);

describe('merging two editors’ changes to one layer by project', () => {
  const [first, second, third] = sample;
  if (!first || !second || !third) throw new Error('the sample has fewer than three urban villages');

  it('applies my change to a layer someone else changed in another project, keeping theirs', () => {
    const mine = sample.map((project) => (project === first ? renamed(first, '我改的') : project));
    const theirs = sample.map((project) => (project === second ? renamed(second, '他改的') : project));
    const result = mergeProjectEdits(sample, mine, theirs, same);
    if (!('merged' in result)) throw new Error('expected a merge');
    expect(ids(result.merged)).toEqual(ids(sample));
    expect(result.merged[0]).toEqual(renamed(first, '我改的'));
    expect(result.merged[1]).toEqual(renamed(second, '他改的'));
    expect(result.merged.slice(2)).toEqual(sample.slice(2));
    expect(result.changedByMe).toEqual([first.id]);
  });

  it('names the project both changed differently, with both versions, and merges nothing', () => {
    const mine = sample.map((project) => (project === first ? renamed(first, '我改的') : project));
    const theirs = sample.map((project) => (project === first ? renamed(first, '他改的') : project));
    expect(mergeProjectEdits(sample, mine, theirs, same)).toEqual({ conflicts: [{ id: first.id, mine: renamed(first, '我改的'), theirs: renamed(first, '他改的') }] });
  });

  it('takes the same change made by both as no conflict', () => {
    const both = sample.map((project) => (project === first ? renamed(first, '同样的') : project));
    const result = mergeProjectEdits(sample, both, both, same);
    expect('merged' in result && result.merged).toEqual(both);
  });

  it('adds my new project after theirs, removes the one I removed, and conflicts when they changed what I removed', () => {
    const added = { ...third, id: 'UV-NEW' };
    const mine = [...sample.filter((project) => project !== third), added];
    const theirs = [...sample, { ...second, id: 'UV-THEIRS' }];
    const result = mergeProjectEdits(sample, mine, theirs, same);
    if (!('merged' in result)) throw new Error('expected a merge');
    expect(ids(result.merged)).toEqual([...ids(sample.filter((project) => project !== third)), 'UV-THEIRS', 'UV-NEW']);

    const theyChangedIt = sample.map((project) => (project === third ? renamed(third, '他改的') : project));
    expect(mergeProjectEdits(sample, mine, theyChangedIt, same)).toEqual({ conflicts: [{ id: third.id, mine: null, theirs: renamed(third, '他改的') }] });
  });

  it('conflicts when both added a project under one id with different content', () => {
    const mine = [...sample, { ...first, id: 'UV-X' }];
    const theirs = [...sample, { ...second, id: 'UV-X' }];
    const result = mergeProjectEdits(sample, mine, theirs, same);
    expect('conflicts' in result && result.conflicts.map((conflict) => conflict.id)).toEqual(['UV-X']);
  });
});
