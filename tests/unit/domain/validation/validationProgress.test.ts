import { describe, expect, it } from 'vitest';
import { validateGeoJson } from '../../../../src/domain/validation/validateGeoJson';
import type { ValidationProgress } from '../../../../src/domain/validation/validationProgress';
import { projectManifest, projectSchemas } from '../../../support/inputCases';

const villages = projectManifest.layers.find((layer) => layer.id === 'urban-villages');

function collectionText(count: number): string {
  const features = Array.from({ length: count }, (_, index) => {
    const west = 102.65 + (index % 40) * 0.001;
    const south = 24.95 + Math.floor(index / 40) * 0.001;
    return {
      type: 'Feature',
      id: `UV-${index + 1}`,
      properties: { name: `村 ${index}`, status: 'pending', history: [{ date: '2025-01-01', status: 'pending' }], plan: 'demolish' },
      geometry: { type: 'Polygon', coordinates: [[[west, south], [west + 0.0005, south], [west + 0.0005, south + 0.0005], [west, south]]] },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('validation progress', () => {
  it('reports its stages in order, counts the geometry stage up to every feature, and changes nothing in the report', () => {
    const text = collectionText(1200);
    const options = { layer: villages, manifest: projectManifest, schemas: projectSchemas };
    const seen: ValidationProgress[] = [];
    const report = validateGeoJson(text, { ...options, onProgress: (progress) => seen.push(progress) });
    expect([...new Set(seen.map((progress) => progress.stage))]).toEqual(['parsing', 'structure', 'geometry', 'attributes']);
    const geometry = seen.filter((progress) => progress.stage === 'geometry');
    expect(geometry.map((progress) => progress.done)).toEqual([0, 500, 1000, 1200]);
    expect(geometry.every((progress) => progress.total === 1200)).toBe(true);
    expect(report).toEqual(validateGeoJson(text, options));
    expect(report.problems).toEqual([]);
  });

  it('stops reporting where validation stops', () => {
    const seen: string[] = [];
    validateGeoJson('{"type": "FeatureCollection", "features": [', { onProgress: (progress) => seen.push(progress.stage) });
    expect(seen).toEqual(['parsing']);
  });
});
