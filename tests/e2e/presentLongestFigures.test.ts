import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest, TargetMetric } from '../../src/domain/plan/manifest';
import { editedDistrictSession } from './support/editedDistrictSession';
import { layoutProblems } from './support/layoutProblems';
import { openPlanMap } from './support/planMapPage';

/** The longest figure each metric is written with in a plan: seven digits, or eight for 亩. */
const LONGEST_TARGET: Record<TargetMetric, number> = { count: 9_999_999, area_ha: 9_999_999.99, area_mu: 99_999_999.99, length_km: 999_999.99, sum: 9_999_999.99, share: 100 };

const session = editedDistrictSession('present-longest', (directory) => {
  const path = join(directory, 'layers.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  for (const layer of manifest.layers) for (const target of layer.targets) target.target = LONGEST_TARGET[target.metric];
  writeFileSync(path, JSON.stringify(manifest));
});

describe('the KPI tiles hold the longest figures', () => {
  for (const screen of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    for (const lang of ['zh', 'en']) {
      it(`keeps every figure inside its tile at ${screen.width}×${screen.height} in ${lang}`, async () => {
        const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present&lang=${lang}`, { viewport: screen });
        const layerCount = (JSON.parse(readFileSync(join(session.geodataDirectory, 'layers.json'), 'utf8')) as Manifest).layers.length;
        expect(await page.locator('.kpi-tile').count()).toBe(layerCount);
        // Tiles come in groups of two rows; a clicker's PageDown shows the next group. Every group is checked.
        const seen = new Set<string>();
        while (seen.size < layerCount) {
          const shown = await page.locator('.kpi-tile:visible').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-layer-id') ?? ''));
          expect(shown.length).toBeGreaterThan(0);
          expect(shown.some((id) => seen.has(id)), `a group repeats before every tile was shown (${[...seen].join(', ')})`).toBe(false);
          for (const id of shown) seen.add(id);
          const report = await layoutProblems(page, '.present-header, .present-actions, .kpi-tile, .kpi-pager, .present-side, .timeline-large');
          expect(report.overflowing).toEqual([]);
          expect(report.overlapping).toEqual([]);
          if (seen.size < layerCount) await page.keyboard.press('PageDown');
        }
        expect(errors).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }
});
