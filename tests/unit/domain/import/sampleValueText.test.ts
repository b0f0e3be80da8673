import { describe, expect, it } from 'vitest';
import { sampleValueText } from '../../../../src/domain/import/sampleValueText';
import type { StatusDefinition } from '../../../../src/domain/plan/manifest';

const STATUSES: StatusDefinition[] = [
  { id: 'planned', label: { zh: '待启动', en: 'Not started' }, color: '#eeeeee' },
  { id: 'demolished', label: { zh: '已拆除', en: 'Demolished' }, color: '#333333' },
];

describe('sampleValueText', () => {
  it('reads a status history as dates and the layer\'s status labels', () => {
    const history = [{ date: '2024-01-08', status: 'planned' }, { date: '2025-03-01', status: 'demolished' }];
    expect(sampleValueText(history, STATUSES, 'zh')).toBe('2024-01-08 待启动; 2025-03-01 已拆除');
    expect(sampleValueText(history, STATUSES, 'en')).toBe('2024-01-08 Not started; 2025-03-01 Demolished');
  });

  it('shows a status code the layer does not know as it is in the file', () => {
    expect(sampleValueText([{ date: '2025-03-01', status: 'razed' }], STATUSES, 'zh')).toBe('2025-03-01 razed');
  });

  it('keeps text as is and other values as JSON', () => {
    expect(sampleValueText('好地块', STATUSES, 'zh')).toBe('好地块');
    expect(sampleValueText(375, STATUSES, 'zh')).toBe('375');
    expect(sampleValueText([1, 2], STATUSES, 'zh')).toBe('[1,2]');
    expect(sampleValueText(null, STATUSES, 'zh')).toBe('null');
  });
});
