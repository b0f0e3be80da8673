import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeodataDirectory } from '../../src/data/readGeodataDirectory';
import { parseTour } from '../../src/data/parseTour';
import { validateTour } from '../../src/domain/tour/validateTour';
import type { Tour } from '../../src/domain/tour/tour';

const geodata = join(import.meta.dirname, '..', '..', 'geodata');
const tourText = readFileSync(join(geodata, 'tour.json'), 'utf8');

async function district() {
  const { manifest, layers } = await readGeodataDirectory(geodata);
  const featureIds = new Map(layers.map(({ definition, collection }) => [definition.id, new Set(collection.features.map((feature) => feature.id))]));
  return { manifest, featureIds };
}

describe('geodata/tour.json, the briefing staff prepare', () => {
  it('keeps its contract and refers only to layers, statuses and features that exist', async () => {
    const { manifest, featureIds } = await district();
    expect(validateTour(JSON.parse(tourText), manifest, featureIds)).toEqual([]);
    expect(parseTour(tourText).scenes.length).toBeGreaterThan(3);
  });

  it('names the scene and field of a reference that does not exist', async () => {
    const { manifest, featureIds } = await district();
    const tour = JSON.parse(tourText) as Tour;
    const scene = tour.scenes[2];
    if (!scene) throw new Error('the sample tour has fewer than three scenes');
    scene.highlight = [{ layer: 'urban-villages', id: 'UV-999' }];
    scene.filters = { roads: ['finished'] };
    scene.layers = ['parks'];
    expect(validateTour(tour, manifest, featureIds).map((problem) => problem.path)).toEqual([
      '/scenes/2/layers/0', '/scenes/2/filters/roads/0', '/scenes/2/highlight/0/id',
    ]);
  });

  it('rejects a scene the contract does not allow, naming the field', async () => {
    const { manifest, featureIds } = await district();
    const tour = JSON.parse(tourText) as Tour & { scenes: Record<string, unknown>[] };
    const scene = tour.scenes[0];
    if (!scene) throw new Error('no scene');
    scene.zoomLevel = 12;
    const problems = validateTour(tour, manifest, featureIds);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('/scenes/0/zoomLevel');
    expect(problems[0]?.code).toBe('ADDITIONAL_PROPERTIES');
    expect(problems[0]?.message.en).toBe('unknown property "zoomLevel" (a typo?)');
  });

  it('names the closest form of a camera that fits none, and what to change in it', async () => {
    const { manifest, featureIds } = await district();
    const tour = JSON.parse(tourText) as Tour;
    const scene = tour.scenes[0];
    if (!scene) throw new Error('no scene');
    scene.camera = { center: [102.7, 25], zoom: 30 };
    expect(validateTour(tour, manifest, featureIds)).toEqual([
      { path: '/scenes/0/camera/zoom', code: 'MAXIMUM', message: { zh: '30 超出范围（应 <= 22）', en: '30 is out of range (must be <= 22)' } },
    ]);
  });
});
