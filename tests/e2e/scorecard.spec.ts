import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { startWebMode } from '../support/web-mode';
import { watchBrowserNotifications } from './browser-notifications';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { openDatabase } from '../../main/database/open-database';
import { createMemoryLogger } from '../../main/logging/logger';
import { builtInTemplate } from '../../main/scorecards/default-template';
import type { Scorecard } from '../../preload/shared/contract/scorecard-schema';

/** Two co-interviewers' scorecards, as the panel's Google Form responses are stored. */
function seedPanelScorecards(dataDir: string, interviewId: string, at: number) {
  const { database } = openDatabase({ dataDir, clock: { now: () => Date.now() }, log: createMemoryLogger() });
  try {
    for (const [name, email] of [
      ['Pat Panel', 'pat@example.com'],
      ['Sam Second', 'sam@example.com'],
    ] as const) {
      const record: Scorecard = {
        interviewId,
        author: { kind: 'panelist', name, email },
        source: 'form',
        templateName: builtInTemplate.name,
        criteria: builtInTemplate.criteria,
        answers: { ratings: { communication: { rating: 'no', note: 'Rambled' } }, overall: 'no', takeaways: '' },
        state: 'submitted',
        submittedAt: new Date(at).toISOString(),
        updatedAt: new Date(at).toISOString(),
      };
      database
        .prepare(
          "INSERT INTO scorecards (interview_id, author_email, source, state, record, submitted_ms, updated_ms) VALUES (?, ?, 'form', 'submitted', ?, ?, ?)",
        )
        .run(interviewId, email, JSON.stringify(record), at, at);
    }
  } finally {
    database.close();
  }
}

test("the recruiter's scorecard: a template per job title, keyboard only, kept over a reload, others hidden until submitted", async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: new Date(Date.now() - 20 * 60_000).toISOString(),
    durationMinutes: 60,
    timeZone: 'UTC',
    jobTitle: 'Backend Engineer',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  const later = makeInterview({ startUtc: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 30 });
  seedStore(temp.dir, {
    interviews: [interview, later],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  seedPanelScorecards(temp.dir, interview.id, Date.now() - 5 * 60_000);
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible({ timeout: 15_000 });

    // Settings → Scorecards: a template for the job title; a refusal is shown beside its field.
    await page.evaluate(() => (location.hash = '#/settings'));
    const settings = page.getByTestId('scorecards-settings');
    await expect(settings.getByTestId('template-default')).toContainText('Skills for the role');
    await settings.getByRole('button', { name: 'Add a template for a job title' }).click();
    const added = settings.getByTestId('template-new');
    await added.getByLabel('Template name').fill('Engineering');
    await added.getByLabel('Criterion 1', { exact: true }).fill('System design');
    await added.getByLabel('What good looks like (criterion 1)').fill('Designs for scale and failure');
    await added.getByRole('button', { name: 'Add criterion' }).click();
    await added.getByLabel('Criterion 2', { exact: true }).fill('Code quality');
    await added.getByRole('button', { name: 'Move up Code quality' }).click();
    await expect(added.getByLabel('Criterion 1', { exact: true })).toHaveValue('Code quality');
    await added.getByRole('button', { name: 'Save template' }).click();
    await expect(added.getByLabel('Job title')).toHaveAccessibleDescription(/Job title/);
    await added.getByLabel('Job title').fill('backend engineer');
    await added.getByRole('button', { name: 'Save template' }).click();
    await expect(settings.getByRole('heading', { name: 'Template for backend engineer' })).toBeVisible();
    await saveScreenshot(page, 'scorecard-templates');
    await expectAccessible(page, 'Settings → Scorecards');

    // The room, before the recruiter's own is submitted: the others' wait.
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), interview.id);
    const card = page.getByTestId('scorecard');
    await expect(card.getByRole('group', { name: 'Code quality' })).toBeVisible();
    await expect(card.getByTestId('scorecards-hidden')).toHaveText("Submit yours to see the 2 others'.");
    await expect(card).not.toContainText('Pat Panel');

    // Keyboard only: Tab into each group, arrows choose, type the notes.
    // From the room's last action, Tab reaches the scorecard's first rating.
    await page.getByRole('button', { name: 'Cancel interview' }).focus();
    await page.keyboard.press('Tab');
    await expect(card.getByRole('radio', { name: 'Strong no' }).first()).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(
      card.getByRole('group', { name: 'Code quality' }).getByRole('radio', { name: 'Yes', exact: true }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(card.getByLabel('Note on Code quality')).toBeFocused();
    await page.keyboard.type('Clean, small functions');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(
      card.getByRole('group', { name: 'System design' }).getByRole('radio', { name: 'Strong yes' }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thought about failure modes');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(
      card.getByRole('group', { name: 'Overall recommendation' }).getByRole('radio', { name: 'Yes', exact: true }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(card.getByLabel('Key takeaways')).toBeFocused();
    await page.keyboard.type('Hire for the platform team');
    await expect(card.getByTestId('scorecard-status')).toContainText('Draft saved at');
    await saveScreenshot(page, 'scorecard-draft');
    await expectAccessible(page, 'room, scorecard draft');

    // A reload keeps the draft.
    await page.reload();
    await expect(card.getByLabel('Key takeaways')).toHaveValue('Hire for the platform team');
    await expect(card.getByLabel('Note on Code quality')).toHaveValue('Clean, small functions');
    await expect(
      card.getByRole('group', { name: 'System design' }).getByRole('radio', { name: 'Strong yes' }),
    ).toBeChecked();
    await expect(card.getByTestId('scorecard-status')).toContainText('Draft saved at');

    // Submit from the keyboard: the others' scorecards appear.
    await card.getByLabel('Key takeaways').focus();
    await page.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Submit scorecard' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('scorecard-status')).toContainText('Submitted at');
    const others = card.getByTestId('others-scorecards');
    await expect(others.getByRole('article', { name: 'Pat Panel' })).toContainText('Overall: No');
    await expect(others.getByRole('article', { name: 'Sam Second' })).toContainText('Communication');
    await expect(card.getByTestId('scorecards-hidden')).toHaveCount(0);

    // A later change is saved with Save changes and marked as an edit.
    await card.getByLabel('Key takeaways').fill('Hire for the platform team; pair with Sam');
    await expect(card.getByTestId('scorecard-status')).toContainText('press Save changes');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await expect(card.getByTestId('scorecard-status')).toContainText('Edited after submitting');
    await page.reload();
    await expect(card.getByTestId('scorecard-status')).toContainText('Edited after submitting');
    await saveScreenshot(page, 'scorecard-submitted');
    await expectAccessible(page, 'room, scorecard submitted');

    // An edit not saved yet is not lost on the way to the debrief: leaving asks first, from the keyboard.
    const closingAsks = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    const roomUrl = page.url();
    await card.getByLabel('Key takeaways').fill('Hire for the platform team; pair with Sam and Lee');
    await expect(card.getByTestId('scorecard-status')).toHaveText('Changes not saved yet: press Save changes.');
    expect(await closingAsks()).toBe(true);
    const debriefLink = page.getByRole('link', { name: 'Open the debrief' });
    await debriefLink.focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(ask).toContainText('Your changes to your submitted scorecard are not saved yet.');
    await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await expectAccessible(page, 'room, leaving with an unsaved scorecard edit');
    await page.keyboard.press('Escape');
    await expect(ask).toHaveCount(0);
    expect(page.url()).toBe(roomUrl);
    await expect(card.getByLabel('Key takeaways')).toHaveValue('Hire for the platform team; pair with Sam and Lee');
    await debriefLink.focus();
    await page.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Leave without saving' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /^Debrief/, level: 1 })).toBeVisible();
    expect(await closingAsks()).toBe(false);
    await page.goBack();
    await expect(card.getByLabel('Key takeaways')).toHaveValue('Hire for the platform team; pair with Sam');
    await expect(card.getByTestId('scorecard-status')).toContainText('Edited after submitting');

    // An interview that has not started shows no scorecard.
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), later.id);
    await expect(page.getByRole('heading', { name: 'Ada Lovelace', level: 1 })).toBeVisible();
    await expect(page.getByTestId('scorecard')).toHaveCount(0);
  } finally {
    await app.stop();
    temp.cleanup();
  }
});

test('Scorecard due: a quiet banner, a count in the title and one browser notification; the keyboard opens the room', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  // Its first "Scorecard due" (an hour after the end) falls a few seconds after the app starts.
  const ended = makeInterview({
    startUtc: new Date(Date.now() - 2 * 3_600_000 + 20_000).toISOString(),
    durationMinutes: 60,
    timeZone: 'UTC',
    candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
    jobTitle: 'Compiler Engineer',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  seedStore(temp.dir, {
    interviews: [ended],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const app = await startWebMode({}, temp.dir);
  // Allowed before: web mode tells it through the browser's real notification too (watched).
  const notifications = await watchBrowserNotifications(page, app.origin);
  try {
    await page.goto(app.url);
    await expect(page).toHaveTitle('Interview Desk');
    const banner = page.getByRole('status').filter({ hasText: 'Scorecard due:' });
    await expect(banner).toContainText(
      /Scorecard due: The interview with Ada Lovelace \(Compiler Engineer\) ended (59 min|1 h) ago\./,
      { timeout: 40_000 },
    );
    await expect(page).toHaveTitle('(1) Interview Desk');
    expect(await notifications.shown()).toEqual(['Scorecard due: Ada Lovelace, Compiler Engineer']);
    await saveScreenshot(page, 'scorecard-due-banner');
    await expectAccessible(page, 'Scorecard due banner');

    // Keyboard only: from the screen's content, Tab reaches Write scorecard; Enter opens the room.
    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    await expect(banner.getByRole('button', { name: 'Write scorecard for Ada Lovelace' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(banner.getByRole('button', { name: 'Dismiss scorecard due for Ada Lovelace' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Ada Lovelace', level: 1 })).toBeVisible();
    await expect(page.getByTestId('scorecard')).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page).toHaveTitle('Interview Desk');
    await saveScreenshot(page, 'scorecard-due-room');

    // A reload after the due moment: banner and count are back at once (main says what is due), told
    // before, so no second browser notification; the next notice is a day away.
    await page.reload();
    await expect(banner).toContainText(
      /Scorecard due: The interview with Ada Lovelace \(Compiler Engineer\) ended (59 min|1 h) ago\./,
    );
    await expect(page).toHaveTitle('(1) Interview Desk');
    expect(await notifications.shown()).toEqual([]);
    await saveScreenshot(page, 'scorecard-due-after-reload');
    await expectAccessible(page, 'Scorecard due banner after a reload');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});
