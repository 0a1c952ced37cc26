import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { startGoogleEmulator } from '../google-emulator/google-emulator';
import { eventIdFor } from '../../main/google/event-mapping';

test('connect Google from the welcome screen, schedule, and get a Meet link from Calendar', async ({ page }) => {
  const g = await startGoogleEmulator();
  g.calendar.conferenceMode = 'pending';
  const app = await startWebMode({ ...g.env, BROWSER: `${process.execPath} ${path.resolve('tests/support/fake-browser.mjs')}`});
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    // Connected: the first-run step asks for the company, with name and email from the Google account.
    const setup = page.getByRole('form', { name: 'About you and your company' });
    await expect(setup.getByLabel('Your email')).toHaveValue('recruiter@example.com', { timeout: 15_000 });
    await expect(setup.getByLabel('Your name')).not.toHaveValue('');
    await setup.getByLabel('Company name (optional)').fill('Acme Corp');
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    // Then the app moves on to the schedule; Settings shows who.
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('region', { name: 'Google account' })).toContainText('recruiter@example.com');
    await saveScreenshot(page, 'settings-connected');

    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByLabel('Candidate name').fill('Grace Hopper');
    await page.getByLabel('Candidate email').fill('grace@example.com');
    await page.getByLabel('Job title').fill('Compiler Engineer');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await expect(page.getByRole('heading', { name: 'Grace Hopper · Compiler Engineer' })).toBeVisible();
    await expect(page.locator('.details')).toContainText('In sync', { timeout: 15_000 });
    await expect(page.locator('.details')).toContainText(/https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}/);
    const id = new URL(page.url()).hash.split('/')[2]!;
    expect(g.calendar.peek(eventIdFor(id))?.summary).toBe('Interview: Compiler Engineer — Grace Hopper');
    await saveScreenshot(page, 'interview-room-google');

    // Disconnect: revoked at Google, local interview kept.
    await page.getByRole('link', { name: 'Settings' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'revoked at Google' })).toBeVisible();
    expect(g.oauth.liveRefreshTokens()).toEqual([]);
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Interviews' })).toContainText('Grace Hopper');

    // After the whole run: no token, code or secret in the log or anywhere in the data dir.
    const fs = await import('node:fs');
    const files = fs.readdirSync(app.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const text = files.map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('\n');
    expect(text).toContain('Google account connected');
    for (const secret of ['1//emu-', 'ya29.emu-', '4/0', g.oauth.clientSecret, new URL(app.url).searchParams.get('token')!]) expect(text).not.toContain(secret);
  } finally {
    await app.stop();
    await g.close();
  }
});
