import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';
import { fakeBrowserEnv } from './connected-recruiter';
import { startWebMode } from '../support/web-mode';
import { startGoogleEmulator } from '../google-emulator/google-emulator';
import { makeTempDir } from '../support/temp-dir';

/** The consent pages the stand-in browser was asked to open, in order. */
function opened(log: string): string[] {
  return fs.existsSync(log)
    ? fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('open '))
        .map((l) => l.slice(5))
    : [];
}

test('an unfinished Google sign-in never locks Connect: open it again, cancel, or start over (also after a reload)', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const temp = makeTempDir('idesk-browser-');
  const log = path.join(temp.dir, 'browser.log');
  const app = await startWebMode({ ...g.env, FAKE_BROWSER_LOG: log, FAKE_BROWSER_HOLD: '1', ...fakeBrowserEnv });
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    const banner = page.getByRole('status', { name: 'Google sign-in' });
    await expect(banner).toContainText('Google sign-in is waiting in your browser');
    // Both ways on, at once, above the fold at 800×600; Connect itself stays usable.
    const again = banner.getByRole('button', { name: 'Open the sign-in page again' });
    await expect(again).toBeInViewport();
    await expect(banner.getByRole('button', { name: 'Cancel sign-in' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Connect Google account' })).toBeEnabled();
    await expect.poll(() => opened(log).length).toBe(1);
    await saveScreenshot(page, 'sign-in-waiting-800');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      'sign-in waiting',
    ).toEqual([]);

    // A reload keeps the waiting state and its actions; "again" opens the same page.
    await page.reload();
    await expect(banner).toContainText('Google sign-in is waiting in your browser');
    await again.click();
    await expect.poll(() => opened(log).length).toBe(2);
    expect(opened(log)[1]).toBe(opened(log)[0]);
    await expect(page.getByText(/Conflict|already waiting/)).toHaveCount(0);

    // Cancel ends it: the old page is refused, Connect starts afresh.
    await banner.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(page.getByText('Google sign-in cancelled. Nothing was saved.')).toBeVisible();
    expect((await g.browse(opened(log)[0]!).catch(() => ({ status: 0 }))).status).toBe(0);

    // A new attempt replaces a waiting one; only the newest page signs in.
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    await expect.poll(() => opened(log).length).toBe(3);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    await expect.poll(() => opened(log).length).toBe(4);
    const [, , third, fourth] = opened(log);
    expect(third).not.toBe(fourth);
    expect((await g.browse(third!).catch(() => ({ status: 0 }))).status).toBe(0);
    expect((await g.browse(fourth!)).status).toBe(200);
    await expect(page.getByRole('form', { name: 'About you and your company' }).getByLabel('Your email')).toHaveValue(
      'recruiter@example.com',
      { timeout: 15_000 },
    );
    await expect(banner).toHaveCount(0);
    await expect(page.getByText(/replaced by a newer one/)).toHaveCount(0);
  } finally {
    await app.stop();
    await g.close();
    temp.cleanup();
  }
});

test("a copy built without a Google client says so on Connect, in a recruiter's words; the rest works", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const welcome = page.getByRole('region', { name: 'Welcome to Interview Desk' });
  await expect(welcome).toContainText(
    'This copy of Interview Desk was built without a Google connection. Ask whoever gave you the app for a version with Google sign-in; scheduling with a pasted Meet link works without it.',
  );
  await expect(page.getByRole('button', { name: 'Connect Google account' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/INTERVIEW_DESK|README|client id/i);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('region', { name: 'Google account' })).toContainText('built without a Google connection');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
});
