import { expect, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { watchBrowserNotifications } from './browser-notifications';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

const pad = (n: number) => String(n).padStart(2, '0');

test('reminder banner: the real time left when due; nothing at all for a moment that passed before the interview existed', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  // Its 1-hour reminder falls due a few seconds after the app starts.
  const soon = makeInterview({
    startUtc: new Date(Date.now() + 60 * 60_000 + 20_000).toISOString(),
    candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
    jobTitle: 'Compilers',
    meetLink: 'https://meet.google.com/abc-defg-hij',
  });
  seedStore(temp.dir, {
    interviews: [soon],
    settings: {
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'rita@example.com',
      reminderOffsetsMinutes: [1440, 60, 0],
    },
  });
  const app = await startWebMode({}, temp.dir);
  // Allowed before: web mode tells the reminder through the browser's real notification too (watched).
  const notifications = await watchBrowserNotifications(page, app.origin);
  try {
    await page.goto(app.url);
    await expect(page).toHaveTitle('Interview Desk');
    const banner = page.getByRole('alert').filter({ hasText: 'Reminder:' });
    await expect(banner).toContainText(
      /interview with Grace Hopper \(Compilers\) starts in (1 h|59 min) \(at (\w{3} \d{1,2} \w{3}, )?\d{2}:\d{2} /,
      { timeout: 40_000 },
    );
    // Noticed from another tab: a count in the title and one notification.
    await expect(page).toHaveTitle('(1) Interview Desk');
    expect(await notifications.shown()).toEqual(['Interview with Grace Hopper (Compilers)']);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page).toHaveTitle('Interview Desk');

    // Scheduled 4 hours ahead: its 24-hour moment passed before it existed, so no reminder now.
    const start = new Date(Date.now() + 4 * 3600_000);
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByLabel('Candidate name').fill('Ada Lovelace');
    await page.getByLabel('Candidate email').fill('ada@example.com');
    await page.getByLabel('Job title').fill('Staff Engineer');
    await page.getByLabel('Time zone', { exact: true }).fill('UTC');
    await page
      .getByLabel('Date', { exact: true })
      .fill(`${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}`);
    await page
      .getByLabel('Start time', { exact: true })
      .fill(`${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`);
    await page.getByLabel('Duration (minutes)').fill('45');
    await page.getByLabel('Meet link (optional)').fill('https://meet.google.com/abc-defg-hij');
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await expect(page.getByRole('heading', { name: 'Ada Lovelace · Staff Engineer' })).toBeVisible();
    await page.waitForTimeout(2_000);
    await expect(banner).toHaveCount(0);
  } finally {
    await app.stop();
  }
});
