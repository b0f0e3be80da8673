import { describe, expect, it } from 'vitest';
import { featureCollectionText } from '../../../src/data/featureCollectionText';
import { layerWithProjectEdits, type ProjectEdit } from '../../../src/data/layerWithProjectEdits';
import { rawProjectsOf } from '../../../src/data/projectVersion';

const project = (id: string, name: string) => ({ type: 'Feature', id, properties: { name }, geometry: { type: 'Point', coordinates: [114.1, 30.5] } });

/** A layer as imported: any formatting, which the first project save replaces by one project per line. */
const imported = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [project('A', 'a'), project('B', 'b'), project('C', 'c')] }, null, 2));

describe('layerWithProjectEdits', () => {
  it('keeps the bytes as they are when no project was saved', () => {
    expect(layerWithProjectEdits(imported, []).equals(imported)).toBe(true);
  });

  it('puts a changed project in its place, a new one last, and leaves a removed one out, one project per line', () => {
    const edits = [
      { id: 'B', text: JSON.stringify(project('B', 'b2')) },
      { id: 'D', text: JSON.stringify(project('D', 'd')) },
      { id: 'A', text: null },
      { id: 'D', text: JSON.stringify(project('D', 'd2')) },
    ];
    expect(layerWithProjectEdits(imported, edits).toString('utf8')).toBe(featureCollectionText([project('B', 'b2'), project('C', 'c'), project('D', 'd2')]));
  });

  it('adds a removed project again after the last, as a new one', () => {
    const bytes = layerWithProjectEdits(imported, [{ id: 'A', text: null }, { id: 'A', text: JSON.stringify(project('A', 'again')) }]);
    expect(rawProjectsOf(bytes).map((feature) => feature.id)).toEqual(['B', 'C', 'A']);
  });

  it('gives the same bytes applied in one go or one save at a time', () => {
    const edits: ProjectEdit[] = [{ id: 'C', text: null }, { id: 'E', text: JSON.stringify(project('E', 'e')) }, { id: 'B', text: JSON.stringify(project('B', 'b3')) }];
    const stepwise = edits.reduce((bytes: Buffer, edit) => layerWithProjectEdits(bytes, [edit]), imported);
    expect(layerWithProjectEdits(imported, edits).equals(stepwise)).toBe(true);
  });
});
