/** The import's target layer is the file name's, else the one in view, else the first: never the first layer whatever the file. */
import { describe, expect, it } from 'vitest';
import { initialImportTarget, layerInViewOf } from '../../../src/ui/staff/importTarget';
import { projectManifest } from '../../support/inputCases';

const allBut = (layerId: string) => projectManifest.layers.map((layer) => layer.id).filter((id) => id !== layerId);

describe('the layer in view', () => {
  it('is the open project\'s layer, else the only layer shown, else none', () => {
    expect(layerInViewOf(projectManifest, { selected: { layerId: 'lakeshore', featureId: 'LS-03' }, hiddenLayerIds: [] })).toBe('lakeshore');
    expect(layerInViewOf(projectManifest, { selected: null, hiddenLayerIds: allBut('roads') })).toBe('roads');
    expect(layerInViewOf(projectManifest, { selected: null, hiddenLayerIds: ['roads'] })).toBeNull();
  });
});

describe('the layer an import opens on', () => {
  it('follows the file name first, then the layer in view, then the first layer', () => {
    expect(initialImportTarget('绿地.geojson', projectManifest, 'roads')).toEqual({ layerId: 'green-space', reason: 'file-name', matched: '绿地' });
    expect(initialImportTarget('survey.geojson', projectManifest, 'roads')).toEqual({ layerId: 'roads', reason: 'in-view' });
    expect(initialImportTarget('survey.geojson', projectManifest, null)).toEqual({ layerId: 'urban-villages', reason: 'first' });
  });
});
