import { describe, expect, it } from 'vitest';
import { NO_STATUS, statusCodesAsOf } from '../../../../src/domain/progress/statusCodesAsOf';
import { statusAsOf } from '../../../../src/domain/progress/statusAsOf';
import { loadMiniGeodata, handMadeLayer } from '../../../support/planLayers';

describe('status codes on a day', () => {
  it('agree with statusAsOf for every feature of the fixture geodata on every day tried', async () => {
    const { layers } = await loadMiniGeodata();
    for (const layer of layers) {
      for (const date of ['2020-01-01', '2024-01-01', '2024-06-15', '2025-03-01T08:00:00+08:00', '2026-12-31', '2099-01-01']) {
        const codes = statusCodesAsOf(layer.columns, date);
        layer.features.forEach((feature, index) => {
          const code = codes[index] ?? NO_STATUS;
          expect(code === NO_STATUS ? null : layer.columns.statusIds[code]).toBe(statusAsOf(feature.properties, date));
        });
      }
    }
  });

  it('take the later of two entries on the same day, and the current status without any history', () => {
    const layer = handMadeLayer([
      { status: 'done', history: [{ date: '2024-05-01', status: 'working' }, { date: '2024-05-01', status: 'done' }] },
      { status: 'working', history: [] },
    ]);
    const codes = statusCodesAsOf(layer.columns, '2024-05-01');
    expect(layer.columns.statusIds[codes[0] ?? NO_STATUS]).toBe('done');
    expect(layer.columns.statusIds[codes[1] ?? NO_STATUS]).toBe('working');
    expect(statusCodesAsOf(layer.columns, '2024-04-30')[0]).toBe(NO_STATUS);
  });
});
