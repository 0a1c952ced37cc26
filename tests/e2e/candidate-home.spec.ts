import { expect, saveScreenshot, test } from './fixtures';
import { expectFocusKept, seriousAxe, tabTo, typeInFocused } from './keyboard';

const startIn = (days: number) => {
  const start = new Date(Date.now() + days * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  return encodeURIComponent(start.toISOString());
};
const joinLink = `interview-desk://join?meet=abc-defg-hij&start=${startIn(3)}&duration=45&title=Backend+Engineer+interview`;
const panelLink = `interview-desk://panel?meet=xyz-wxyz-xyz&start=${startIn(4)}&duration=30&title=Staff+Engineer+interview&candidate=Ada+Lovelace`;

test("a candidate saves their link once, by keyboard, and gets a candidate's home, the device check and back, and the full app on request", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Invitation link or Meet link').focus();
  await typeInFocused(page, joinLink);
  // What the link would save shows in the form; "Save my interview" is asked once.
  await expect(page.getByTestId('join-preview-title')).toHaveText('Backend Engineer interview');
  await tabTo(page, /^Save my interview$/);
  await page.keyboard.press('Enter');
  const room = page.getByRole('heading', { name: 'Backend Engineer interview', level: 1 });
  await expect(room).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Save this interview?' })).toHaveCount(0);

  // Nothing of the recruiter's app around it.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Your interviews', 'Device check']);
  for (const word of [
    'Schedule',
    'Analytics',
    'Settings',
    'Not connected',
    'Schedule interview',
    'Search by candidate or job',
  ])
    await expect(page.locator('body')).not.toContainText(word);

  // Home: their interview, named for them, never "You".
  await nav.getByRole('link', { name: 'Your interviews' }).click();
  const home = page.getByRole('heading', { name: 'Your interview', level: 1 });
  await expect(home).toBeFocused();
  const list = page.getByRole('list', { name: 'Your interviews' });
  await expect(list).toContainText('Backend Engineer interview');
  await expect(list).not.toContainText('You');
  expect(await seriousAxe(page, 'candidate home')).toEqual([]);
  await saveScreenshot(page, 'candidate-home');

  // The device check, and back to the interview.
  await tabTo(page, /^Run device check$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Device check', level: 1 })).toBeFocused();
  await tabTo(page, /^Back to your interview$/);
  await page.keyboard.press('Enter');
  await expect(room).toBeFocused();

  // A reload keeps the candidate's home.
  await page.reload();
  await expect(nav.getByRole('link')).toHaveText(['Your interviews', 'Device check']);

  // "I schedule interviews": the full app, remembered.
  await tabTo(page, /^I schedule interviews$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Interview Desk', level: 1 })).toBeFocused();
  await expectFocusKept(page, 'opening the full app');
  await expect(nav.getByRole('link')).toHaveText(['Schedule', 'Device check', 'Analytics', 'Settings']);
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Analytics' })).toBeVisible();
});

test("a co-interviewer's panel link opens as a panelist room: the candidate named, no resend, no cancel, panel words", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Invitation link or Meet link').fill(panelLink);
  await expect(page.getByTestId('invitation-details')).toContainText('Ada Lovelace (you are on the interview panel)');
  await page.getByRole('button', { name: 'Save my interview' }).click();
  await expect(page.getByRole('heading', { name: 'Staff Engineer interview', level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Panel interview', level: 2 })).toBeVisible();
  await expect(page.getByTestId('panel-candidate')).toHaveText('Ada Lovelace');
  await expect(page.getByRole('link', { name: 'Check devices before joining' })).toBeVisible();
  for (const name of [/Resend/, /^Reschedule$/, /Cancel interview/, /Edit panel/])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  expect(await seriousAxe(page, 'panelist room')).toEqual([]);
  await saveScreenshot(page, 'panelist-room');
  await page.getByRole('button', { name: 'Remove from this computer' }).click();
  await expect(page.getByRole('dialog')).toContainText('The recruiter is not told');
  await page.keyboard.press('Escape');
  // Listed for its reader on the home.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your interviews' }).click();
  await expect(page.getByRole('list', { name: 'Your interviews' })).toContainText(
    'Panel · Ada Lovelace · Staff Engineer interview',
  );
});
