import AxeBuilder from '@axe-core/playwright';
import { startWebMode } from '../support/web-mode';
import { makeTempDir } from '../support/temp-dir';
import { seedStore } from '../support/interview-fixtures';
import { expect, saveScreenshot, test } from './fixtures';

test('web mode opens on the welcome screen with the navigation', async ({ page, app, cspViolations }) => {
  // Nothing the page asks for is missing (a browser asks for /favicon.ico unless the page names an icon).
  const missing: string[] = [];
  page.on(
    'console',
    (message) => void (/Failed to load resource/.test(message.text()) && missing.push(message.text())),
  );
  await page.goto(app.url);
  // The secret moved into a cookie and out of the address bar.
  expect(page.url()).not.toContain('token=');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Interview Desk' })).toBeVisible();
  // This run has no Google client: Connect says so in plain words instead of offering a dead button.
  await expect(page.getByText('This copy of Interview Desk was built without a Google connection.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run device check' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Schedule', 'Device check', 'Analytics', 'Settings']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await saveScreenshot(page, 'welcome');
  expect(cspViolations).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Interview Desk' })).toBeVisible();
  expect(missing).toEqual([]);
});

test('the welcome screen works from the keyboard with a visible focus ring', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Interview Desk' })).toBeVisible();
  const focusable: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
        outline: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    if (!info) continue;
    focusable.push(info.text);
    expect(info.outline, `focus ring on "${info.text}"`).not.toBe('none');
  }
  for (const name of [
    'Skip to content',
    'Schedule',
    'Device check',
    'Analytics',
    'Settings',
    'No Google account? Set up with email only',
    'Run device check',
  ]) {
    expect(focusable).toContain(name);
  }
  // Enter on the focused "Run device check" button navigates.
  await page.getByRole('button', { name: 'Run device check' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/device-check$/);
});

test('every control on the first screens has an accessible name', async ({ page, app }) => {
  for (const hash of ['', '#/settings']) {
    await page.goto(app.url);
    if (hash) await page.goto(`${app.origin}/${hash}`);
    await page.waitForSelector('h1');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, textarea, a[href]')]
        .filter((el) => {
          const labelled =
            el.getAttribute('aria-label') || el.textContent?.trim() || (el as HTMLInputElement).labels?.length;
          return !labelled;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
  }
});

test('without the secret the page is refused', async ({ page, app }) => {
  const response = await page.goto(app.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('npm run web');
});

test('settings are validated by main, the field is named, and a good value persists', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const color = page.getByLabel('Brand colour');
  await color.fill('blue');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // Named as the label names it, beside the field, saying what to type.
  await expect(page.getByRole('alert')).toHaveText('Brand colour must be a colour like #1a73e8');
  await expect(page.getByRole('alert')).not.toContainText('brandColor');
  await expect(color).toHaveAttribute('aria-invalid', 'true');
  await color.fill('#0b8043');
  const name = page.getByLabel('Your name');
  await name.fill('Rita\u202eevil');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Your name contains line breaks or invisible control characters');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Rita Recruiter');
  await color.fill('#0b8043');
  await page.getByLabel('Company name').fill('Acme Hiring');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Company name')).toHaveValue('Acme Hiring');
  await expect(page.getByLabel('Brand colour')).toHaveValue('#0b8043');
});

test('settings saved with values that break the rules: the app starts, says so, and Settings lists them', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  seedStore(temp.dir, {
    settings: {
      recruiterName: 'Rita\rATTENDEE:mailto:attacker@evil.test',
      recruiterEmail: 'a@b.test?cc=x.com',
      companyName: 'Acme Corp',
      // Values outside their rule, or of the wrong JSON type, as a hand edit or another version leaves them.
      brandColor: 'red',
      smtp: { host: 'smtp.example.com', port: 70000, security: 'starttls', user: 'rita', fromAddress: '' },
      reminderOffsetsMinutes: [1440, 720, 360, 180, 120, 90, 60, 45, 30, 15, 0],
      joinOpensMinutesBefore: 'soon',
    },
  });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText('Some saved settings are not valid');
    await page.getByRole('link', { name: 'Settings' }).click();
    const problems = page.getByTestId('settings-problems');
    await expect(problems).toContainText('Your name contains line breaks or invisible control characters');
    await expect(problems).toContainText('Your email must be one plain address');
    await expect(problems).toContainText('Brand colour must be a colour like #1a73e8');
    await expect(problems).toContainText('Port must be a number from 1 to 65535, like 587');
    await expect(problems).toContainText('Remind me can list at most 10 reminders');
    await expect(problems.getByRole('listitem')).toHaveCount(6);
    await expect(page.getByLabel('Company name')).toHaveValue('Acme Corp');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
  } finally {
    await app.stop();
    temp.cleanup();
  }
});

test("the browser's Back with unsaved Settings asks first; Keep editing keeps them, Leave goes", async ({
  page,
  app,
}) => {
  page.on('dialog', () => {
    throw new Error("the browser's own question must not be used");
  });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByLabel('Company name').fill('Acme Hiring');
  await page.goBack();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expect(page).toHaveURL(/#\/settings$/);
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(page.getByLabel('Company name')).toHaveValue('Acme Hiring');
  // The screen kept its place in the history: Back asks again, and Leave goes back.
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Interview Desk', level: 1 })).toBeVisible();
  // Forward comes to Settings again, with nothing of the edits saved.
  await page.goForward();
  await expect(page.getByLabel('Company name')).toHaveValue('');
  // A move by a link asks the same; Keep editing leaves no trace in the history.
  await page.getByLabel('Company name').fill('Acme Hiring');
  await page.getByRole('link', { name: 'Device check' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByLabel('Company name')).toHaveValue('Acme Hiring');
  await page.getByRole('link', { name: 'Device check' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Device check', level: 1 })).toBeVisible();
  // Back: Settings once (as it was saved), then the welcome screen; no held move left an entry.
  await page.goBack();
  await expect(page.getByLabel('Company name')).toHaveValue('');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Welcome to Interview Desk', level: 1 })).toBeVisible();
});
