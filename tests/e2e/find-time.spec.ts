import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreenshot, test } from './fixtures';
import { fakeBrowserEnv } from './connected-recruiter';
import { startWebMode } from '../support/web-mode';
import { startGoogleEmulator } from '../google-emulator/google-emulator';
import { startSmtpSink } from '../support/smtp-sink';
import { icsAttachment } from '../support/mail-harness';
import { parseWithPython } from '../support/ics-check';
import { DateTime } from 'luxon';
import { focused } from './keyboard';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

const zone = 'Europe/Berlin';
const candidateZone = 'Asia/Kolkata';
/** The next Monday to Friday at least three days ahead, in Berlin. */
function weekdayAhead(): DateTime {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: 3 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}
const at = (day: DateTime, hhmm: string) =>
  day
    .set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3)) })
    .toUTC()
    .toISO()!;

test('find a time: busy blocks from Google on the timeline, the conflict named, only free suggestions, one click fills the form', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const sink = await startSmtpSink();
  g.calendar.conferenceMode = 'success';
  const app = await startWebMode({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url, ...fakeBrowserEnv });
  const day = weekdayAhead();
  // The recruiter's own meeting (from their Google Calendar) and a co-interviewer's, both that day.
  g.calendar.insertForeign({
    summary: 'Budget review',
    start: { dateTime: at(day, '13:00') },
    end: { dateTime: at(day, '14:00') },
  });
  g.freeBusy.setBusy('pat@example.com', [{ start: at(day, '10:00'), end: at(day, '11:00') }]);
  g.freeBusy.setError('sam@other.org', 'notFound');
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    const setup = page.getByRole('form', { name: 'About you and your company' });
    await expect(setup.getByLabel('Your email')).toHaveValue('recruiter@example.com', { timeout: 15_000 });
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });

    // Settings → Find a time: a refusal beside its field, then working hours from 11:00.
    await page.getByRole('link', { name: 'Settings' }).click();
    const hours = page.getByRole('region', { name: 'Find a time' });
    await hours.getByLabel('Working hours end').fill('08:00');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await expect(hours.getByLabel('Working hours end')).toHaveAccessibleDescription(
      'Working hours must end after they start',
    );
    await hours.getByLabel('Working hours start').fill('11:00');
    await hours.getByLabel('Working hours end').fill('17:00');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await expect(hours.getByRole('status')).toHaveText('Hours saved.');
    await saveScreenshot(page, 'find-time-settings');
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Schedule interview' }).click();

    await page.getByLabel('Candidate name').fill('Ada Lovelace');
    await page.getByLabel('Candidate email').fill('ada@example.com');
    await page.getByLabel('Job title').fill('Staff Engineer');
    await page.getByLabel('Date', { exact: true }).fill(day.toISODate()!);
    await page.getByLabel('Start time', { exact: true }).fill('10:00');
    await page.getByLabel('Time zone', { exact: true }).fill(zone);
    await page.getByLabel('Candidate time zone (optional)').fill(candidateZone);

    // Connected with calendar.events only: the form says what free/busy needs and asks for it once.
    const note = page.getByTestId('free-busy-note');
    await expect(note).toContainText('allow Interview Desk to see free/busy');
    expect(g.count('/freeBusy', 'POST')).toBe(0);
    await note.getByRole('button', { name: 'Allow free/busy' }).click();
    await expect(note).toBeHidden({ timeout: 15_000 });
    await expect(page.getByTestId('lane-recruiter')).toContainText('busy 13:00–14:00');
    // The button went with the note: focus is on the timeline it filled, not on <body>.
    await expect(page.getByRole('figure', { name: /^Busy times on/ })).toBeFocused();
    // A key says what the blocks mean.
    await expect(page.getByRole('list', { name: 'Key' }).getByRole('listitem')).toHaveText([
      'Busy',
      'Proposed interview',
    ]);

    // A panel: Pat (busy 10–11) and Sam (Google does not know the calendar). Google is asked when an address is finished.
    await page.getByRole('button', { name: 'Add co-interviewer' }).click();
    // The new field (above the button) takes the focus.
    await expect(page.getByLabel('Co-interviewer 1 email')).toBeFocused();
    await page.getByLabel('Co-interviewer 1 email').fill('pat@example.com');
    await page.getByLabel('Co-interviewer 1 name (optional)').fill('Pat Panel');
    await page.getByRole('button', { name: 'Add co-interviewer' }).click();
    await page.getByLabel('Co-interviewer 2 email').fill('sam@other.org');
    await page.getByLabel('Co-interviewer 2 name (optional)').fill('Sam Outside');
    await expect(page.getByTestId('lane-pat@example.com')).toContainText('busy 10:00–11:00', { timeout: 10_000 });
    await expect(page.getByTestId('lane-sam@other.org')).toContainText(
      'Google does not share this calendar with your account',
    );
    // Said once (not a hidden copy for screen readers as well).
    expect(
      ((await page.getByTestId('lane-sam@other.org').textContent()) ?? '').split('so their busy times are not shown'),
    ).toHaveLength(2);
    await expect(page.getByTestId('busy-warning')).toHaveText('Busy then: Pat Panel.');
    const candidateTime = (iso: string) => DateTime.fromISO(iso).setZone(candidateZone).toFormat('HH:mm');
    await expect(page.getByTestId('proposal-line')).toContainText(
      `${candidateTime(at(day, '10:00'))}–${candidateTime(at(day, '11:00'))} for the candidate (${candidateZone})`,
    );
    await saveScreenshot(page, 'find-time-conflict');

    // Typing never asks Google: moving the time and editing names reuse the answer.
    const asked = g.count('/freeBusy', 'POST');
    await page.getByLabel('Start time', { exact: true }).fill('13:30');
    await expect(page.getByTestId('busy-warning')).toHaveText('Busy then: You.');
    await page.getByLabel('Co-interviewer 1 name (optional)').fill('Pat P. Panel');
    await page.getByLabel('Duration (minutes)').fill('90');
    await page.getByLabel('Duration (minutes)').fill('60');
    await page.waitForTimeout(800);
    expect(g.count('/freeBusy', 'POST')).toBe(asked);
    console.log(
      `freeBusy requests: ${asked} for the form session so far (consent, then each finished panel), none while typing`,
    );
    await page.getByRole('button', { name: 'Refresh busy times' }).click();
    // While busy times reload the buttons stay in the Tab order (aria-disabled, never disabled), and say why.
    const refreshButton = page.getByRole('button', { name: 'Refresh busy times' });
    await expect(refreshButton).toHaveAttribute('aria-disabled', 'true');
    expect(await refreshButton.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await expect(refreshButton).toBeFocused();
    await expect(page.getByTestId('busy-times-status')).toHaveText('Checking busy times…');
    await expect.poll(() => g.count('/freeBusy', 'POST')).toBe(asked + 1);
    await expect(refreshButton).toHaveAttribute('aria-disabled', 'false');
    await expect(page.getByTestId('busy-times-status')).toHaveText('');

    // Suggestions: only free slots inside 11:00–17:00 Berlin (Mon–Fri, from Settings) and 08:00–20:00 in Kolkata.
    await page.getByRole('button', { name: 'Suggest times' }).click();
    const offered = page.getByRole('list', { name: 'Suggested times' }).getByRole('button');
    // 15:00–16:00 would end after 20:00 in Kolkata: the next one is the next working day's first free hour.
    let next = day.plus({ days: 1 });
    while (next.weekday > 5) next = next.plus({ days: 1 });
    const expected = [
      ...['11:00', '11:30', '12:00', '14:00', '14:30'].map((t) => [day, t] as const),
      [next, '11:00'] as const,
    ].map(([d, t]) => {
      const start = at(d, t);
      const end = DateTime.fromISO(start).plus({ minutes: 60 }).setZone(zone).toFormat('HH:mm');
      return `${d.toFormat('ccc d LLL')}, ${t}–${end} (candidate ${candidateTime(start)})`;
    });
    await expect(offered).toHaveText(expected);
    await saveScreenshot(page, 'find-time-suggestions');
    const axe = async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };
    await axe();

    // Pressing Schedule over the busy block asks first: whose time and when, and whom Google could not tell about.
    await page.getByRole('button', { name: 'Schedule interview' }).last().click();
    const question = page.getByRole('dialog', { name: 'Someone may be busy then' });
    await expect(question.getByTestId('conflict-question')).toHaveText(
      'You are busy 13:00–14:00 in Google Calendar. Google could not tell whether Sam Outside is free then: their calendar is not shared with you. Schedule anyway?',
    );
    await expect(question.getByRole('button', { name: 'Pick another time' })).toBeFocused();
    await saveScreenshot(page, 'find-time-conflict-question');
    await axe();
    await page.keyboard.press('Enter');
    await expect(question).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Schedule an interview' })).toBeVisible();
    expect(g.calendar.all().filter((e) => e.summary !== 'Budget review')).toHaveLength(0);

    // Picking the next working day's slot fills both date and time; that day is inside the answer already held.
    const beforePick = g.count('/freeBusy', 'POST');
    await offered.filter({ hasText: `${next.toFormat('ccc d LLL')}, 11:00–12:00` }).click();
    await expect(page.getByLabel('Start time', { exact: true })).toHaveValue('11:00');
    await expect(page.getByLabel('Date', { exact: true })).toHaveValue(next.toISODate()!);
    await expect(page.getByTestId('busy-warning')).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Filled in' })).toContainText(
      `${next.toFormat('ccc d LLL')}, 11:00–12:00`,
    );
    // The picked suggestion is marked as chosen; the others are not.
    await expect(offered.filter({ hasText: `${next.toFormat('ccc d LLL')}, 11:00–12:00` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(offered.and(page.locator('[aria-pressed="true"]'))).toHaveCount(1);
    await expect(page.getByTestId('proposal-line')).toContainText('11:00–12:00');
    await page.waitForTimeout(600);
    expect(g.count('/freeBusy', 'POST')).toBe(beforePick);
    await saveScreenshot(page, 'find-time-picked');

    // Scheduled (Google cannot tell about Sam, so it asks; "anyway"): the panel is in the room, and each co-interviewer gets the invitation with the same .ics.
    await page.getByRole('button', { name: 'Schedule interview' }).last().click();
    await page
      .getByRole('dialog', { name: 'Someone may be busy then' })
      .getByRole('button', { name: 'Schedule anyway' })
      .click();
    await expect(page.getByRole('heading', { name: 'Ada Lovelace · Staff Engineer' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('list', { name: 'Co-interviewers' })).toContainText('Pat P. Panel <pat@example.com>');
    await expect(page.getByTestId('invitation-panel-pat@example.com')).toContainText(
      'Invitation sent to Pat P. Panel',
      { timeout: 15_000 },
    );
    await expect(page.getByTestId('invitation-panel-sam@other.org')).toContainText('Invitation sent to Sam Outside', {
      timeout: 15_000,
    });
    await saveScreenshot(page, 'find-time-room');
    const toPat = sink.received.filter((m) => m.envelope.to.includes('pat@example.com'));
    expect(toPat).toHaveLength(1);
    fs.mkdirSync('tests/artifacts/email', { recursive: true });
    fs.writeFileSync(
      'tests/artifacts/email/panelist-invitation.txt',
      `${toPat[0]!.parsed.subject}\n\n${toPat[0]!.parsed.text}\n\n${icsAttachment(toPat[0]!)}`,
    );
    const ics = parseWithPython(icsAttachment(toPat[0]!));
    expect(ics.start).toBe(DateTime.fromISO(at(next, '11:00')).toUTC().toISO());
    expect(ics.attendees.map((a) => a.email)).toEqual([
      'mailto:ada@example.com',
      'mailto:pat@example.com',
      'mailto:sam@other.org',
    ]);

    // Rescheduling shows the same timeline: the interview's own time is not "busy", Pat's meeting is.
    await page.getByRole('button', { name: 'Reschedule' }).first().click();
    const move = page.getByRole('form', { name: 'Reschedule' });
    await expect(move.getByTestId('lane-pat@example.com')).toContainText('free all day', { timeout: 10_000 });
    await expect(move.getByTestId('busy-warning')).toBeHidden();
    await move.getByLabel('New date').fill(day.toISODate()!);
    await move.getByLabel('New start time').fill('10:00');
    await expect(move.getByTestId('busy-warning')).toHaveText('Busy then: Pat P. Panel.');
    await move.getByRole('button', { name: 'Suggest times' }).click();
    await move.getByRole('list', { name: 'Suggested times' }).getByRole('button').first().click();
    await expect(move.getByLabel('New start time')).toHaveValue('11:00');
    await expect(move.getByTestId('busy-warning')).toBeHidden();
    await saveScreenshot(page, 'find-time-reschedule');
    await move.getByRole('button', { name: 'Save new time' }).click();
    await page
      .getByRole('dialog', { name: 'Someone may be busy then' })
      .getByRole('button', { name: 'Move anyway' })
      .click();
    await expect
      .poll(() => sink.received.filter((m) => m.envelope.to.includes('pat@example.com')).length, { timeout: 15_000 })
      .toBe(2);
    // Everyone who holds the invitation got the new time, and the room says so: the candidate, the panel and you.
    await expect(page.getByTestId('delivery-confirmation')).toHaveText(
      /^New time sent to Ada Lovelace, Pat P\. Panel, Sam Outside and you at (\d{1,2} \w{3}, )?\d\d:\d\d\.$/,
      { timeout: 15_000 },
    );
    const update = parseWithPython(
      icsAttachment(sink.received.filter((m) => m.envelope.to.includes('pat@example.com'))[1]!),
    );
    expect([update.method, update.start, update.sequence > ics.sequence]).toEqual([
      'REQUEST',
      DateTime.fromISO(at(day, '11:00')).toUTC().toISO(),
      true,
    ]);

    // Editing the panel in the room: a refusal beside its field, then Sam off and Kim on.
    await page.getByRole('button', { name: 'Edit panel' }).click();
    const edit = page.getByRole('form', { name: 'Edit panel' });
    // The button made way for the form: its first field has the focus.
    await expect(edit.getByLabel('Co-interviewer 1 email')).toBeFocused();
    // "Their busy times show below": they do, the interview's own time not counted as busy for whoever holds it.
    await expect(edit.getByTestId('lane-pat@example.com')).toContainText('busy 10:00–11:00', { timeout: 10_000 });
    await expect(edit.getByTestId('lane-recruiter')).toContainText('busy 13:00–14:00');
    await expect(edit.getByTestId('busy-warning')).toBeHidden();
    await expect(edit.getByRole('button', { name: 'Suggest times' })).toHaveCount(0);
    await saveScreenshot(page, 'find-time-panel-editor');
    await axe();
    await edit.getByRole('button', { name: 'Add co-interviewer' }).click();
    await edit.getByLabel('Co-interviewer 3 email').fill('ada@example.com');
    await edit.getByRole('button', { name: 'Save panel' }).click();
    await expect(edit.getByLabel('Co-interviewer 3 email')).toHaveAccessibleDescription(
      "Co-interviewer email is the candidate's address: add a colleague here.",
    );
    await edit.getByLabel('Co-interviewer 3 email').fill('kim@example.com');
    await edit.getByLabel('Co-interviewer 3 name (optional)').fill('Kim New');
    await edit.getByRole('button', { name: 'Remove co-interviewer 2 (sam@other.org)' }).click();
    // Focus goes to the Remove that now stands where Sam's was (Kim's row moved up).
    expect((await focused(page)).name).toBe('Remove co-interviewer 2 (kim@example.com)');
    await expect(edit.getByTestId('lane-kim@example.com')).toContainText('Google does not share this calendar', {
      timeout: 10_000,
    });
    await edit.getByRole('button', { name: 'Save panel' }).click();
    // Kim is new, and Google does not know her calendar: asked first.
    const panelQuestion = page.getByRole('dialog', { name: 'Someone may be busy then' });
    await expect(panelQuestion.getByTestId('conflict-question')).toHaveText(
      'Google could not tell whether Kim New is free then: their calendar is not shared with you. Save the panel anyway?',
    );
    await panelQuestion.getByRole('button', { name: 'Save panel anyway' }).click();
    await expect(page.getByTestId('panel-saved')).toHaveText(
      'Panel saved. Invitation on its way to Kim New. Sam Outside will be told they are off the panel. The candidate and everyone else on the panel get an update naming the new panel.',
    );
    await expect(page.getByTestId('panel-saved')).toBeFocused();
    // The earlier reschedule's "New time sent" would now describe the wrong update: it goes.
    await expect(page.getByTestId('delivery-confirmation')).toHaveCount(0);
    await expect(page.getByTestId('invitation-panel-kim@example.com')).toContainText('Invitation sent to Kim New', {
      timeout: 15_000,
    });
    // Whoever stays is told the new panel: the room says so for the candidate, and the email names it.
    await expect(page.getByTestId('invitation-candidate')).toContainText('Update sent to Ada Lovelace', {
      timeout: 15_000,
    });
    await expect
      .poll(() => sink.received.filter((m) => m.envelope.to.includes('ada@example.com')).at(-1)?.parsed.subject ?? '', {
        timeout: 15_000,
      })
      .toMatch(/^New interview panel: Staff Engineer/);
    await expect
      .poll(() => sink.received.filter((m) => m.envelope.to.includes('sam@other.org')).length, { timeout: 15_000 })
      .toBe(3);
    const samLast = sink.received.filter((m) => m.envelope.to.includes('sam@other.org')).at(-1)!;
    expect([samLast.parsed.subject, parseWithPython(icsAttachment(samLast)).method]).toEqual([
      'No longer on the interview panel: Staff Engineer — Ada Lovelace',
      'CANCEL',
    ]);
    // Sam leaves the panel, not the record of what went out to him.
    await expect(page.getByTestId('invitation-former-sam@other.org')).toContainText(
      /Off-the-panel notice sent to Sam Outside at (\d{1,2} \w{3}, )?\d\d:\d\d \(taken off the panel\)/,
      { timeout: 15_000 },
    );
    await saveScreenshot(page, 'find-time-panel-edited');
  } finally {
    await app.stop();
    await g.close();
    await sink.close();
  }
});

test('find a time in the reschedule dialog at 800×600 with a 12-hour clock: hour labels never run together', async ({
  browser,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: at(weekdayAhead(), '10:00'),
    timeZone: zone,
    candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  seedStore(temp.dir, { interviews: [interview] });
  const app = await startWebMode({}, temp.dir);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/interview/${interview.id}`);
    await page.getByRole('button', { name: 'Reschedule' }).click();
    const move = page.getByRole('dialog', { name: 'Reschedule' });
    const labels = move.locator('.timeline-axis span');
    await expect(labels.first()).toBeVisible();
    await expect(labels.first()).toHaveText(/\d{1,2}:\d\d\s(AM|PM)/);
    const boxes = await labels.evaluateAll((spans) =>
      spans.map((s) => s.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.left - boxes[i - 1]!.right, `gap between hour labels ${i} and ${i + 1}`).toBeGreaterThanOrEqual(
        8,
      );
    await expect(move.getByRole('list', { name: 'Key' })).toBeVisible();
    await saveScreenshot(page, 'find-time-reschedule-narrow');
  } finally {
    await context.close();
    await app.stop();
    temp.cleanup();
  }
});
