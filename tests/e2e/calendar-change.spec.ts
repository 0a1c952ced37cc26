import { expect, saveScreenshot, test } from './fixtures';
import { connectedRecruiter } from './connected-recruiter';
import { callFromPage, scheduledRoom } from './scheduled-room';
import { expectAccessible } from './accessibility-check';
import { eventIdFor } from '../../main/google/calendar/event-mapping';
import { startSmtpSink } from '../support/smtp-sink';
import { icsAttachment } from '../support/mail-harness';
import { parseWithIcalJs } from '../support/ics-check';

test('a move made in Google Calendar: the room says nobody was emailed; Send update emails it and focus goes to what went out', async ({
  page,
}) => {
  const sink = await startSmtpSink();
  const { g, close } = await connectedRecruiter(page, { INTERVIEW_DESK_SMTP_URL: sink.url });
  try {
    const { id, date } = await scheduledRoom(page, sink, {
      candidateName: 'Grace Hopper',
      candidateEmail: 'grace@example.com',
      jobTitle: 'Compiler Engineer',
    });

    // Someone drags the event to the afternoon in Google Calendar; the app syncs.
    g.calendar.editAsUser(eventIdFor(id), {
      start: { dateTime: `${date}T14:00:00.000Z`, timeZone: 'UTC' },
      end: { dateTime: `${date}T14:45:00.000Z`, timeZone: 'UTC' },
    });
    expect(await callFromPage(page, 'google:syncNow', undefined)).toMatchObject({ ok: true, value: { changed: 1 } });
    const line = page.getByTestId('calendar-change');
    await expect(line).toContainText('Moved in Google Calendar on', { timeout: 15_000 });
    await expect(line).toContainText('Interview Desk has not emailed the candidate.');
    expect(sink.received).toHaveLength(2);
    await saveScreenshot(page, 'interview-room-moved-in-calendar');
    await expectAccessible(page, 'the room, moved in Calendar');

    // By keyboard: the button goes with the line, and focus lands on what went out.
    await line.getByRole('button', { name: 'Send update' }).focus();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('delivery-confirmation');
    await expect(result).toBeFocused();
    await expect(line).toHaveCount(0);
    await expect(result).toContainText(/New time (queued for|sent to) Grace Hopper/);
    await expect(result).toContainText('New time sent to Grace Hopper', { timeout: 15_000 });
    await expect.poll(() => sink.received.length, { timeout: 15_000 }).toBe(4);
    const toGrace = sink.received.filter((m) => m.envelope.to.includes('grace@example.com')).at(-1)!;
    expect(parseWithIcalJs(icsAttachment(toGrace))).toMatchObject({
      method: 'REQUEST',
      start: `${date}T14:00:00.000Z`,
    });
  } finally {
    await close();
    await sink.close();
  }
});

test('a cancel made in Google Calendar that people already know about: "They already know" by keyboard sends nothing', async ({
  page,
}) => {
  const sink = await startSmtpSink();
  const { g, close } = await connectedRecruiter(page, { INTERVIEW_DESK_SMTP_URL: sink.url });
  try {
    const { id } = await scheduledRoom(page, sink, {
      candidateName: 'Katherine Johnson',
      candidateEmail: 'katherine@example.com',
      jobTitle: 'Flight Engineer',
    });

    // The event is deleted in Google Calendar; the recruiter has already phoned the candidate.
    g.calendar.deleteAsUser(eventIdFor(id));
    expect(await callFromPage(page, 'google:syncNow', undefined)).toMatchObject({ ok: true, value: { changed: 1 } });
    const line = page.getByTestId('calendar-change');
    await expect(line).toContainText('Cancelled in Google Calendar on', { timeout: 15_000 });
    await expect(page.locator('.room .screen-header .badge')).toHaveAttribute(
      'title',
      'Cancelled in Google Calendar: nobody emailed yet (Send cancellation in the room)',
    );

    // By keyboard: from Send cancellation, Tab reaches the other answer; focus lands on the note that replaces the line.
    await line.getByRole('button', { name: 'Send cancellation' }).focus();
    await page.keyboard.press('Tab');
    await expect(line.getByRole('button', { name: 'They already know' })).toBeFocused();
    await page.keyboard.press('Enter');
    const told = page.getByTestId('calendar-change-told');
    await expect(told).toBeFocused();
    await expect(told).toContainText(
      /^The cancellation made in Google Calendar was marked as told on .+ — Interview Desk sent nothing\.$/,
    );
    await expect(line).toHaveCount(0);
    await saveScreenshot(page, 'interview-room-cancel-marked-told');
    await expectAccessible(page, 'the room, a Calendar cancel marked as told');

    // Nothing went out, then or later.
    await page.waitForTimeout(500);
    expect(sink.received).toHaveLength(2);
  } finally {
    await close();
    await sink.close();
  }
});
