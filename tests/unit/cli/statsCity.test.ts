import { describe, expect, it } from 'vitest';
import type { CityPage } from '../../../src/domain/city/cityPage';
import { readCity } from '../../../src/data/city/readCity';
import { readCityPage } from '../../../src/data/city/readCityPage';
import { formatMetric, formatPercent } from '../../../src/domain/format/formatMeasure';
import { parseStatsArguments } from '../../../src/cli/statsArguments';
import { runCli } from '../../support/runCli';
import { SAMPLE_CITY_DIRECTORY } from '../../support/startCityServer';

const DAY = '2026-06-30';

describe('npm run stats -- --city', () => {
  it('prints the districts’ targets side by side with the city’s, as the server’s city page has them', async () => {
    const run = await runCli('stats.ts', ['--city', SAMPLE_CITY_DIRECTORY, '--as-of', DAY, '--json']);
    expect(run.code).toBe(0);
    const page = JSON.parse(run.stdout) as CityPage;
    expect(page).toEqual(JSON.parse(JSON.stringify(await readCityPage(await readCity(SAMPLE_CITY_DIRECTORY), DAY))));

    const table = await runCli('stats.ts', ['--city', SAMPLE_CITY_DIRECTORY, '--as-of', DAY]);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe(`滇池市 各区规划目标 · 截至 ${DAY}`);
    expect(lines[2]).toMatch(/^图层 · 目标（单位）\s+湖滨区\s+西山区\s+滇池市合计$/);
    const row = page.targets.rows.find((candidate) => candidate.key === 'roads/road-length');
    const cell = (progress: NonNullable<typeof row>['city']) => `${formatMetric(progress, progress.actual, 'zh')} / ${formatMetric(progress, progress.target, 'zh')} (${formatPercent(progress.percent, 'zh')})`;
    if (!row?.districts[0] || !row.districts[1]) throw new Error('the sample city has road lengths in both districts');
    const line = lines.find((candidate) => candidate.startsWith('新建道路 · 新建道路里程（公里）'));
    expect(line?.split(/\s{3,}/).slice(1)).toEqual([cell(row.districts[0]), cell(row.districts[1]), cell(row.city)]);
    // A target only one district has is shown empty for the other, and counted for the city from the one.
    expect(lines.find((candidate) => candidate.startsWith('五采区生态修复'))).toMatch(/—/);
  });

  it('refuses a city folder without city.json, and --city with a path', async () => {
    const run = await runCli('stats.ts', ['--city', 'geodata']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('city.json');
    expect(parseStatsArguments(['--city', 'x', 'geodata'])).toEqual({ ok: false, message: '--city takes no path, --source-layer, --crs or --datum-shift: the districts are the folders city.json names' });
  });
});
