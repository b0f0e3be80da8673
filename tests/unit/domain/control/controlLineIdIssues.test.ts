import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestIssues } from '../../../../src/domain/plan/manifestIssues';

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'geodata', 'layers.json'), 'utf8')) as Record<string, unknown>;

const line = (id: string) => ({ id, name: { zh: '生态保护红线', en: 'Ecological red line' }, color: '#d7301f', style: 'hatch', rule: 'forbidden' });

describe('control lines in layers.json', () => {
  it('are optional, and accepted with their own ids', () => {
    const { controlLines: _none, ...withoutControlLines } = sample;
    expect(manifestIssues(withoutControlLines)).toEqual([]);
    expect(manifestIssues({ ...sample, controlLines: [line('eco-red-line'), line('basic-farmland')] })).toEqual([]);
  });

  it('may not take a plan layer id, since both name geodata/<id>.geojson', () => {
    const issues = manifestIssues({ ...sample, controlLines: [line('lakeshore')] });
    expect(issues).toEqual([expect.objectContaining({ path: '/controlLines/0/id', code: 'DUPLICATE_ID' })]);
    expect(issues[0]?.message.en).toContain('plan layer');
  });

  it('may not repeat an id', () => {
    const issues = manifestIssues({ ...sample, controlLines: [line('eco-red-line'), line('eco-red-line')] });
    expect(issues.map((issue) => issue.path)).toEqual(['/controlLines/1/id']);
  });

  it('must say how they are drawn and what rule they carry', () => {
    const issues = manifestIssues({ ...sample, controlLines: [{ ...line('eco-red-line'), style: 'dotted', rule: 'maybe' }] });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['/controlLines/0/rule', '/controlLines/0/style']);
  });
});
