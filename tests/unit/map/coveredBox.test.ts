import { describe, expect, it } from 'vitest';
import { boxCovers, coveredBox } from '../../../src/map/coveredBox';
import { pointsInBox } from '../../../src/map/pointsInBox';

describe('the box of points drawn around the view', () => {
  it('grows the view by one view each side, and covers a pan of less than a view', () => {
    const box = coveredBox([10, 20, 12, 21]);
    expect(box).toEqual([8, 19, 14, 22]);
    expect(boxCovers(box, [11.5, 20.5, 13.5, 21.5])).toBe(true);
    expect(boxCovers(box, [12.5, 20, 14.5, 21])).toBe(false);
  });

  it('keeps the points inside, with their parts, from offsets to an origin', () => {
    const inBox = pointsInBox(new Float32Array([0, 0, 1, 1, 2, 2, 3, 3]), [100, 30], [100.5, 30.5, 102.5, 32.5]);
    expect([...inBox.parts]).toEqual([1, 2]);
    expect([...inBox.positions]).toEqual([1, 1, 2, 2]);
  });
});
