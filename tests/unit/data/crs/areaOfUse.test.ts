import { describe, expect, it } from 'vitest';
import { validateWithCrsRegistry as validateWithRegistry } from '../../../../src/data/crs/validateWithCrsRegistry';
import { readCrsDefinition } from '../../../../src/data/crs/readCrsDefinition';
import type { ValidateGeoJsonOptions } from '../../../../src/domain/validation/validateGeoJson';

const validateWithCrsRegistry = (input: string, options: ValidateGeoJsonOptions = {}) => validateWithRegistry(input, options, readCrsDefinition);

// docs/input-rules.md, C13: the data's extent against the CRS's area of use, in a technician's words.

const square = (x: number, y: number, sizeMeters = 100): string =>
  JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + sizeMeters, y], [x + sizeMeters, y + sizeMeters], [x, y + sizeMeters], [x, y]]] } }] });

describe('the extent against the CRS’s area of use', () => {
  it('names 8-digit eastings read in a zone without the prefix, and the code meant', async () => {
    const report = await validateWithCrsRegistry(square(36_572_182, 2_769_212), { declaredCrs: 'EPSG:4545' });
    expect(report.problems.map((problem) => problem.code)).toEqual(['CRS_AREA_MISMATCH']);
    expect(report.problems[0]?.message.en).toBe('eastings carry a zone prefix (8 digits, zone 36) but EPSG:4545 has none: did you mean EPSG:4524?');
  });

  it('names 6-digit eastings read in a zone with the prefix', async () => {
    const report = await validateWithCrsRegistry(square(572_182, 2_769_212), { declaredCrs: 'EPSG:4524' });
    expect(report.problems[0]?.message.en).toBe('eastings have no zone prefix (6 digits) but EPSG:4524 expects zone 36 in front: did you mean EPSG:4545?');
  });

  it('names a prefix of another zone, in the Xi’an 1980 family too', async () => {
    const report = await validateWithCrsRegistry(square(34_572_182, 2_769_212), { declaredCrs: 'EPSG:2360' });
    expect(report.problems[0]?.message.en).toBe('eastings carry zone 34 but EPSG:2360 is zone 36: did you mean EPSG:2358?');
  });

  it('refuses data that lands wholly outside the area of use (Chinese plane coordinates read as NZTM)', async () => {
    const report = await validateWithCrsRegistry(square(572_182, 2_769_212), { declaredCrs: 'EPSG:2193' });
    expect(report.problems.map((problem) => problem.code)).toEqual(['CRS_AREA_MISMATCH']);
    expect(report.problems[0]?.message.en).toMatch(/^converted as EPSG:2193 the data lies at .* wholly outside that CRS's area of use .*New Zealand.*: the coordinates are probably in another CRS; check it$/);
  });

  it('warns when the data reaches beyond the area of use', async () => {
    // 2.5° east of central meridian 102°E at 25°N: inside the plane, outside the 3° zone.
    const report = await validateWithCrsRegistry(square(500_000, 2_769_212, 260_000), { declaredCrs: 'EPSG:4543' });
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((warning) => warning.code)).toContain('CRS_AREA_MISMATCH');
  });
});
