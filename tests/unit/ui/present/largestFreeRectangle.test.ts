import { describe, expect, it } from 'vitest';
import { largestFreeRectangle } from '../../../../src/ui/present/largestFreeRectangle';

describe('largestFreeRectangle: where a scene fits between the panels of the big screen', () => {
  it('is the whole map when nothing covers it', () => {
    expect(largestFreeRectangle(1920, 1080, [], { width: 1, height: 1 })).toEqual({ left: 0, top: 0, right: 1920, bottom: 1080 });
  });

  it('lies between a full-height left column, a header, a corner panel and a footer', () => {
    const panels = [
      { left: 0, top: 0, right: 1920, bottom: 80 },
      { left: 0, top: 80, right: 620, bottom: 1080 },
      { left: 1480, top: 80, right: 1920, bottom: 420 },
      { left: 560, top: 990, right: 1360, bottom: 1080 },
    ];
    // A square district: as tall as possible, so beside the corner panel rather than below it.
    expect(largestFreeRectangle(1920, 1080, panels, { width: 1, height: 1 })).toEqual({ left: 620, top: 80, right: 1480, bottom: 990 });
    // A wide box fits best below the corner panel, across to the screen's right edge.
    expect(largestFreeRectangle(1920, 1080, panels, { width: 4, height: 1 })).toEqual({ left: 620, top: 420, right: 1920, bottom: 990 });
  });

  it('ignores the parts of panels outside the map, and gives null when panels cover it all', () => {
    expect(largestFreeRectangle(100, 100, [{ left: -50, top: -50, right: 50, bottom: 150 }], { width: 1, height: 1 }))
      .toEqual({ left: 50, top: 0, right: 100, bottom: 100 });
    expect(largestFreeRectangle(100, 100, [{ left: 0, top: 0, right: 100, bottom: 100 }], { width: 1, height: 1 })).toBeNull();
  });
});
