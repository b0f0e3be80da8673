import { describe, expect, it } from 'vitest';
import { simplifiedRing } from '../../../../src/domain/measure/simplifiedRing';

/** Distance from a point to the closed polyline through `kept` points of `ring`. */
function distanceToKept(ring: number[], kept: number[], x: number, y: number): number {
  let best = Infinity;
  for (let index = 0; index + 1 < kept.length; index++) {
    const a = kept[index] ?? 0;
    const b = kept[index + 1] ?? 0;
    const [ax, ay, bx, by] = [ring[2 * a] ?? 0, ring[2 * a + 1] ?? 0, ring[2 * b] ?? 0, ring[2 * b + 1] ?? 0];
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const along = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
    best = Math.min(best, Math.hypot(x - ax - along * dx, y - ay - along * dy));
  }
  return best;
}

/** A closed ring of `count` points around a circle of `radius`, each pushed out or in by up to `wobble`. */
function wobblyRing(count: number, radius: number, wobble: number): number[] {
  const ring: number[] = [];
  for (let index = 0; index < count; index++) {
    const angle = (2 * Math.PI * index) / count;
    const r = radius + wobble * Math.sin(index * 7.3);
    ring.push(r * Math.cos(angle), r * Math.sin(angle));
  }
  ring.push(ring[0] ?? 0, ring[1] ?? 0);
  return ring;
}

describe('a ring simplified for the overview', () => {
  it('keeps every point farther than the tolerance and drops none that would move the outline more than it', () => {
    const ring = wobblyRing(200, 100, 3);
    const tolerance = 2;
    const kept = simplifiedRing(ring, tolerance, true) ?? [];
    expect(kept.length).toBeGreaterThan(8);
    expect(kept.length).toBeLessThan(200);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(200);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    for (let point = 0; point <= 200; point++) {
      expect(distanceToKept(ring, kept, ring[2 * point] ?? 0, ring[2 * point + 1] ?? 0)).toBeLessThanOrEqual(tolerance + 1e-9);
    }
  });

  it('keeps a square with jittered edges as its four corners', () => {
    const ring = [0, 0, 5, 0.1, 10, 0, 10.1, 5, 10, 10, 5, 9.9, 0, 10, -0.1, 5, 0, 0];
    expect(simplifiedRing(ring, 0.5, true)).toEqual([0, 2, 4, 6, 8]);
  });

  it('keeps a triangle of a parcel smaller than the tolerance, so that it is still drawn', () => {
    const ring = wobblyRing(12, 1, 0.1);
    const kept = simplifiedRing(ring, 50, true) ?? [];
    expect(kept.length).toBe(4);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(12);
    const [a = 0, b = 0, c = 0] = kept;
    const twiceArea = Math.abs(((ring[2 * b] ?? 0) - (ring[2 * a] ?? 0)) * ((ring[2 * c + 1] ?? 0) - (ring[2 * a + 1] ?? 0)) - ((ring[2 * c] ?? 0) - (ring[2 * a] ?? 0)) * ((ring[2 * b + 1] ?? 0) - (ring[2 * a + 1] ?? 0)));
    expect(twiceArea).toBeGreaterThan(0.5);
  });

  it('drops a hole smaller than the tolerance', () => {
    expect(simplifiedRing(wobblyRing(12, 1, 0.1), 50, false)).toBeNull();
    expect(simplifiedRing(wobblyRing(12, 100, 0.1), 50, false)?.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves a triangle as it is', () => {
    expect(simplifiedRing([0, 0, 1, 0, 0, 1, 0, 0], 10, true)).toEqual([0, 1, 2, 3]);
  });
});
