import { expect, type Page } from '@playwright/test';
import type { SmtpSink } from '../support/smtp-sink';

/** One call to main through the page's own session, as the renderer makes it. */
export const callFromPage = (page: Page, name: string, input: unknown) =>
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

/**
 * Schedules an interview three days ahead at 10:00 UTC for 45 minutes, waits for its two
 * invitations in the sink, and opens its room. Returns its id and the day (YYYY-MM-DD).
 */
export async function scheduledRoom(
  page: Page,
  sink: SmtpSink,
  who: { candidateName: string; candidateEmail: string; jobTitle: string },
): Promise<{ id: string; date: string }> {
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const scheduled = await callFromPage(page, 'interviews:schedule', {
    ...who,
    date,
    time: '10:00',
    timeZone: 'UTC',
    durationMinutes: 45,
    acceptConflicts: true,
  });
  const id = scheduled.value!.id;
  await expect.poll(() => sink.received.length, { timeout: 15_000 }).toBe(2);
  await page.goto(`${new URL(page.url()).origin}/#/interview/${id}`);
  await expect(page.getByRole('heading', { name: `${who.candidateName} · ${who.jobTitle}` })).toBeVisible();
  return { id, date };
}
