import { describe, expect, it } from 'vitest';
import { fillMessage } from '../../../src/ui/fillMessage';

describe('fillMessage', () => {
  it('puts values in their placeholders and leaves unknown ones as written', () => {
    expect(fillMessage('整个图层（{count} 个）', { count: 30 })).toBe('整个图层（30 个）');
    expect(fillMessage('{file}: {missing}', { file: 'a.csv' })).toBe('a.csv: {missing}');
  });

  it('says "1 project" and "2 projects", "0 projects"', () => {
    const template = 'Exported {file}: {count} {count|project|projects}.';
    expect(fillMessage(template, { file: 'a.csv', count: 1 })).toBe('Exported a.csv: 1 project.');
    expect(fillMessage(template, { file: 'a.csv', count: 2 })).toBe('Exported a.csv: 2 projects.');
    expect(fillMessage(template, { file: 'a.csv', count: 0 })).toBe('Exported a.csv: 0 projects.');
  });
});
