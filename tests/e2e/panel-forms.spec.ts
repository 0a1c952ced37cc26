import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { fakeBrowserEnv } from './connected-recruiter';
import { startWebMode } from '../support/web-mode';
import { startSmtpSink } from '../support/smtp-sink';
import { seedStore } from '../support/interview-fixtures';
import { panelInterview } from '../support/panel-interview';
import { makeTempDir } from '../support/temp-dir';
import { startGoogleEmulator } from '../google-emulator/google-emulator';
import { databasePaths } from '../../main/database/open-database';

/** Ended 75 minutes ago: the form is made and the co-interviewers asked as soon as Forms is connected. */
const endedPanelInterview = () => panelInterview(Date.now() - 120 * 60_000, { timeZone: 'UTC' });

/** Connects Google from the first screen and opens the interview's room. */
async function connectAndOpenRoom(page: Page, url: string, id: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Connect Google account' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
  await page.evaluate((interviewId) => (location.hash = `#/interview/${interviewId}`), id);
}

test("the panel's scorecards: connect Google Forms from the room, each co-interviewer emailed, a response in the room and the debrief", async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const sink = await startSmtpSink();
  const temp = makeTempDir('idesk-e2e-');
  const interview = endedPanelInterview();
  seedStore(temp.dir, {
    interviews: [interview],
    settings: {
      firstRunDone: true,
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'recruiter@example.com',
      companyName: 'Acme',
      showOthersScorecardsBeforeSubmit: true,
    },
  });
  const app = await startWebMode({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url, ...fakeBrowserEnv }, temp.dir);
  try {
    await connectAndOpenRoom(page, app.url, interview.id);
    const panel = page.getByRole('region', { name: 'Panel scorecards' });
    await expect(panel.getByTestId('panel-forms-not-connected')).toBeVisible();
    expect(g.count('/v1/forms')).toBe(0);
    await saveScreenshot(page, 'panel-forms-not-connected');
    await expectAccessible(page, 'room, Google Forms not connected');

    // From the keyboard: Connect Google Forms takes Enter; consent for drive.file only, on top of what was granted.
    const connect = panel.getByRole('button', { name: 'Connect Google Forms' });
    await connect.focus();
    await page.keyboard.press('Enter');
    const statuses = panel.getByTestId('panel-forms-status');
    await expect(statuses.nth(0)).toContainText('Asked', { timeout: 20_000 });
    await expect(statuses.nth(1)).toContainText('Asked');
    const consent = g.oauth.authorizations.at(-1)!.query;
    expect(consent.include_granted_scopes).toBe('true');
    expect(consent.scope).toContain('https://www.googleapis.com/auth/drive.file');
    // Focus did not fall to the page: the section's heading holds it once the Connect button is gone.
    await expect(panel.getByRole('heading', { name: 'Panel scorecards' })).toBeFocused();

    const form = g.forms.all()[0]!;
    expect(g.forms.all()).toHaveLength(1);
    expect(form.publishState.isPublished).toBe(true);
    await expect.poll(() => sink.received.length).toBe(2);
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual(['bob@example.com', 'cy@example.com']);
    expect(sink.received.every((m) => m.parsed.subject === 'Your scorecard: Ada Lovelace, Compiler Engineer')).toBe(
      true,
    );
    // The email as Bob reads it, in the branded template.
    const email = await page.context().newPage();
    await email.setContent(String(sink.received.find((m) => m.envelope.to[0] === 'bob@example.com')!.parsed.html));
    await expect(email.getByRole('link', { name: 'Fill in your scorecard' })).toHaveAttribute(
      'href',
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/,
    );
    await saveScreenshot(email, 'panel-forms-email');
    await email.close();
    await saveScreenshot(page, 'panel-forms-asked');
    await expectAccessible(page, 'room, co-interviewers asked');

    // Bob answers in Google Forms; "Check now" (from the keyboard) brings it into the room.
    g.forms.respond(form.formId, 'bob@example.com', {
      'Skills for the role': 'Strong yes',
      'Problem solving': 'Yes',
      Communication: 'Yes',
      Collaboration: 'Not assessed',
      'Overall recommendation': 'Strong yes',
      'Key takeaways': 'Bob thinks she should lead the parser work',
    });
    const checkNow = panel.getByRole('button', { name: 'Check now' });
    await checkNow.focus();
    await page.keyboard.press('Enter');
    await expect(statuses.nth(0)).toContainText('Received');
    await expect(statuses.nth(1)).toContainText('Asked');
    await expect(checkNow).toBeFocused();
    // Beside the recruiter's scorecard: Bob's, read from the form.
    const others = page.getByTestId('scorecard').getByTestId('others-scorecards');
    await expect(others.getByRole('article', { name: 'Bob Panel' })).toContainText('Strong yes', { timeout: 10_000 });
    await saveScreenshot(page, 'panel-forms-received');
    await expectAccessible(page, 'room, a response received');

    // And in the debrief.
    await page.getByRole('link', { name: 'Open the debrief' }).click();
    await expect(page.getByText('Bob thinks she should lead the parser work')).toBeVisible({ timeout: 10_000 });
    await saveScreenshot(page, 'panel-forms-debrief');
    // Nothing of this went to the candidate.
    expect(sink.received.some((m) => m.envelope.to.includes('ada@example.com'))).toBe(false);
  } finally {
    await app.stop();
    await g.close();
    await sink.close();
    temp.cleanup();
  }
});

test('a scorecard email the mail server refuses: the room says it failed and why, and Resend sends it', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const sink = await startSmtpSink();
  const temp = makeTempDir('idesk-e2e-');
  const interview = endedPanelInterview();
  seedStore(temp.dir, {
    interviews: [interview],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  // Cy's mailbox is refused for good (550 at RCPT TO): the app gives up at once, and says why.
  sink.rejectRecipients.add('cy@example.com');
  const app = await startWebMode({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url, ...fakeBrowserEnv }, temp.dir);
  try {
    await connectAndOpenRoom(page, app.url, interview.id);
    const panel = page.getByRole('region', { name: 'Panel scorecards' });
    await panel.getByRole('button', { name: 'Connect Google Forms' }).click();
    const rows = panel.getByTestId('panel-forms-person');
    await expect(rows.nth(0).getByTestId('panel-forms-status')).toContainText('Asked', { timeout: 20_000 });
    const cy = rows.nth(1);
    await expect(cy.getByTestId('panel-forms-status')).toHaveText(
      'The email did not go and is not tried again on its own',
    );
    await expect(cy).toContainText('Recipient address rejected');
    await saveScreenshot(page, 'panel-forms-failed');
    await expectAccessible(page, 'room, a scorecard email given up');

    // The address fixed on the server's side: Resend, from the keyboard, sends it once.
    sink.rejectRecipients.delete('cy@example.com');
    const resend = cy.getByRole('button', { name: 'Resend the scorecard email to Cy Panel' });
    await resend.focus();
    await page.keyboard.press('Enter');
    await expect(cy.getByTestId('panel-forms-status')).toContainText('Asked', { timeout: 10_000 });
    await expect(cy.getByRole('button', { name: /^Resend/ })).toHaveCount(0);
    await expect(panel.getByRole('heading', { name: 'Panel scorecards' })).toBeFocused();
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual(['bob@example.com', 'cy@example.com']);
    await saveScreenshot(page, 'panel-forms-resent');
  } finally {
    await app.stop();
    await g.close();
    await sink.close();
    temp.cleanup();
  }
});

test('after restoring a copy, the scorecard emails it says are due wait in the review: one sent, one dropped', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const sink = await startSmtpSink();
  const temp = makeTempDir('idesk-e2e-');
  // Ended 20 minutes ago: connecting Forms makes the form, and nobody is asked for another 40 minutes.
  const interview = panelInterview(Date.now() - 65 * 60_000, { timeZone: 'UTC' });
  seedStore(temp.dir, {
    interviews: [interview],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const env = { ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url, ...fakeBrowserEnv };
  let app = await startWebMode(env, temp.dir);
  try {
    await connectAndOpenRoom(page, app.url, interview.id);
    const panel = page.getByRole('region', { name: 'Panel scorecards' });
    await panel.getByRole('button', { name: 'Connect Google Forms' }).click();
    await expect(panel.getByRole('button', { name: 'Open the form' })).toBeVisible({ timeout: 20_000 });
    await app.stop();
    // The next start keeps a good copy (at most one a day: the first start's goes), with the form in it.
    fs.rmSync(databasePaths(temp.dir).backup);
    app = await startWebMode(env, temp.dir);
    await app.stop();
    // The copy says both were asked a day ago (as if a reminder had come due before the
    // damage); the database is then damaged, and the copy restored at the next start.
    const copy = new DatabaseSync(databasePaths(temp.dir).backup);
    copy.prepare('UPDATE panel_form_recipients SET asked_ms = ?').run(Date.now() - 25 * 3_600_000);
    copy.close();
    fs.writeFileSync(databasePaths(temp.dir).file, 'this is not a database '.repeat(100));
    app = await startWebMode(env, temp.dir);
    await page.goto(app.url);
    const review = page.getByRole('region', { name: 'Messages waiting from the restored copy' });
    const items = review.getByRole('list', { name: 'Waiting messages' }).getByRole('listitem');
    await expect(items).toHaveCount(2, { timeout: 15_000 });
    await expect(items.nth(0)).toContainText('Scorecard reminder to Bob Panel (Ada Lovelace, Compiler Engineer), due');
    await expect(items.nth(1)).toContainText('Scorecard reminder to Cy Panel (Ada Lovelace, Compiler Engineer), due');
    await saveScreenshot(page, 'panel-forms-restore-review');
    await expectAccessible(page, 'restore review with scorecard emails');

    // From the keyboard: drop Cy's (counted as sent), send Bob's.
    await review
      .getByRole('button', { name: 'Drop: Scorecard reminder to Cy Panel (Ada Lovelace, Compiler Engineer)' })
      .focus();
    await page.keyboard.press('Enter');
    await expect(items).toHaveCount(1);
    await review
      .getByRole('button', { name: 'Send: Scorecard reminder to Bob Panel (Ada Lovelace, Compiler Engineer)' })
      .focus();
    await page.keyboard.press('Enter');
    await expect(review).toHaveCount(0);
    await expect
      .poll(() => sink.received.map((m) => [m.envelope.to[0], m.parsed.subject]))
      .toEqual([['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer (reminder)']]);

    await page.evaluate((id) => (location.hash = `#/interview/${id}`), interview.id);
    const rows = page.getByRole('region', { name: 'Panel scorecards' }).getByTestId('panel-forms-person');
    await expect(rows.nth(0).getByTestId('panel-forms-status')).toContainText('reminded once');
    await expect(rows.nth(1).getByTestId('panel-forms-status')).toContainText('reminded once');
    await expect(rows.nth(1)).toContainText('dropped after restoring a copy, so counted as sent');
    await saveScreenshot(page, 'panel-forms-after-restore');
    expect(sink.received).toHaveLength(1);
  } finally {
    await app.stop();
    await g.close();
    await sink.close();
    temp.cleanup();
  }
});
