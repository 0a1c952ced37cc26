import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { connectedRecruiter } from './connected-recruiter';
import { checkLayout } from './layout-check';

const accountButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /account menu/ });
const menu = (page: Page) => page.getByRole('menu', { name: 'Google account' });
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

test('without Google the header says "Not connected"; the menu works from the keyboard and passes axe', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const button = accountButton(page);
  await expect(button).toContainText('Not connected');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expectAccessible(page, 'shell, menu closed');

  // Enter opens it on the first entry; the arrow keys move and wrap; Escape closes and gives focus back.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu(page)).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu(page).getByRole('menuitem')).toHaveText(['Connect Google', 'Settings']);
  expect(await focusedText(page)).toBe('Connect Google');
  await page.keyboard.press('ArrowDown');
  expect(await focusedText(page)).toBe('Settings');
  await page.keyboard.press('ArrowDown');
  expect(await focusedText(page)).toBe('Connect Google');
  await page.keyboard.press('ArrowUp');
  expect(await focusedText(page)).toBe('Settings');
  await expectAccessible(page, 'shell, menu open');
  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(button).toBeFocused();

  // Space opens it too; Tab leaves it closed; Enter on "Settings" goes there.
  await page.keyboard.press(' ');
  await expect(menu(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu(page)).toBeHidden();
  await button.focus();
  await page.keyboard.press('ArrowUp');
  expect(await focusedText(page)).toBe('Settings');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(menu(page)).toBeHidden();
});

test('with Google: the header shows who, turns to "Reconnect" when access is revoked, and disconnects after a confirmation', async ({
  page,
}) => {
  const { g, close } = await connectedRecruiter(page);
  try {
    const button = accountButton(page);
    await expect(button).toContainText('Rita Recruiter');
    await expect(button).toContainText('recruiter@example.com');
    await expect(button.locator('.account-initial')).toHaveText('R');
    await expect(button).not.toContainText('Reconnect');
    // No picture is fetched from Google for the header.
    await expect(page.getByRole('banner').locator('img')).toHaveCount(0);
    await expectAccessible(page, 'shell, connected');
    await saveScreenshot(page, 'shell-account-connected');
    // The header keeps to one clean line with a name and email, at both window sizes.
    expect(await checkLayout(page, 'shell-connected', async () => {})).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Google access revoked: the next sync finds out, and the header says so.
    g.oauth.revokeAll();
    await page.reload();
    // The app has mounted (its focus listener is attached once the header shows who): then coming back to the window syncs.
    await expect(button).toContainText('recruiter@example.com');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(button).toContainText('Reconnect', { timeout: 15_000 });
    await expect(button).toHaveAccessibleName(/recruiter@example\.com Reconnect Google account menu$/);
    await button.click();
    await expect(menu(page).getByRole('menuitem')).toHaveText(['Reconnect Google account', 'Settings', 'Disconnect…']);
    await expectAccessible(page, 'shell, needs reconnect, menu open');
    await saveScreenshot(page, 'shell-account-reconnect');
    await page.keyboard.press('Enter');
    await expect(button).not.toContainText('Reconnect', { timeout: 15_000 });
    await expect(button).toContainText('recruiter@example.com');

    // Disconnect asks first: Escape cancels and gives focus back to the menu button.
    await button.focus();
    await page.keyboard.press('ArrowUp');
    await expect(menu(page)).toBeVisible();
    expect(await focusedText(page)).toBe('Disconnect…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Disconnect recruiter@example.com?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Stay connected' })).toBeFocused();
    await expectAccessible(page, 'disconnect confirmation');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    expect(g.oauth.liveRefreshTokens()).toHaveLength(1);

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect(button).toContainText('Not connected');
    await expect(page.getByRole('banner').getByRole('status')).toContainText('revoked at Google');
    expect(g.oauth.liveRefreshTokens()).toEqual([]);
  } finally {
    await close();
  }
});
