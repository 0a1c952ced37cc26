import { expect, saveScreenshot, test } from './fixtures';
import { fakeBrowserEnv } from './connected-recruiter';
import { startWebMode } from '../support/web-mode';
import { startGoogleEmulator } from '../google-emulator/google-emulator';
import { expectFocusKept, focused, seriousAxe, tabTo, typeInFocused } from './keyboard';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

// Keyboard only: page.keyboard (Tab, Shift+Tab, Enter, Escape, typing), never a click. After every
// action, focus is on something visible, never <body>.
test('keyboard only: connect Google, schedule, reschedule, edit the panel, cancel, device check', async ({ page }) => {
  test.setTimeout(120_000);
  const g = await startGoogleEmulator();
  const app = await startWebMode({ ...g.env, ...fakeBrowserEnv });
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Interview Desk' })).toBeVisible();

    // Connect: the first-run step replaces the button and takes the focus.
    await tabTo(page, /^Connect Google account$/);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Your email')).toHaveValue('recruiter@example.com', { timeout: 15_000 });
    await expectFocusKept(page, 'connecting Google');
    expect((await focused(page)).name).toBe('Company name (optional)');
    await typeInFocused(page, 'Acme Corp');
    await tabTo(page, /^Save and continue$/);
    await page.keyboard.press('Enter');
    // A new screen: its heading has the focus and is announced.
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeFocused({ timeout: 15_000 });
    await expect(page.getByTestId('screen-announcer')).toHaveText('Schedule');
    await expectFocusKept(page, 'the first-run step');

    // Schedule through the form.
    await tabTo(page, /^Schedule interview$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Schedule an interview', level: 1 })).toBeFocused();
    await expectFocusKept(page, 'opening the form');
    for (const [label, value] of [
      [/^Candidate name$/, 'Grace Hopper'],
      [/^Candidate email$/, 'grace@example.com'],
      [/^Job title$/, 'Compiler Engineer'],
      [/^Time zone$/, 'Europe/Berlin'],
    ] as const) {
      await tabTo(page, label);
      await typeInFocused(page, value);
      // Each character typed keeps the form (and the focus) alive, a half-typed time zone included.
      await expectFocusKept(page, `typing in ${label.source}`);
    }
    // The time zone field suggests zones (a datalist): Escape closes the suggestions, as a person would.
    await page.keyboard.press('Escape');
    await expectFocusKept(page, 'typing the time zone');
    await tabTo(page, /^Schedule interview$/);
    await page.keyboard.press('Enter');
    // Free/busy is not allowed yet: a modal question with "Pick another time" focused; "Schedule anyway" goes ahead.
    await expect(page.getByRole('button', { name: 'Pick another time' })).toBeFocused({ timeout: 15_000 });
    await tabTo(page, /^Schedule anyway$/);
    await page.keyboard.press('Enter');
    const roomHeading = page.getByRole('heading', { name: 'Grace Hopper · Compiler Engineer', level: 1 });
    await expect(roomHeading).toBeFocused({ timeout: 15_000 });
    await expectFocusKept(page, 'scheduling');
    await expect(page.locator('.details')).toContainText('In sync', { timeout: 15_000 });

    // Reschedule: a modal dialog that holds the focus, closes with Escape and gives focus back.
    await tabTo(page, /^Reschedule$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reschedule' });
    await expect(dialog).toBeVisible();
    expect((await focused(page)).inDialog, 'focus moved into the dialog').toBe(true);
    expect(await seriousAxe(page, 'reschedule dialog')).toEqual([]);
    await saveScreenshot(page, 'keyboard-reschedule-dialog');
    // Focus is trapped: Tab and Shift+Tab never leave the dialog.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i < 8 ? 'Tab' : 'Shift+Tab');
      expect((await focused(page)).inDialog, `focus stays in the dialog (press ${i + 1})`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect((await focused(page)).name).toBe('Reschedule');
    await expectFocusKept(page, 'Escape in the dialog');

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await tabTo(page, /^Duration \(minutes\)$/);
    await typeInFocused(page, '30');
    await tabTo(page, /^Save new time$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Pick another time' })).toBeFocused({ timeout: 15_000 });
    await tabTo(page, /^Move anyway$/);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.details')).toContainText('30 minutes');
    expect((await focused(page)).name).toBe('Reschedule');
    await expectFocusKept(page, 'rescheduling');

    // The panel: every action that adds or removes controls puts focus on what now stands there.
    await tabTo(page, /^Edit panel$/);
    await page.keyboard.press('Enter');
    // No one on the panel yet: the form's first control is Add co-interviewer.
    await expect(page.getByRole('button', { name: 'Add co-interviewer' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Co-interviewer 1 email')).toBeFocused();
    await page.keyboard.type('pat@example.com');
    await tabTo(page, /^Add co-interviewer$/);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Co-interviewer 2 email')).toBeFocused();
    await page.keyboard.type('sam@example.com');
    await tabTo(page, /^Remove co-interviewer 1/, { back: true });
    await page.keyboard.press('Enter');
    // Sam's row moved up: its Remove stands where Pat's was.
    await expect(page.getByRole('button', { name: 'Remove co-interviewer 1 (sam@example.com)' })).toBeFocused();
    await page.keyboard.press('Enter');
    // No row left: Add co-interviewer.
    await expect(page.getByRole('button', { name: 'Add co-interviewer' })).toBeFocused();
    await tabTo(page, /^Keep the panel as it is$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Edit panel' })).toBeFocused();
    await expectFocusKept(page, 'keeping the panel');

    // Cancel asks first in a modal dialog: Escape keeps the interview and gives focus back; then confirm.
    await tabTo(page, /^Cancel interview$/);
    await page.keyboard.press('Enter');
    const question = page.getByRole('dialog', { name: 'Cancel the interview with Grace Hopper?' });
    await expect(question).toBeVisible();
    expect(await focused(page)).toMatchObject({ inDialog: true, name: 'Keep the interview' });
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    expect((await focused(page)).name).toBe('Cancel interview');
    // Enter straight after Escape opens the question again (the screen learns of the close at once).
    await page.keyboard.press('Enter');
    await expect(question).toBeVisible();
    await expect.poll(async () => (await focused(page)).name).toBe('Keep the interview');
    await tabTo(page, /^Cancel interview$/);
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Enter');
    // The button goes away with the interview's status: focus goes to what went out.
    await expect(page.getByTestId('delivery-confirmation')).toBeFocused();
    await expectFocusKept(page, 'cancelling');

    // The schedule row is named by what it shows, status included.
    await tabTo(page, /^Schedule$/, { back: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeFocused();
    // The list has loaded (under load it takes a moment): its rows are there to tab to.
    await expect(
      page.getByRole('list', { name: 'Interviews' }).getByRole('listitem').filter({ hasText: 'Grace Hopper' }),
    ).toBeVisible();
    await tabTo(page, /Grace Hopper/);
    expect((await focused(page)).name).toMatch(/Grace Hopper.*Compiler Engineer.*Cancelled/);
    expect(await seriousAxe(page, 'schedule rows (name matches content)', ['label-content-name-mismatch'])).toEqual([]);

    // Device check from the main navigation: focus stays on the button while it runs, then the verdict.
    await tabTo(page, /^Device check$/, { back: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Device check', level: 1 })).toBeFocused();
    await expect(page.getByTestId('screen-announcer')).toHaveText('Device check');
    await tabTo(page, /^Start device check$/);
    await page.keyboard.press('Enter');
    await expectFocusKept(page, 'starting the device check');
    await expect(page.getByTestId('overall')).toBeFocused({ timeout: 60_000 });
    await expectFocusKept(page, 'the device check finishing');
    await saveScreenshot(page, 'keyboard-device-check');
  } finally {
    await app.stop();
    await g.close();
  }
});

test('keyboard only: saving a pasted Meet link moves focus to the result, not <body>', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: new Date(Date.now() + 48 * 3600_000).toISOString(),
    candidate: { name: 'No Link', email: 'nolink@example.com' },
  });
  seedStore(temp.dir, { interviews: [interview] });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/interview/${interview.id}`);
    await expect(page.getByRole('heading', { name: 'No Link', level: 1 })).toBeVisible();
    await tabTo(page, /^Paste a Meet link$/);
    await page.keyboard.type('https://meet.google.com/abc-defg-hij');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Meet link saved.' })).toBeFocused();
    await expectFocusKept(page, 'saving the Meet link');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});
