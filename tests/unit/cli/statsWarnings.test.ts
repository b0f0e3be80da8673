/** The real `npm run stats` on a copy of the fixture geodata with plan dates, a sum and a share target. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictJson } from '../../../src/cli/statsJson';
import { MINI_GEODATA_DIR } from '../../support/planLayers';
import { runCli } from '../../support/runCli';
import { addPlanDates, addSumAndShareTargets, INVESTMENT_UNIT } from '../../support/warningsGeodata';

let geodata = '';

beforeAll(() => {
  geodata = mkdtempSync(join(tmpdir(), 'plan-map-stats-warnings-'));
  cpSync(MINI_GEODATA_DIR, geodata, { recursive: true });
  addPlanDates(geodata, 'urban-villages', {
    // Expropriating since 2024-11: its first missed plan date is demolishing by 2025-06-30.
    'uv-006': { plan_dates: { demolishing: '2025-06-30', demolished: '2025-12-31' }, unit_in_charge: '区住建局' },
    'uv-004': { plan_dates: { expropriating: '2026-01-20' }, unit_in_charge: '北街道办事处' },
    // Renovating: its branch plans only renovated, due in 2026-03.
    'uv-005': { plan_dates: { renovated: '2026-03-31' } },
    // Done: a plan date it met is no warning.
    'uv-001': { plan_dates: { demolished: '2025-06-30' } },
  });
  addSumAndShareTargets(geodata, 'urban-villages', { target: 90, where: { property: 'plan', equals: 'demolish' } });
});

afterAll(() => rmSync(geodata, { recursive: true, force: true }));

const statsJson = async (asOfDate: string): Promise<DistrictJson> => {
  const run = await runCli('stats.ts', ['--json', geodata, '--as-of', asOfDate]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as DistrictJson;
};

describe('npm run stats -- --json: warnings (监测预警)', () => {
  it('lists per layer the overdue projects and those due within 30 days, with days late', async () => {
    const villages = (await statsJson('2025-12-31')).layers.find((layer) => layer.id === 'urban-villages');
    expect(villages?.warnings).toEqual([
      { id: 'uv-006', status: 'demolishing', due: '2025-06-30', days_late: 184, current_status: 'expropriating', unit_in_charge: '区住建局' },
      { id: 'uv-004', status: 'expropriating', due: '2026-01-20', days_late: -20, current_status: 'pending', unit_in_charge: '北街道办事处', street: '北街道' },
    ]);
  });

  it('on an earlier date lists what was late then', async () => {
    const villages = (await statsJson('2025-07-10')).layers.find((layer) => layer.id === 'urban-villages');
    expect(villages?.warnings.map((warning) => [warning.id, warning.days_late])).toEqual([['uv-006', 10]]);
  });

  it('gives every layer a warnings list, empty without plan dates', async () => {
    const report = await statsJson('2025-12-31');
    expect(report.layers.find((layer) => layer.id === 'roads')?.warnings).toEqual([]);
  });

  it('flags targets behind their steady pace', async () => {
    const villages = (await statsJson('2025-12-31')).layers.find((layer) => layer.id === 'urban-villages');
    // uv-renovate: 1 of 2 renovated, deadline 2025-06-30 passed: behind. uv-demolish: 2 of 4 halfway through: on pace.
    expect(villages?.targets.find((target) => target.id === 'uv-renovate')?.behind_pace).toBe(true);
    expect(villages?.targets.find((target) => target.id === 'uv-demolish')?.behind_pace).toBe(false);
  });
});

describe('npm run stats: sum and share targets', () => {
  it('reports a sum in its unit and a share as a percentage', async () => {
    const villages = (await statsJson('2025-12-31')).layers.find((layer) => layer.id === 'urban-villages');
    // Done: uv-001 (1.5), uv-002 (2.0), uv-003 (2.5). Demolish projects: 4, of which 2 demolished.
    expect(villages?.targets.find((target) => target.id === 'invest-sum')).toMatchObject({ metric: 'sum', unit: INVESTMENT_UNIT, actual: 6, target: 40 });
    expect(villages?.targets.find((target) => target.id === 'done-share')).toMatchObject({ metric: 'share', actual: 50, target: 90 });
    expect(villages?.targets.find((target) => target.id === 'done-share')).not.toHaveProperty('unit');
  });

  it('prints a share as reached / target without a percent of a percent, and counts the overdue projects', async () => {
    const run = await runCli('stats.ts', [geodata, '--as-of', '2025-12-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('目标「完成比例」 已达 50% / 目标 90%  截止 2027-12-31');
    expect(run.stdout).toContain('目标「完成投资」 已完成 6 亿元 / 目标 40 亿元 (15%)');
    expect(run.stdout).toContain('预警 逾期项目 1 个，30 天内到期 1 个');
  });
});
