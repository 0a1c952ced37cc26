import { expect, test } from './fixtures';
import { checkLayout, type LayoutOptions } from './layout-check';
import { startWebMode } from '../support/web-mode';
import { manyInterviews, seedStore } from '../support/interview-fixtures';
import { roomStates } from './room-states';
import { makeTempDir } from '../support/temp-dir';

// Every screen, in each of its states, at 800×600, 1280×800 and 1920×1080, light and dark: no
// interactive elements on top of each other, nothing cut off at the side, no time broken over two
// lines, one scroller at a time, and each screen's main action in sight at 1280×800 without
// scrolling. Screenshots land in tests/artifacts/layout-*.png (dark ones end in -dark).

// A 12-hour clock: the longest way to write a time ("03:17 PM"), the one that used to wrap.
test.use({ locale: 'en-US' });
const schemes = ['light', 'dark'] as const;
const smallWindow = { width: 800, height: 600 };

test('first-run screens lay out cleanly: welcome, first-run step, empty schedule, schedule form, device check, settings, account menu', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await page.goto(app.url);
  const problems: string[] = [];
  const open = (hash: string, heading: string | RegExp) => async () => {
    await page.goto(`${app.origin}/${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  };
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    const check = async (name: string, prepare: () => Promise<void>, options: LayoutOptions = {}) =>
      problems.push(
        ...(await checkLayout(page, name, prepare, { ...options, suffix: scheme === 'dark' ? '-dark' : '' })),
      );
    // This run has no Google client built in, so the recruiter's way in is the email-only set-up.
    await check('welcome', open('', 'Welcome to Interview Desk'), {
      mainAction: button('No Google account? Set up with email only'),
    });
    await check(
      'first-run',
      async () => {
        await open('', 'Welcome to Interview Desk')();
        await page.getByRole('button', { name: 'No Google account? Set up with email only' }).click();
        await expect(button('Save and continue')).toBeVisible();
      },
      { mainAction: button('Save and continue') },
    );
    await check(
      'schedule-empty',
      async () => {
        await open('#/schedule', 'Schedule')();
        // "No interviews yet" stands alone, without an empty list box under it.
        await expect(page.getByText('No interviews yet.')).toBeVisible();
        await expect(page.getByRole('list', { name: 'Interviews' })).toBeHidden();
      },
      { mainAction: button('Schedule interview') },
    );
    await check('schedule-form', open('#/schedule/new', 'Schedule an interview'), {
      mainAction: button('Schedule interview'),
      mainActionSizes: [smallWindow, { width: 1280, height: 800 }],
    });
    await check(
      'schedule-form-errors',
      async () => {
        await open('#/schedule/new', 'Schedule an interview')();
        await button('Schedule interview').click();
        await expect(page.locator('.field-error').first()).toBeVisible();
      },
      { mainAction: button('Schedule interview') },
    );
    await check('settings', open('#/settings', 'Settings'), { mainAction: button('Save settings') });
    await check('device-check', open('#/device-check', 'Device check'), { mainAction: button('Start device check') });
    await check(
      'device-check-results',
      async () => {
        if (await page.getByTestId('overall').isVisible()) return;
        await button('Start device check').click();
        await expect(page.getByTestId('overall')).toBeVisible({ timeout: 20_000 });
        await button('Play test sound').click();
      },
      { mainAction: page.getByTestId('overall') },
    );
    await check('account-menu-open', async () => {
      await open('#/schedule', 'Schedule')();
      // The menu stays open across the resize.
      const menuButton = page.getByRole('button', { name: /account menu/ });
      if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
      await expect(page.getByRole('menu')).toBeVisible();
    });
  }
  expect(problems).toEqual([]);
});

test('screens with interviews lay out cleanly: full schedule, a search with no match, the room in each state, analytics', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const temp = makeTempDir('idesk-e2e-');
  const now = Date.now();
  const rooms = roomStates(now);
  // The room's main action: Join while the window is open, else what the join area offers.
  const joinArea = page.locator('.join-area');
  const mainActions: Record<keyof typeof rooms, ReturnType<typeof page.locator>> = {
    upcoming: joinArea.getByTestId('join-state'),
    open: joinArea.getByRole('button', { name: 'Join in app' }),
    // Join cannot be pressed yet: what is in sight is the line saying a link is needed and where.
    'open-no-link': joinArea.getByTestId('join-state'),
    'in-progress': joinArea.getByRole('button', { name: 'Join in app' }),
    ended: joinArea.getByRole('button', { name: 'Reschedule' }),
    cancelled: joinArea.getByText('This interview was cancelled.'),
    candidate: joinArea.getByTestId('join-state'),
  };
  seedStore(temp.dir, {
    interviews: [...Object.values(rooms), ...manyInterviews(60, now)],
    settings: { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' },
  });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    const problems: string[] = [];
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      const check = async (name: string, prepare: () => Promise<void>, options: LayoutOptions = {}) =>
        problems.push(
          ...(await checkLayout(page, name, prepare, { ...options, suffix: scheme === 'dark' ? '-dark' : '' })),
        );
      await check(
        'schedule-full',
        async () => {
          await page.goto(`${app.origin}/#/schedule`);
          await expect(page.getByRole('list', { name: 'Interviews' }).getByRole('listitem').first()).toBeVisible();
        },
        { mainAction: page.getByRole('button', { name: 'Schedule interview', exact: true }) },
      );
      await check(
        'schedule-no-match',
        async () => {
          await page.goto(`${app.origin}/#/schedule`);
          await page.getByRole('searchbox', { name: 'Search by candidate or job' }).fill('Nobody by this name');
          // Not a blank box: the search says it found nothing and offers the way back.
          await expect(page.getByText('No interviews match “Nobody by this name”.')).toBeVisible();
          await expect(page.getByRole('list', { name: 'Interviews' })).toBeHidden();
        },
        { mainAction: page.getByRole('button', { name: 'Clear search' }) },
      );
      for (const [state, interview] of Object.entries(rooms) as Array<
        [keyof typeof rooms, (typeof rooms)[keyof typeof rooms]]
      >) {
        await check(
          `room-${state}`,
          async () => {
            await page.goto(`${app.origin}/#/interview/${interview.id}`);
            await expect(joinArea).toBeVisible();
          },
          // Join (or what stands for it) in sight in a small window too, not under the details.
          { mainAction: mainActions[state], mainActionSizes: [smallWindow, { width: 1280, height: 800 }] },
        );
      }
      await check(
        'room-reschedule',
        async () => {
          await page.goto(`${app.origin}/#/interview/${rooms.upcoming.id}`);
          // The form stays open across the resize.
          if (!(await page.getByRole('form', { name: 'Reschedule' }).isVisible()))
            await page.getByRole('button', { name: 'Reschedule' }).first().click();
          await expect(page.getByRole('form', { name: 'Reschedule' })).toBeVisible();
        },
        { mainAction: page.getByRole('button', { name: 'Save new time' }) },
      );
      await check(
        'analytics',
        async () => {
          await page.goto(`${app.origin}/#/analytics`);
          await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
        },
        { mainAction: page.getByRole('button', { name: 'Export CSV' }) },
      );
    }
    // Clearing the search brings the whole schedule back.
    await page.goto(`${app.origin}/#/schedule`);
    await page.getByRole('searchbox', { name: 'Search by candidate or job' }).fill('Nobody by this name');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search by candidate or job' })).toHaveValue('');
    await expect(page.getByRole('list', { name: 'Interviews' }).getByRole('listitem').first()).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await app.stop();
  }
});

test("one link style, one button style: a link looks the same on every screen, the form's Cancel looks like the other secondary buttons", async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const room = roomStates(Date.now()).upcoming;
  seedStore(temp.dir, { interviews: [room] });
  const app = await startWebMode({}, temp.dir);
  try {
    const look = (locator: ReturnType<typeof page.locator>) =>
      locator.evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          color: s.color,
          underline: s.textDecorationLine,
          border: `${s.borderTopStyle} ${s.borderTopColor}`,
          background: s.backgroundColor,
          padding: s.padding,
          radius: s.borderTopLeftRadius,
        };
      });
    await page.goto(app.url);
    const buttonThatReadsAsLink = await look(
      page.getByRole('button', { name: 'No Google account? Set up with email only' }),
    );
    await page.goto(`${app.origin}/#/interview/${room.id}`);
    const backLink = await look(page.getByRole('link', { name: '← Schedule' }));
    const devicesLink = await look(page.getByRole('link', { name: 'Check devices before joining' }));
    const secondaryButton = await look(page.getByRole('button', { name: 'Reschedule' }));
    await page.goto(`${app.origin}/#/schedule/new`);
    const cancel = await look(page.getByRole('button', { name: 'Cancel' }));
    // Links: one colour, underlined, whether an <a> or a <button class="link">.
    expect(backLink.underline).toBe('underline');
    expect(devicesLink).toEqual(backLink);
    expect({ color: buttonThatReadsAsLink.color, underline: buttonThatReadsAsLink.underline }).toEqual({
      color: backLink.color,
      underline: backLink.underline,
    });
    // "Cancel" beside the form's submit is a secondary button, drawn as the other secondary buttons.
    expect(cancel).toEqual(secondaryButton);
  } finally {
    await app.stop();
  }
});
