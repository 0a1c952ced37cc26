import { expect, saveScreenshot, test } from './fixtures';
import { connectedRecruiter } from './connected-recruiter';
import { callFromPage, scheduledRoom } from './scheduled-room';
import { expectAccessible } from './accessibility-check';
import { eventIdFor } from '../../main/google/calendar/event-mapping';
import { startSmtpSink } from '../support/smtp-sink';
import { icsAttachment } from '../support/mail-harness';
import { parseWithIcalJs, parseWithPython } from '../support/ics-check';

test('a cancel made in Google Calendar: the room offers only Send cancellation, whose CANCEL outranks the invitation', async ({
  page,
}) => {
  const sink = await startSmtpSink();
  const { g, close } = await connectedRecruiter(page, { INTERVIEW_DESK_SMTP_URL: sink.url });
  try {
    const { id } = await scheduledRoom(page, sink, {
      candidateName: 'Linus Pauling',
      candidateEmail: 'linus@example.com',
      jobTitle: 'Chemist',
    });
    const invitation = parseWithPython(icsAttachment(sink.received[0]!));

    // Someone deletes the event in Google Calendar; the app syncs.
    g.calendar.deleteAsUser(eventIdFor(id));
    expect(await callFromPage(page, 'google:syncNow', undefined)).toMatchObject({ ok: true, value: { changed: 1 } });
    const line = page.getByTestId('calendar-change');
    await expect(line).toContainText('Cancelled in Google Calendar', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: /^Resend/ })).toHaveCount(0);
    await saveScreenshot(page, 'interview-room-cancelled-in-calendar');
    await expectAccessible(page, 'the room, cancelled in Calendar');

    await line.getByRole('button', { name: 'Send cancellation' }).focus();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('delivery-confirmation');
    await expect(result).toBeFocused();
    await expect(line).toHaveCount(0);
    await expect(result).toContainText('Cancellation sent to Linus Pauling', { timeout: 15_000 });
    await expect.poll(() => sink.received.length, { timeout: 15_000 }).toBe(4);
    for (const message of sink.received.slice(2)) {
      const text = icsAttachment(message);
      for (const cancel of [parseWithPython(text), parseWithIcalJs(text)]) {
        expect(cancel).toMatchObject({ method: 'CANCEL', uid: invitation.uid });
        expect(cancel.sequence).toBeGreaterThan(invitation.sequence);
      }
    }
    await saveScreenshot(page, 'interview-room-cancellation-sent');
  } finally {
    await close();
    await sink.close();
  }
});
