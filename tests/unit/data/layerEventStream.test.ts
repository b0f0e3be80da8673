import { describe, expect, it } from 'vitest';
import { parseLayerChange } from '../../../src/data/layerEventStream';

describe('parseLayerChange', () => {
  it('reads the layer and version of a layer event', () => {
    expect(parseLayerChange('{"layer":"urban-villages","version":"abc"}')).toEqual({ layer: 'urban-villages', version: 'abc' });
  });

  it('ignores events that are not layer changes', () => {
    expect(parseLayerChange('not json')).toBeNull();
    expect(parseLayerChange('null')).toBeNull();
    expect(parseLayerChange('{"layer":"roads"}')).toBeNull();
    expect(parseLayerChange('{"layer":1,"version":"x"}')).toBeNull();
  });
});
