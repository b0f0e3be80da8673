/** Input rules E1, E2, E4 (area after validation), attributes against the layer schema, G7 (hostile values in messages); the rules are in docs/input-rules.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import { referenceArea } from '../../../support/geodesicReference';
import { inputCaseOptions, projectManifest, projectSchemas, validateInputCase } from '../../../support/inputCases';
import { projectRoot } from '../../../support/runCli';

describe('E1, E2: validated polygons measure as the geodesic reference', () => {
  it('every polygon of the measure fixture, holes and both orientations included, within 0.01 % of GeographicLib', () => {
    const bytes = readFileSync(join(projectRoot, 'tests', 'fixtures', 'measure', 'polygons.geojson'));
    const report = validateGeoJson(bytes);
    expect(report.problems).toEqual([]);
    const features = report.collection?.features ?? [];
    expect(features).toHaveLength(9);
    for (const feature of features) {
      const expected = referenceArea(feature.geometry);
      expect(Math.abs(areaSquareMeters(feature.geometry) - expected) / expected).toBeLessThan(1e-4);
    }
    const withHole = features.find((feature) => feature.properties?.name === '1 km square with a 400 m hole')?.geometry;
    if (withHole?.type !== 'Polygon') throw new Error('fixture changed');
    const [outer = [], inner = []] = withHole.coordinates;
    expect(areaSquareMeters(withHole)).toBeCloseTo(areaSquareMeters({ type: 'Polygon', coordinates: [outer] }) - areaSquareMeters({ type: 'Polygon', coordinates: [inner] }), 6);
  });
});

describe('E4: source area attributes', () => {
  it('warns once per attribute that its unit is unknown and leaves the area to the geometry', () => {
    const report = validateInputCase('E4-shape-area');
    expect(report.warnings.map((warning) => [warning.code, warning.path])).toEqual([['SOURCE_AREA_ATTRIBUTE', '/features/0/properties/Shape_Area']]);
    expect(report.warnings[0]?.message.en).toContain('unit unknown');
    expect(areaSquareMeters(report.collection?.features[0]?.geometry)).toBeGreaterThan(250_000);
  });
});

describe('attributes against the layer schema', () => {
  it('accepts the bundled layer files with their layer definitions', () => {
    for (const layer of projectManifest.layers) {
      const bytes = readFileSync(join(projectRoot, 'geodata', `${layer.id}.geojson`));
      const report = validateGeoJson(bytes, { layer, manifest: projectManifest, schemas: projectSchemas });
      expect(report.problems, layer.id).toEqual([]);
    }
  });

  it('reports a status outside the lifecycle with the feature, the field and the allowed values', () => {
    const options = inputCaseOptions('B10-linestring-on-road-layer');
    const text = readFileSync(join(projectRoot, 'tests', 'fixtures', 'input-cases', 'B10-linestring-on-road-layer.geojson'), 'utf8').replace('"status": "planned"', '"status": "paved"');
    const report = validateGeoJson(text, options);
    expect(report.problems.map((problem) => [problem.code, problem.path, problem.featureId])).toContainEqual(['ATTRIBUTE_ENUM', '/features/0/properties/status', 'RD-1']);
    const message = report.problems.find((problem) => problem.code === 'ATTRIBUTE_ENUM')?.message;
    expect(message?.en).toContain('Status: "paved" is not allowed; expected one of: Planned (planned), Under construction (building), Open to traffic (open)');
    expect(message?.zh).toContain('不是允许的值');
  });
});

describe('G7: values from the data are echoed escaped and truncated', () => {
  const report = validateInputCase('G7-hostile-values');
  const texts = [...report.problems, ...report.warnings].flatMap((issue) => [issue.message.zh, issue.message.en, issue.featureName ?? '']);

  it('never carries markup from the data into a message or a feature name', () => {
    expect(report.problems.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(text).not.toMatch(/[<>]/);
      expect(text).not.toContain('javascript:alert(1)//yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy');
    }
    expect(report.problems.find((problem) => problem.featureIndex === 2)?.featureName).toMatch(/^\\u003cimg src=x onerror=alert\(1\)\\u003exxx.*…$/);
  });

  it('keeps every message short whatever the data holds', () => {
    for (const text of texts) expect(text.length).toBeLessThan(400);
  });
});
