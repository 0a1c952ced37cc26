import { expect, saveScreenshot, test } from './fixtures';
import { expectFocusKept, focused, seriousAxe } from './keyboard';

const joinLink = (start: Date, extra = '') =>
  `interview-desk://join?meet=abc-defg-hij&start=${encodeURIComponent(start.toISOString())}&title=Staff+Engineer+interview${extra}`;

test("candidate mode: a pasted join link opens the candidate's own room, with the length the link carries", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  await page.getByLabel('Invitation link or Meet link').fill(joinLink(start, '&duration=45'));
  // The form shows what the link would save; "Save my interview" is the one question.
  await expect(page.getByTestId('join-preview-title')).toHaveText('Staff Engineer interview');
  await page.getByRole('button', { name: 'Save my interview' }).click();

  const heading = page.getByRole('heading', { name: 'Staff Engineer interview', level: 1 });
  await expect(heading).toBeVisible();
  // Focus followed the screen change to the room's heading, and the change was announced.
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('screen-announcer')).toHaveText('Staff Engineer interview');
  await expect(page.getByTestId('candidate-length')).toHaveText('45 minutes');
  await expect(page.getByTestId('join-state')).toContainText(/Joining opens in [23] d/);
  await expect(page.getByRole('link', { name: 'Check devices before joining' })).toBeVisible();
  // Nothing of the recruiter's room.
  const room = page.locator('main');
  for (const word of ['You <', 'Your interviewer', 'Invitations', 'Google Calendar', '60 minutes', 'Candidate'])
    await expect(room).not.toContainText(word);
  for (const name of [/Resend/, /^Reschedule$/, /Cancel interview/])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  expect(await seriousAxe(page, 'candidate room')).toEqual([]);
  await saveScreenshot(page, 'candidate-room');

  // Their own notes: validated like private notes, saved, still there after a reload.
  await page.getByLabel('Notes for yourself (kept on this computer only)').fill('Ask about \u202eon-call');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('alert')).toContainText('Your notes contains invisible control characters');
  await page.getByLabel('Notes for yourself (kept on this computer only)').fill('Ask about on-call');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notes saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Notes for yourself (kept on this computer only)')).toHaveValue('Ask about on-call');

  // Remove from this computer: a modal question, Escape keeps it and focus comes back.
  const remove = page.getByRole('button', { name: 'Remove from this computer' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove this interview from this computer?' });
  await expect(dialog).toBeVisible();
  await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  // "Keep it" and a click on Remove straight after, before the browser's queued `close` event: the
  // screen already knows the dialog closed, so the second question opens (it used to be swallowed).
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.evaluate(async () => {
    const byText = (text: string) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    byText('Keep it')?.click();
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    byText('Remove from this computer')?.click();
  });
  await expect(dialog).toBeVisible();
  await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Interview Desk' })).toBeFocused();
  await expectFocusKept(page, 'removing the interview');
});

test('an older join link without a length: the room says it is not given, never 60 minutes', async ({ page, app }) => {
  // Every level-1 heading the page shows, however briefly, and the recruiter's account menu if it ever shows.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { headingsSeen: string[] }).headingsSeen = seen;
    new MutationObserver(() => {
      const list = (window as unknown as { headingsSeen: string[] }).headingsSeen;
      for (const h of document.querySelectorAll('h1'))
        if (!list.includes(h.textContent ?? '')) list.push(h.textContent ?? '');
      if (document.querySelector('.account-name') && !list.includes('account menu')) list.push('account menu');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(app.url);
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  await page.getByLabel('Invitation link or Meet link').fill(joinLink(start));
  // The form shows what the link would save; "Save my interview" is the one question.
  await expect(page.getByTestId('join-preview-title')).toHaveText('Staff Engineer interview');
  await page.getByRole('button', { name: 'Save my interview' }).click();
  await expect(page.getByRole('heading', { name: 'Staff Engineer interview', level: 1 })).toBeFocused();
  await expect(page.getByTestId('candidate-length')).toHaveText('Not given in your invitation');
  await expect(page.locator('main')).not.toContainText('60 minutes');
  // A length outside 5 to 480 minutes is refused with words about the invitation, on the candidate's
  // home. It comes straight: the welcome screen used to flash first, until the saved invitations were read.
  await page.evaluate(() => ((window as unknown as { headingsSeen: string[] }).headingsSeen = []));
  await page.goto(`${app.url}#/welcome`);
  await expect(page.getByRole('heading', { name: 'Your interview', level: 1 })).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { headingsSeen: string[] }).headingsSeen);
  expect(seen).not.toContain('Welcome to Interview Desk');
  expect(seen).not.toContain('account menu');
  const link = page.getByLabel('Invitation link or Meet link');
  await link.fill(joinLink(start, '&duration=600'));
  await expect(link).toHaveValue(joinLink(start, '&duration=600'));
  await page.getByRole('button', { name: 'Save my interview' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'The interview length in the invitation link must be 5 to 480 minutes.',
  );
});
