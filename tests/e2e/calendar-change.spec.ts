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
