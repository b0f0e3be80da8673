import type { Polygon, Position } from 'geojson';
import { SeededRandom } from './random';
import { parcelPolygon } from './cityGeometry';

const METERS_PER_DEGREE_LATITUDE = 110574;

/**
 * Polygons for the area error check: 5 to 12 vertices, jittered around a circle, areas spread
 * log-uniformly from `minSquareMeters` to `maxSquareMeters`, between 20° and 30° N (the district
 * is at 25° N); one in five has a hole.
 */
export function errorCheckPolygons(count: number, seed: number, minSquareMeters = 100, maxSquareMeters = 1e9): Polygon[] {
  const random = new SeededRandom(seed);
  const polygons: Polygon[] = [];
  for (let index = 0; index < count; index++) {
    const targetArea = Math.exp(random.range(Math.log(minSquareMeters), Math.log(maxSquareMeters)));
    const vertices = random.int(5, 12);
    const radius = Math.sqrt((2 * targetArea) / (vertices * Math.sin((2 * Math.PI) / vertices)));
    const longitude = random.range(100, 106);
    const latitude = random.range(20, 30);
    const metersPerDegreeLongitude = 111320 * Math.cos((latitude * Math.PI) / 180);
    const ringAt = (scale: number, clockwise: boolean): Position[] => {
      const ring: Position[] = [];
      for (let vertex = 0; vertex < vertices; vertex++) {
        const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * (vertex + random.range(-0.2, 0.2))) / vertices;
        const distance = radius * scale * random.range(0.85, 1.15);
        ring.push([longitude + (distance * Math.cos(angle)) / metersPerDegreeLongitude, latitude + (distance * Math.sin(angle)) / METERS_PER_DEGREE_LATITUDE]);
      }
      ring.push(ring[0] ?? [longitude, latitude]);
      return ring;
    };
    const rings = [ringAt(1, false)];
    if (random.chance(0.2)) rings.push(ringAt(0.3, true));
    polygons.push({ type: 'Polygon', coordinates: rings });
  }
  return polygons;
}

/** Polygons for the speed check: the synthetic city's parcels, the workload the app measures. */
export function speedCheckPolygons(count: number, seed: number): Polygon[] {
  const random = new SeededRandom(seed);
  const frame = { centerLongitude: 102.6959, centerLatitude: 24.997 };
  const side = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, index) => parcelPolygon(random, frame, (index % side) * 70, Math.floor(index / side) * 70, 70, 0.1));
}
