import { describe, expect, it } from 'vitest';
import { layerIdPattern } from '../../../../src/domain/import/layerIdPattern';

describe('the id pattern of a plan layer', () => {
  it('is the prefix its ids are numbered with, followed by digits', () => {
    const pattern = layerIdPattern(['UV-001', 'UV-002', 'UV-030', 'odd'], { id: 'urban-villages' });
    expect(['UV-031', 'UV-7', 'UV-1000'].map((id) => pattern.test(id))).toEqual([true, true, true]);
    expect(['BH-3', '3', 'UV-', 'XUV-031', 'UV-031a', '2025-017'].map((id) => pattern.test(id))).toEqual([false, false, false, false, false, false]);
  });

  it('takes the initials of the layer id when the layer has no numbered ids, and escapes the prefix', () => {
    expect(layerIdPattern([], { id: 'green-space' }).test('GS-001')).toBe(true);
    const dotted = layerIdPattern(['R.1', 'R.2'], { id: 'roads' });
    expect(dotted.test('R.3')).toBe(true);
    expect(dotted.test('RX3')).toBe(false);
  });
});
