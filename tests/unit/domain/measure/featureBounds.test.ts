import { describe, expect, it } from 'vitest';
import { featureBounds } from '../../../../src/domain/measure/featureBounds';

describe('feature bounds for flying to a project', () => {
  it('spans every part of a MultiPolygon, holes included', () => {
    expect(featureBounds({
      type: 'MultiPolygon',
      coordinates: [
        [[[102.7, 24.9], [102.71, 24.9], [102.71, 24.91], [102.7, 24.9]]],
        [[[102.72, 24.95], [102.73, 24.95], [102.73, 24.96], [102.72, 24.95]]],
      ],
    })).toEqual([102.7, 24.9, 102.73, 24.96]);
  });

  it('has no bounds without positions', () => {
    expect(featureBounds(null)).toBeNull();
    expect(featureBounds({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});
