import { expect, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { manyInterviews, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

test('10,000 interviews: the schedule renders a virtualised list, scrolls and filters as you type', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const interviews = manyInterviews(10_000, Date.now());
  seedStore(temp.dir, { interviews });
  // The oldest interview's day as a row names it (the browser runs on London time).
  const oldest = Math.min(...interviews.map((i) => Date.parse(i.startUtc)));
  const oldestDay = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(oldest);
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/schedule`);
    const rows = page.getByRole('list', { name: 'Interviews' }).getByRole('listitem');
    await expect(page.getByRole('status').filter({ hasText: '10000 interviews' })).toBeVisible({ timeout: 15_000 });
    await expect(rows.first()).toBeVisible();
    // Only what is on screen (plus overscan) is in the DOM.
    expect(await rows.count()).toBeLessThan(60);
    // Scrolling to the end reaches the oldest past interviews.
    // (Whether that day's header is drawn depends on how many of its rows fit above: the hour of the run.)
    await page.locator('.schedule-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(rows.last()).toBeVisible();
    await expect(rows.last()).toContainText(oldestDay);
    // Filtering narrows the list as the person types.
    await page.getByLabel('Search by candidate or job').fill('Hopper');
    await expect(page.getByRole('status').filter({ hasText: 'matching “Hopper”' })).toBeVisible();
    const text = await page.getByRole('status').filter({ hasText: 'matching' }).textContent();
    const count = Number(/(\d+) interview/.exec(text ?? '')?.[1]);
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThan(10_000);
    // Read in one go once the list has settled (rows come and go while the virtualiser catches up).
    await expect
      .poll(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes('Hopper'));
      })
      .toBe(true);
  } finally {
    await app.stop();
  }
});
