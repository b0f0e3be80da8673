import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanMap } from './support/planMapPage';
import { EDITOR, signIn, staffSession } from './support/staffServer';
import { writeTestAccounts } from '../api/support/apiTestServer';
import { accountsFileIn, readAccounts, writeAccounts } from '../../src/data/accounts/accountsFile';

/*
 * An editor limited to 太和街道's urban villages (an editing scope, README: Saving changes) sees what is read-only for them,
 * and a save the server refuses names the project and why.
 */

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';
/** 太和街道's 官渡村 (pending) and 福海街道's 西庄村, in the sample district. */
const OWN = 'UV-013';
const OTHERS = 'UV-017';
const SCOPED = { username: '王工', password: 'scoped-password-1' };

const addScopedEditor = () =>
  writeTestAccounts(session.server.stateDirectory, [{ ...EDITOR, role: 'editor' }, { ...SCOPED, role: 'editor', scope: { subDistricts: ['太和街道'], layers: [LAYER] } }]);

/** As `npm run accounts -- scope` does: the password hash stays, so the session stays open. */
async function rescope(subDistricts: string[]): Promise<void> {
  const file = accountsFileIn(session.server.stateDirectory);
  const accounts = await readAccounts(file);
  await writeAccounts(file, accounts.map((account) => (account.username === SCOPED.username ? { ...account, scope: { subDistricts, layers: [LAYER] } } : account)));
}

describe('an editor limited to sub-districts and layers', () => {
  it('sees the scope in the edit bar, other sub-districts\' projects read-only, and a refused save per project', async () => {
    await addScopedEditor();
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${OTHERS}`, { fixedTime: FIXED_NOW });
    await signIn(page, SCOPED);
    await expect.poll(() => page.locator('.edit-bar .edit-scope').innerText()).toBe('可编辑：太和街道 · 城中村');

    // Another sub-district's project: a note why, and no status, attribute, vertex or delete controls.
    const note = page.locator('.feature-details .outside-scope');
    await note.waitFor();
    expect(await note.innerText()).toContain('只读');
    expect(await page.locator('.feature-editor, .edit-vertices, .delete-selected').count()).toBe(0);

    // Its own sub-district's project: the editor's controls.
    await page.goto(`${session.server.baseUrl}?feature=${LAYER}/${OWN}`);
    const form = page.locator('.feature-editor .status-form');
    await form.waitFor();
    expect(await page.locator('.outside-scope').count()).toBe(0);
    expect(await page.locator('.edit-bar .delete-selected').count()).toBe(1);

    // The account's scope moves to 福海 while the change is unsaved: the server refuses it, naming 官渡村.
    await form.locator('select[name="status"]').selectOption('expropriating');
    await form.locator('input[name="date"]').fill('2026-06-01');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(1);
    const stored = await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`));
    await rescope(['福海街道']);
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    const refused = page.locator(`.edit-layer[data-layer-id="${LAYER}"] .refused-features li[data-feature-id="${OWN}"]`);
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/官渡村[\s\S]*UV-013[\s\S]*福海街道/);
    expect(await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(1);
    expect(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`))).toEqual(stored);
    // The browser logs the refused request itself; nothing else may go wrong.
    expect(errors.filter((error) => !error.includes('status of 403'))).toEqual([]);
    await page.close();
  }, 90_000);
});
