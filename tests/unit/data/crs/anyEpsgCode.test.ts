import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { validateWithCrsRegistry } from '../../../../src/data/crs/validateWithCrsRegistry';
import { importFile } from '../../../../src/data/import/importFile';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { referenceArea } from '../../../support/geodesicReference';
import { readCrsDefinition } from '../../../../src/data/crs/readCrsDefinition';
import { crsFixtureBytes, cs2csReference, largestDegreeDifference, largestDegreeDistanceToNearest } from '../../../support/crsFixtures';

// docs/input-rules.md, C2: any EPSG code proj4 can express, from the registry, placed where an
// independent computation (cs2cs, PROJ 9) puts it, and measured within 1e-6 of GeographicLib.

/** A millionth of a degree is about 10 cm; the coordinates agree far closer than that. */
const DEGREES_TOLERANCE = 1e-8;

describe('a projected file outside China: New Zealand Transverse Mercator (EPSG:2193)', () => {
  const reference = cs2csReference('nz-south-island.cs2cs-lonlat.json');

  it('is read through the EPSG registry (the browser’s lazy chunk) and placed where cs2cs places it', async () => {
    const report = await validateWithCrsRegistry(crsFixtureBytes('nz-south-island.nztm.geojson'));
    expect(report.problems).toEqual([]);
    expect(report.reprojection).toEqual({ from: 'EPSG:2193', to: 'EPSG:4326' });
    // Natural Earth winds the island clockwise; GeoJSON's right-hand rule wants it the other way.
    expect(report.warnings.map((warning) => warning.code)).toEqual(['REPROJECTED', 'WINDING_REWOUND']);
    const polygon = report.collection?.features[0]?.geometry as Polygon;
    expect(largestDegreeDifference([...(polygon.coordinates[0] ?? [])].reverse(), reference.lonLat)).toBeLessThan(DEGREES_TOLERANCE);
  });

  it('reads the same definition one file at a time on Node', async () => {
    const report = await validateWithCrsRegistry(crsFixtureBytes('nz-south-island.nztm.geojson'), {}, readCrsDefinition);
    const polygon = report.collection?.features[0]?.geometry as Polygon;
    expect(largestDegreeDifference([...(polygon.coordinates[0] ?? [])].reverse(), reference.lonLat)).toBeLessThan(DEGREES_TOLERANCE);
  });

  it('measures the island within 1e-6 of GeographicLib on the same vertices', async () => {
    const report = await validateWithCrsRegistry(crsFixtureBytes('nz-south-island.nztm.geojson'), {}, readCrsDefinition);
    const geometry = report.collection?.features[0]?.geometry ?? null;
    const expected = referenceArea({ type: 'Polygon', coordinates: [reference.lonLat] });
    expect(expected).toBeGreaterThan(1e11);
    expect(Math.abs(areaSquareMeters(geometry) / expected - 1)).toBeLessThan(1e-6);
  });

  it('reads a shapefile whose .prj is ESRI WKT without an EPSG code by its own definition', async () => {
    const imported = await importFile('nz-south-island.nztm-esri-prj.zip', crsFixtureBytes('nz-south-island.nztm-esri-prj.zip'));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const layer = imported.layers[0];
    expect(layer?.crs?.epsg).toBeUndefined();
    expect(layer?.crs?.wkt).toMatch(/^PROJCS\["NZGD_2000_New_Zealand_Transverse_Mercator"/);
    const report = await validateWithCrsRegistry(layer?.text ?? '', { declaredCrs: layer?.crs?.wkt }, readCrsDefinition);
    expect(report.problems).toEqual([]);
    expect(report.reprojection?.from).toContain('NZGD_2000_New_Zealand_Transverse_Mercator');
    const polygon = report.collection?.features[0]?.geometry as Polygon;
    // The shapefile holds the same vertices, at full precision rather than GeoJSON's 3 decimals.
    expect(largestDegreeDistanceToNearest(polygon.coordinates[0] ?? [], reference.lonLat)).toBeLessThan(1e-7);
    expect(polygon.coordinates[0]).toHaveLength(reference.lonLat.length);
  });

  it('refuses WKT that proj4 cannot read, asking for the EPSG code', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [500000, 3000000] } }] });
    const wkt = 'PROJCS["odd",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["No_Such_Projection"],UNIT["Meter",1.0]]';
    const report = await validateWithCrsRegistry(text, { declaredCrs: wkt }, readCrsDefinition);
    expect(report.problems.map((problem) => problem.code)).toEqual(['UNSUPPORTED_CRS']);
    expect(report.problems[0]?.message.en).toContain('cannot be read; give its EPSG code');
  });

  it('refuses a code the registry does not have, saying so', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:99999' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [500000, 3000000] } }] });
    const report = await validateWithCrsRegistry(text, {}, readCrsDefinition);
    expect(report.problems.map((problem) => problem.code)).toEqual(['UNSUPPORTED_CRS']);
    expect(report.problems[0]?.message.en).toContain('EPSG:99999 is not in the EPSG registry');
  });
});
