import { expect, test } from './fixtures';
import { checkLayout } from './layout-check';
import { startWebMode } from '../support/web-mode';
import { makeInterview, manyInterviews, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

// Every screen, in each of its states, at 1280×800 and 800×700: no interactive elements on top
// of each other, nothing cut off at the side. Screenshots land in tests/artifacts/layout-*.png.

test('first-run screens lay out cleanly: welcome, empty schedule, schedule form, device check, settings, account menu', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  const problems: string[] = [];
  const open = (hash: string, heading: string | RegExp) => async () => {
    await page.goto(`${app.origin}/${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  };
  problems.push(...(await checkLayout(page, 'welcome', open('', 'Welcome to Interview Desk'))));
  problems.push(
    ...(await checkLayout(page, 'schedule-empty', async () => {
      await open('#/schedule', 'Schedule')();
      // "No interviews yet" stands alone, without an empty list box under it.
      await expect(page.getByText('No interviews yet.')).toBeVisible();
      await expect(page.getByRole('list', { name: 'Interviews' })).toBeHidden();
    })),
  );
  problems.push(...(await checkLayout(page, 'schedule-form', open('#/schedule/new', 'Schedule an interview'))));
  problems.push(
    ...(await checkLayout(page, 'schedule-form-errors', async () => {
      await open('#/schedule/new', 'Schedule an interview')();
      await page.getByRole('button', { name: 'Schedule interview' }).click();
      await expect(page.locator('.field-error').first()).toBeVisible();
    })),
  );
  problems.push(...(await checkLayout(page, 'settings', open('#/settings', 'Settings'))));
  problems.push(...(await checkLayout(page, 'device-check', open('#/device-check', 'Device check'))));
  problems.push(
    ...(await checkLayout(page, 'device-check-results', async () => {
      if (await page.getByTestId('overall').isVisible()) return;
      await page.getByRole('button', { name: 'Start device check' }).click();
      await expect(page.getByTestId('overall')).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Play test sound' }).click();
    })),
  );
  problems.push(
    ...(await checkLayout(page, 'account-menu-open', async () => {
      await open('#/schedule', 'Schedule')();
      // The menu stays open across the resize.
      const button = page.getByRole('button', { name: /account menu/ });
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
      await expect(page.getByRole('menu')).toBeVisible();
    })),
  );
  expect(problems).toEqual([]);
});

test('screens with interviews lay out cleanly: full schedule, the room in each state, analytics', async ({ page }) => {
  test.setTimeout(120_000);
  const temp = makeTempDir('idesk-e2e-');
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const link = 'https://meet.google.com/abc-defg-hij';
  const rooms = {
    upcoming: makeInterview({ startUtc: at(26 * 60), candidate: { name: 'Later Candidate', email: 'later@example.com' }, meetLink: link, notes: 'Systems design round, then questions about the team.' }),
    open: makeInterview({ startUtc: at(10), candidate: { name: 'Soon Candidate', email: 'soon@example.com', timeZone: 'Asia/Kolkata' }, meetLink: link }),
    'open-no-link': makeInterview({ startUtc: at(8), candidate: { name: 'No Link', email: 'nolink@example.com' } }),
    'in-progress': makeInterview({ startUtc: at(-20), candidate: { name: 'Maximilian Alexander Featherstonehaugh-Worthington', email: 'maximilian.alexander.featherstonehaugh-worthington@a-very-long-company-domain.example.com' }, jobTitle: 'Principal Distributed Systems Reliability Engineer', meetLink: link }),
    ended: makeInterview({ startUtc: at(-180), candidate: { name: 'Ended Candidate', email: 'ended@example.com' }, meetLink: link, joins: [{ joinedAt: at(-178), leftAt: at(-130), via: 'app' }] }),
    cancelled: makeInterview({ startUtc: at(5), status: 'cancelled', candidate: { name: 'Cancelled Candidate', email: 'c@example.com' } }),
  };
  seedStore(temp.dir, { interviews: [...Object.values(rooms), ...manyInterviews(60, now)], settings: { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' } });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    const problems: string[] = [];
    problems.push(
      ...(await checkLayout(page, 'schedule-full', async () => {
        await page.goto(`${app.origin}/#/schedule`);
        await expect(page.getByRole('list', { name: 'Interviews' }).getByRole('listitem').first()).toBeVisible();
      })),
    );
    for (const [state, interview] of Object.entries(rooms)) {
      problems.push(
        ...(await checkLayout(page, `room-${state}`, async () => {
          await page.goto(`${app.origin}/#/interview/${interview.id}`);
          await expect(page.locator('.join-area')).toBeVisible();
        })),
      );
    }
    problems.push(
      ...(await checkLayout(page, 'room-reschedule', async () => {
        await page.goto(`${app.origin}/#/interview/${rooms.upcoming.id}`);
        // The form stays open across the resize.
        if (!(await page.getByRole('form', { name: 'Reschedule' }).isVisible())) await page.getByRole('button', { name: 'Reschedule' }).first().click();
        await expect(page.getByRole('form', { name: 'Reschedule' })).toBeVisible();
      })),
    );
    problems.push(
      ...(await checkLayout(page, 'analytics', async () => {
        await page.goto(`${app.origin}/#/analytics`);
        await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
      })),
    );
    expect(problems).toEqual([]);
  } finally {
    await app.stop();
  }
});
