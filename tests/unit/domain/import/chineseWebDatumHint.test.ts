/** A DataV/ECharts map file is recognised as GCJ-02, so the import can say so. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseWebDatumHint } from '../../../../src/domain/import/chineseWebDatumHint';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { projectRoot } from '../../../support/runCli';

const fixture = (name: string): Buffer => readFileSync(join(projectRoot, 'tests', 'fixtures', 'import', name));

describe('DataV and ECharts map files', () => {
  it('are recognised by their adcode with acroutes or parent, and named GCJ-02 with the fields that tell', () => {
    const report = validateGeoJson(fixture('datav-530112.json'));
    expect(report.datumHint?.datum).toBe('gcj02');
    expect(report.datumHint?.fields).toEqual(['adcode', 'acroutes', 'parent', 'childrenNum', 'centroid', 'level']);
    expect(report.datumHint?.reason.zh).toContain('DataV/ECharts 行政区地图的字段（adcode、acroutes、parent）');
    expect(report.datumHint?.reason.en).toContain("Amap's GCJ-02");
  });

  it('keep the hint once converted, so the reason can still be shown', () => {
    expect(validateGeoJson(fixture('datav-530112.json'), { convertFrom: 'gcj02' }).datumHint?.datum).toBe('gcj02');
  });

  it('are not confused with files that merely have a code or a level', () => {
    expect(validateGeoJson(fixture('plain.geojson')).datumHint).toBeUndefined();
    expect(chineseWebDatumHint([{ adcode: 530112, name: '西山区' }, { level: 'district' }])).toBeUndefined();
    expect(chineseWebDatumHint([null, 'text', { adcode: 1, parent: { adcode: 0 } }])?.fields).toEqual(['adcode', 'parent']);
  });
});
