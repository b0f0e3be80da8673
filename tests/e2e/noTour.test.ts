import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editedDistrictSession } from './support/editedDistrictSession';
import { openPlanMap } from './support/planMapPage';

const session = editedDistrictSession('no-tour', (directory) => rmSync(join(directory, 'tour.json')));

describe('a district without a guided tour', () => {
  it('presents without a tour button and without a console error', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`);
    expect(await page.locator('.tour-start').count()).toBe(0);
    expect(await page.locator('.tour-problem').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
