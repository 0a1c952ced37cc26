import { DateTime } from 'luxon';
import { expect, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

/** Each system's clock, and how 13:00 and 09:05 read on it. */
const systems = [
  {
    locale: 'en-US',
    one: /\b1:00\sPM\b/,
    sent: /Invitation sent to Ada Lovelace at 9:05\sAM/,
    unlike: /13:00|09:05/,
    day: 'cccc, LLLL d',
  },
  {
    locale: 'en-GB',
    one: /\b13:00\b/,
    sent: /Invitation sent to Ada Lovelace at 09:05(?!\s?[AP]M)/,
    unlike: /\b(AM|PM|am|pm)\b/,
    day: 'cccc d LLLL',
  },
];

for (const system of systems) {
  test.describe(`on a ${system.locale} system`, () => {
    test.use({ locale: system.locale });

    test('the schedule, the room’s delivery line and Find a time write times the same way', async ({ page }) => {
      const temp = makeTempDir('idesk-e2e-');
      const zone = 'Europe/London';
      const start = DateTime.now()
        .setZone(zone)
        .plus({ days: 2 })
        .set({ hour: 13, minute: 0, second: 0, millisecond: 0 });
      const sentAt = DateTime.now().setZone(zone).set({ hour: 9, minute: 5, second: 0, millisecond: 0 });
      const interview = makeInterview({
        startUtc: start.toUTC().toISO()!,
        durationMinutes: 45,
        timeZone: zone,
        meetLink: 'https://meet.google.com/abc-defg-hij',
        invitations: {
          candidate: { state: 'sent', kind: 'invitation', at: sentAt.toUTC().toISO()! },
          recruiter: { state: 'none' },
        },
      });
      seedStore(temp.dir, {
        interviews: [interview],
        settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' },
      });
      const app = await startWebMode({}, temp.dir);
      try {
        await page.goto(app.url);
        await page.evaluate(() => (location.hash = '#/schedule'));
        await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
        const row = page.getByRole('link', { name: /Ada Lovelace/ }).first();
        await expect(row).toContainText(system.one);
        await expect(row).not.toContainText(system.unlike);

        await page.evaluate((id) => (location.hash = `#/interview/${id}`), interview.id);
        const line = page.getByTestId('invitation-candidate');
        await expect(line).toContainText(system.sent);

        await page.evaluate(() => (location.hash = '#/schedule'));
        await page.getByRole('button', { name: 'Schedule interview' }).click();
        await page.getByLabel('Date', { exact: true }).fill(start.toISODate()!);
        await page.getByLabel('Start time', { exact: true }).fill('13:00');
        const proposal = page.getByTestId('proposal-line');
        await expect(proposal).toContainText(system.one);
        await expect(proposal).not.toContainText(system.unlike);
        // The timeline names its day in the reader's order too ("Monday, December 14" / "Monday 14 December").
        await expect(
          page.getByRole('figure', { name: `Busy times on ${start.toFormat(system.day)}, your time (${zone})` }),
        ).toBeVisible();
      } finally {
        await app.stop();
        temp.cleanup();
      }
    });
  });
}
