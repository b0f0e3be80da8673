/** An import opens on the layer its file's name names, matched to the manifest's ids and names. */
import { describe, expect, it } from 'vitest';
import { layerNamedInFileName } from '../../../../src/domain/import/layerNamedInFileName';
import { projectManifest } from '../../../support/inputCases';

const named = (fileName: string) => layerNamedInFileName(fileName, projectManifest.layers);

describe('the layer a file name names', () => {
  it.each([
    ['绿地.geojson', 'green-space', '绿地'],
    ['公园绿地范围.json', 'green-space', '绿地'],
    ['城市绿地2025.zip', 'green-space', '城市绿地'],
    ['green.json', 'green-space', 'green'],
    ['greenspace_2025.geojson', 'green-space', 'green-space'],
    ['GreenSpace.kml', 'green-space', 'green-space'],
    ['道路中心线.zip', 'roads', '道路'],
    ['roads.geojson', 'roads', 'roads'],
    ['城中村改造.zip', 'urban-villages', '城中村'],
    ['老旧小区.geojson', 'old-neighborhoods', '老旧小区'],
    ['闲置土地.json', 'idle-land', '闲置'],
    ['湖岸.kml', 'lakeshore', '湖岸'],
  ])('%s → %s (by “%s”)', (fileName, layerId, matched) => {
    expect(named(fileName)).toEqual({ layerId, matched });
  });

  it.each(['530112.json', 'survey.geojson', '村庄测绘.zip', 'landuse.json', '城市道路.geojson'])('%s names no layer, or two equally', (fileName) => {
    expect(named(fileName)).toBeUndefined();
  });
});
