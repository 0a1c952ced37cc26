import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { connectedRecruiter } from './connected-recruiter';
import { eventIdFor } from '../../main/google/calendar/event-mapping';
import { startSmtpSink } from '../support/smtp-sink';
import { icsAttachment } from '../support/mail-harness';
import { parseWithIcalJs, parseWithPython } from '../support/ics-check';

/** One call to main through the page's own session, as the renderer makes it. */
const callFromPage = (page: Page, name: string, input: unknown) =>
  page.evaluate(
    async ([n, i]) =>
      (
        await fetch(`/api/call/${encodeURIComponent(n as string)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: i }),
        })
      ).json() as Promise<{ ok: boolean; value?: { id: string } }>,
    [name, input] as const,
  );

test('a cancel made in Google Calendar: the room offers only Send cancellation, whose CANCEL outranks the invitation', async ({
  page,
}) => {
  const sink = await startSmtpSink();
  const { g, close } = await connectedRecruiter(page, { INTERVIEW_DESK_SMTP_URL: sink.url });
  try {
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await callFromPage(page, 'interviews:schedule', {
      candidateName: 'Linus Pauling',
      candidateEmail: 'linus@example.com',
      jobTitle: 'Chemist',
      date,
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      acceptConflicts: true,
    });
    const id = scheduled.value!.id;
    await expect.poll(() => sink.received.length, { timeout: 15_000 }).toBe(2);
    const invitation = parseWithPython(icsAttachment(sink.received[0]!));
    await page.goto(`${new URL(page.url()).origin}/#/interview/${id}`);
    await expect(page.getByRole('heading', { name: 'Linus Pauling · Chemist' })).toBeVisible();

    // Someone deletes the event in Google Calendar; the app syncs.
    g.calendar.deleteAsUser(eventIdFor(id));
    expect(await callFromPage(page, 'google:syncNow', undefined)).toMatchObject({ ok: true, value: { changed: 1 } });
    const line = page.getByTestId('calendar-change');
    await expect(line).toContainText('Cancelled in Google Calendar', { timeout: 15_000 });
    await expect(page.getByRole('button', { name: /^Resend/ })).toHaveCount(0);
    await saveScreenshot(page, 'interview-room-cancelled-in-calendar');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
        [],
      );
    }

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
