import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreenshot, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { seriousAxe } from './keyboard';
import { DatabaseSync } from 'node:sqlite';
import { wrapDatabase } from '../../main/database/database';
import { DurableQueue } from '../../main/database/durable-queue';
import { databasePaths } from '../../main/database/open-database';
import { outboxPayloadSchema } from '../../main/mail/outbox/outbox-item';

test('schedule through the form, see it in the schedule, open the room', async ({ page, app }) => {
  await page.goto(app.url);
  // The recruiter's identity comes from Settings without a Google account.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name').fill('Rita Recruiter');
  await page.getByLabel('Your email').fill('rita@example.com');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

  await page.getByRole('link', { name: 'Schedule', exact: true }).click();
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule an interview' })).toBeVisible();
  await page.getByLabel('Candidate name').fill('Ada Lovelace');
  await page.getByLabel('Candidate email').fill('"Ada" <ada@example.com>');
  await page.getByLabel('Job title').fill('Staff Engineer');
  const berlinDate = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now() + 2 * 86_400_000);
  await page.getByLabel('Date', { exact: true }).fill(berlinDate);
  await page.getByLabel('Start time', { exact: true }).fill('10:00');
  await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
  await page.getByLabel('Candidate time zone (optional)').fill('Asia/Kolkata');
  await expect(page.getByTestId('candidate-local-time')).toContainText(/GMT\+5:30|IST/);
  await page.getByLabel('Duration (minutes)').fill('45');
  await page.getByLabel('Private notes').fill('Systems design round.');
  await page.getByLabel('Message to the candidate (optional)').fill('Please bring a laptop.');
  // Previewed as the email shows it, signed by the recruiter.
  await expect(page.getByRole('figure', { name: 'How the candidate will see your message' })).toContainText(
    'Message from Rita Recruiter:',
  );
  await expect(page.getByTestId('candidate-message-preview')).toHaveText('Please bring a laptop.');
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  // Main refused the display-name trick and the form names the field.
  await expect(page.getByLabel('Candidate email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error')).toContainText('Candidate email must be one plain address');
  await page.getByLabel('Candidate email').fill('ada@example.com');
  await page.getByLabel('Meet link (optional)').fill('https://meet.google.com/abc-defg-hij');
  await page.getByRole('button', { name: 'Schedule interview' }).click();

  // The room.
  await expect(page.getByRole('heading', { name: 'Ada Lovelace · Staff Engineer' })).toBeVisible();
  await expect(page.getByText('Systems design round.')).toBeVisible();
  await expect(page.getByText("Candidate's time")).toBeVisible();
  await expect(page.getByTestId('join-state')).toContainText(/Joining opens in [12] d/);
  await expect(page.getByRole('button', { name: 'Join in app' })).toHaveCount(0);
  await saveScreenshot(page, 'interview-room');

  // The schedule shows it, with its badge and the next-interview countdown.
  await page.getByRole('link', { name: '← Schedule' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'Ada Lovelace' });
  await expect(row).toContainText('Staff Engineer');
  await expect(row).toContainText('Upcoming');
  // Scheduled 10:00 Berlin; this browser is on London time, and the list says whose clock it shows.
  await expect(row).toContainText('09:00');
  await expect(page.getByTestId('schedule-zone')).toHaveText('Times on this computer’s clock (Europe/London).');
  await expect(page.getByTestId('next-countdown')).toContainText(/starts in [12] d/);
  await page.getByLabel('Search by candidate or job').fill('nobody');
  await expect(row).toHaveCount(0);
  await page.getByLabel('Search by candidate or job').fill('staff');
  await expect(page.getByRole('listitem').filter({ hasText: 'Ada Lovelace' })).toHaveCount(1);
  await saveScreenshot(page, 'schedule');
});

test('the join buttons follow the join window: before, open, ended, cancelled', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const soon = makeInterview({
    startUtc: at(10),
    candidate: { name: 'Soon Candidate', email: 'soon@example.com' },
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  const later = makeInterview({
    startUtc: at(120),
    candidate: { name: 'Later Candidate', email: 'later@example.com' },
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  const ended = makeInterview({
    startUtc: at(-180),
    candidate: { name: 'Ended Candidate', email: 'ended@example.com' },
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  const cancelled = makeInterview({
    startUtc: at(5),
    status: 'cancelled',
    candidate: { name: 'Cancelled Candidate', email: 'c@example.com' },
  });
  const noLink = makeInterview({ startUtc: at(8), candidate: { name: 'No Link', email: 'nolink@example.com' } });
  seedStore(temp.dir, { interviews: [soon, later, ended, cancelled, noLink], settings: { joinDefault: 'browser' } });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/interview/${later.id}`);
    await expect(page.getByTestId('join-state')).toContainText(/Joining opens in 1 h 4\d min/);

    await page.goto(`${app.origin}/#/interview/${soon.id}`);
    await expect(page.getByTestId('join-state')).toContainText('The interview starts in');
    const buttons = page.locator('.join-area .actions button');
    // Settings say "browser" is the default: it comes first and is the primary button.
    await expect(buttons.first()).toHaveText('Join in browser');
    await expect(buttons.first()).toHaveClass(/primary/);
    await page.getByRole('button', { name: 'Join in browser' }).click();
    await expect(page.getByText('Meet opened in your browser.')).toBeVisible();
    await expect(page.getByText(/Joined .* \(browser\)/)).toBeVisible();
    // Web mode has no app window: "Join in app" falls back to the browser and says so.
    await page.getByRole('button', { name: 'Join in app' }).click();
    await expect(page.getByText('Meet opened in your browser.')).toBeVisible();

    await page.goto(`${app.origin}/#/interview/${noLink.id}`);
    await expect(page.getByRole('button', { name: 'Join in browser' })).toBeDisabled();
    await page.getByLabel('Paste a Meet link').fill('https://evil.example.com/abc-defg-hij');
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect(page.locator('.field-error')).toContainText('Meet link must look like');
    await page.getByLabel('Paste a Meet link').fill('https://meet.google.com/xyz-abcd-efg');
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect(page.getByRole('button', { name: 'Join in browser' })).toBeEnabled();

    await page.goto(`${app.origin}/#/interview/${ended.id}`);
    await expect(page.getByTestId('join-state')).toContainText('This interview has ended.');
    // Nothing more is sent about the past, and nothing asks to be done twice: one Reschedule, no
    // Resend, no device check, no panel change; cancelling says no one is emailed.
    await expect(page.getByRole('button', { name: 'Reschedule' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Resend/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Check devices before joining' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit panel' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    const ask = page.getByRole('dialog', { name: /Cancel the interview/ });
    await expect(ask).toContainText('Its time has passed, so no one is emailed');
    await ask.getByRole('button', { name: 'Keep the interview' }).click();
    await expect(page.getByRole('button', { name: 'Join in browser' })).toHaveCount(0);
    await page.locator('.join-area').getByRole('button', { name: 'Reschedule' }).click();
    await expect(page.getByRole('form', { name: 'Reschedule' })).toBeVisible();

    await page.goto(`${app.origin}/#/interview/${cancelled.id}`);
    await expect(page.locator('.join-area')).toContainText('This interview was cancelled.');

    await page.goto(`${app.origin}/#/schedule`);
    await expect(page.getByRole('listitem').filter({ hasText: 'Soon Candidate' })).toContainText('Ready to join');
    await expect(page.getByRole('listitem').filter({ hasText: 'Cancelled Candidate' })).toContainText('Cancelled');
    await expect(page.getByRole('listitem').filter({ hasText: 'Ended Candidate' })).toContainText('Ended');
    await expect(page.getByRole('listitem').filter({ hasText: 'No Link' })).toContainText('Ready to join');
  } finally {
    await app.stop();
  }
});

test('after its scheduled end an interview is ended everywhere, with Join still offered quietly while the window is open', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const now = Date.now();
  // A 5-minute interview that ended 5 minutes ago: the join window (60 minutes after the start) is still open.
  const short = makeInterview({
    startUtc: new Date(now - 10 * 60_000).toISOString(),
    durationMinutes: 5,
    candidate: { name: 'Short Call', email: 'short@example.com' },
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  seedStore(temp.dir, { interviews: [short], settings: { firstRunDone: true } });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/schedule`);
    await expect(page.getByRole('listitem').filter({ hasText: 'Short Call' })).toContainText('Ended');
    await page.goto(`${app.origin}/#/interview/${short.id}`);
    await expect(page.locator('.screen-header .badge')).toHaveText('Ended');
    await expect(page.getByTestId('join-state')).toHaveText(
      /^The interview has ended\. You can still join for (50|49) minutes\.$/,
    );
    const buttons = page.locator('.join-area .actions button');
    await expect(buttons).toHaveCount(2);
    // Offered quietly: neither button is the primary one any more.
    await expect(page.locator('.join-area .actions button.primary')).toHaveCount(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await saveScreenshot(page, 'room-ended-join-open');

    // Analytics counts it as past at its end, not as upcoming.
    await page.getByRole('link', { name: 'Analytics' }).click();
    await expect(page.getByTestId('figure-upcoming')).toHaveText('0');
    await expect(
      page.getByRole('region', { name: 'Your joins from this app' }).getByTestId('figure-no-join-from-the-app'),
    ).toHaveText('1');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});

test('reschedule and cancel from the room', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: new Date(Date.now() + 48 * 3600_000).toISOString(),
    candidate: { name: 'Move Me', email: 'move@example.com' },
  });
  seedStore(temp.dir, { interviews: [interview] });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/interview/${interview.id}`);
    await page.getByRole('button', { name: 'Reschedule' }).first().click();
    const form = page.getByRole('form', { name: 'Reschedule' });
    await form.getByLabel('New date').fill('2020-01-01');
    await form.getByRole('button', { name: 'Save new time' }).click();
    await expect(form.locator('.field-error')).toContainText('in the past');
    const target = new Date(Date.now() + 72 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const berlinDate = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(target);
    await form.getByLabel('New date').fill(berlinDate);
    await form.getByLabel('New start time').fill(`${pad(14)}:30`);
    await form.getByRole('button', { name: 'Save new time' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.locator('.details')).toContainText('14:30');
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel the interview with Move Me?' })
      .getByRole('button', { name: 'Cancel interview' })
      .click();
    await expect(page.locator('.room .badge')).toHaveText('Cancelled');
  } finally {
    await app.stop();
  }
});

test('reschedule into an hour that happens twice: the dialog asks which one, from the keyboard too', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: new Date(Date.now() + 48 * 3600_000).toISOString(),
    timeZone: 'Europe/London',
    candidate: { name: 'Twice Over', email: 'twice@example.com' },
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  seedStore(temp.dir, { interviews: [interview], settings: { firstRunDone: true } });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/interview/${interview.id}`);
    await page.getByRole('button', { name: 'Reschedule' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule' });
    // 01:30 on 31 October 2027 happens twice in Britain: at 00:30 UTC (BST), then at 01:30 UTC (GMT).
    await dialog.getByLabel('New date').fill('2027-10-31');
    await dialog.getByLabel('New start time').fill('01:30');
    const question = dialog.getByRole('group', { name: 'This time happens twice that day' });
    await expect(question).toContainText('01:30 happens twice on 2027-10-31 in Europe/London');
    await saveScreenshot(page, 'reschedule-time-happens-twice');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousAxe(page, `reschedule, time happens twice (${scheme})`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // From the keyboard: Tab from the duration reaches the question; an arrow key chooses, and the
    // question stays where it is with the answer checked (the focus is not lost).
    await dialog.getByLabel('Duration (minutes)').focus();
    await page.keyboard.press('Tab');
    const first = question.getByLabel('The first one (before the clocks go back)');
    const second = question.getByLabel('The second one (after the clocks go back)');
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(second).toBeChecked();
    await page.waitForTimeout(400);
    await expect(second).toBeFocused();
    await expect(second).toBeChecked();
    await saveScreenshot(page, 'reschedule-time-happens-twice-answered');
    await dialog.getByRole('button', { name: 'Save new time' }).click();
    await expect(dialog).toHaveCount(0);
    // The second 01:30 is in Greenwich Mean Time (the first was still British Summer Time).
    const yourTime = page.locator('.details dt:text-is("Your time") + dd');
    await expect(yourTime).toContainText(/\b0?1:30\b/);
    await expect(yourTime).toContainText('Greenwich Mean Time');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});

test('schedule at a time that happens twice: the answer stays checked under the focus', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  seedStore(temp.dir, {
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' },
  });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.evaluate(() => (location.hash = '#/schedule/new'));
    await expect(page.getByRole('heading', { name: 'Schedule an interview' })).toBeVisible({ timeout: 15_000 });
    await page.getByLabel('Candidate name').fill('Twice Over');
    await page.getByLabel('Candidate email').fill('twice@example.com');
    await page.getByLabel('Job title').fill('Engineer');
    await page.getByLabel('Date', { exact: true }).fill('2027-10-31');
    await page.getByLabel('Start time', { exact: true }).fill('01:30');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/London');
    await page.getByLabel('Meet link (optional)').fill('https://meet.google.com/abc-defg-hij');
    const question = page.getByRole('group', { name: 'This time happens twice that day' });
    await expect(question).toContainText('01:30 happens twice on 2027-10-31 in Europe/London');
    await page.getByLabel('Time zone', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(question.getByLabel('The first one (before the clocks go back)')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const second = question.getByLabel('The second one (after the clocks go back)');
    await expect(page.getByText(/^Starts/)).toContainText('01:30');
    await expect(second).toBeFocused();
    await expect(second).toBeChecked();
    await saveScreenshot(page, 'schedule-time-happens-twice-answered');
    expect(await seriousAxe(page, 'schedule, time happens twice, answered')).toEqual([]);
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await expect(page.getByRole('heading', { name: 'Twice Over · Engineer' })).toBeVisible();
    const yourTime = page.locator('.details dt:text-is("Your time") + dd');
    await expect(yourTime).toContainText(/\b0?1:30\b/);
    await expect(yourTime).toContainText('Greenwich Mean Time');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});

test('analytics says only what the app saw, counts the future, and exports CSV', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  const day = 86_400_000;
  const base = Date.now() - 10 * day;
  const at = (ms: number) => new Date(ms).toISOString();
  seedStore(temp.dir, {
    interviews: [
      makeInterview({
        startUtc: at(base),
        jobTitle: 'Engineer',
        joins: [{ joinedAt: at(base), leftAt: at(base + 40 * 60_000), via: 'app' }],
      }),
      makeInterview({
        startUtc: at(base + day),
        jobTitle: 'Engineer',
        joins: [{ joinedAt: at(base + day), leftAt: at(base + day + 50 * 60_000), via: 'app' }],
      }),
      makeInterview({ startUtc: at(base + 2 * day), jobTitle: 'Designer' }),
      makeInterview({ startUtc: at(base + 3 * day), jobTitle: 'Designer', status: 'cancelled' }),
      // Cancelled for tomorrow: inside the default period, so counted as cancelled.
      makeInterview({ startUtc: at(Date.now() + day), jobTitle: 'Designer', status: 'cancelled' }),
      // Join pressed early (5 minutes ago, starts in 10): not a result before its end.
      makeInterview({
        startUtc: at(Date.now() + 10 * 60_000),
        jobTitle: 'Engineer',
        joins: [{ joinedAt: at(Date.now() - 5 * 60_000), via: 'browser' }],
      }),
    ],
  });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Analytics' }).click();
    await expect(page.getByTestId('figure-scheduled')).toHaveText('4');
    await expect(page.getByTestId('figure-you-joined-from-the-app')).toHaveText('2');
    // The app's own join history is labelled as such, apart from the interview counts.
    const appJoins = page.getByRole('region', { name: 'Your joins from this app' });
    await expect(appJoins.getByTestId('figure-no-join-from-the-app')).toHaveText('1');
    await expect(page.getByTestId('figure-upcoming')).toHaveText('1');
    await expect(page.getByTestId('figure-cancelled')).toHaveText('2');
    await expect(page.getByTestId('figure-average-time-in-the-app')).toHaveText('45 min');
    await expect(page.getByTestId('analytics-scope')).toContainText('does not mean the candidate did not show up');
    await expect(page.getByText(/no-show|completed/i)).toHaveCount(0);
    await expect(page.getByRole('img', { name: /Interviews per week/ })).toBeVisible();
    // Weeks are named as people say them in their locale ("Nov 2" / "2 Nov"; read out with the weekday
    // and year), never "11-02".
    const labels = await page.locator('.chart-label').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^(?:[A-Z][a-z]{2,3}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,3}\.?)$/);
    await expect(page.getByRole('img', { name: /Interviews per week/ })).toHaveAccessibleName(
      /week of Monday,? (?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+),? \d{4}: /,
    );
    await expect(page.getByRole('row', { name: /Engineer/ })).toContainText('2');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('"Join recorded by the app"');
    expect(csv).toContain('"You joined from the app"');
    expect(csv).toContain('"No join from the app"');
    expect(csv).not.toMatch(/no-show|completed/i);
    await saveScreenshot(page, 'analytics');
  } finally {
    await app.stop();
  }
});

test('a damaged database is moved aside, the last good copy restored, and the person is told', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  const kept = makeInterview({
    startUtc: new Date(Date.now() + 86_400_000).toISOString(),
    candidate: { name: 'Kept Safe', email: 'kept@example.com' },
  });
  seedStore(temp.dir, { interviews: [kept] });
  const first = await startWebMode({}, temp.dir);
  await first.stop();
  // The copy holds the invitations that were waiting when it was taken.
  const copy = wrapDatabase(new DatabaseSync(databasePaths(temp.dir).backup), databasePaths(temp.dir).backup);
  const mail = new DurableQueue(copy, 'mail', outboxPayloadSchema, () => Date.now());
  for (const recipient of ['candidate', 'recruiter'] as const) mail.add(kept.id, { recipient, kind: 'invitation' });
  copy.close();
  const fs = await import('node:fs');
  fs.writeFileSync(`${temp.dir}/interview-desk.sqlite`, 'this is not a database '.repeat(100));
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText('restored the last good copy');
    await page.goto(`${app.origin}/#/schedule`);
    await expect(page.getByRole('list', { name: 'Interviews' })).toContainText('Kept Safe');
    await page.getByRole('button', { name: /Dismiss notice/ }).click();
    await expect(page.getByRole('region', { name: 'Notices' })).toHaveCount(0);
    // Nothing the copy held goes out on its own: the person sends or drops each message, by keyboard.
    const review = page.getByRole('region', { name: 'Messages waiting from the restored copy' });
    await expect(review.getByRole('list', { name: 'Waiting messages' }).getByRole('listitem')).toHaveCount(2);
    await expect(review).toContainText('Invitation to Kept Safe about Kept Safe');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await review.getByRole('button', { name: 'Drop: Invitation to you about Kept Safe (Engineer)' }).focus();
    await page.keyboard.press('Enter');
    await expect(review.getByRole('listitem')).toHaveCount(1);
    await expect(review.getByRole('heading')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('button', { name: 'Send: Invitation to Kept Safe about Kept Safe (Engineer)' }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(review).toHaveCount(0);
    await page.goto(`${app.origin}/#/interview/${kept.id}`);
    await expect(page.getByText('Invitation to you not sent: dropped after restoring a copy')).toBeVisible();
    await expect(page.getByText(/Invitation queued for Kept Safe/)).toBeVisible();
    expect(
      fs.readdirSync(temp.dir).some((f: string) => f.startsWith('interview-desk.damaged-') && f.endsWith('.sqlite')),
    ).toBe(true);
  } finally {
    await app.stop();
  }
});

test('candidate mode: paste the invitation link, see the interview with its countdown', async ({ page, app }) => {
  await page.goto(app.url);
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  await page.getByLabel('Invitation link or Meet link').fill('interview-desk://join?meet=https://evil.com&start=x');
  await page.getByRole('button', { name: 'Save my interview' }).click();
  await expect(page.getByRole('alert')).toContainText('abc-defg-hij');
  await page
    .getByLabel('Invitation link or Meet link')
    .fill(
      `interview-desk://join?meet=abc-defg-hij&start=${encodeURIComponent(start.toISOString())}&title=Staff+Engineer+interview`,
    );
  // The sender chose the link's contents: the form shows them before anything is saved, and saving is asked once.
  await expect(page.getByTestId('join-preview-title')).toHaveText('Staff Engineer interview');
  await expect(page.locator('.details')).toContainText('https://meet.google.com/abc-defg-hij');
  await saveScreenshot(page, 'candidate-join-preview');
  await page.getByRole('button', { name: 'Save my interview' }).click();
  await expect(page.getByRole('heading', { name: /Staff Engineer interview/ })).toBeVisible();
  await expect(page.getByTestId('join-state')).toContainText(/Joining opens in [23] d/);
  await expect(page.locator('.details')).toContainText('https://meet.google.com/abc-defg-hij');
  await saveScreenshot(page, 'candidate-room');
});
