import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { nonTextContrastProblems } from './contrast-check';
import { startWebMode } from '../support/web-mode';
import { seedStore } from '../support/interview-fixtures';
import { roomStates } from './room-states';
import { makeTempDir } from '../support/temp-dir';

// axe-core on every screen state, in the system's light and dark and with the Settings override
// against the system: no serious or critical violation (no rule turned off). axe does not check
// WCAG 1.4.11, so the focus ring and field edges are measured here too. Each test prints its
// screen × theme table of serious/critical counts.

/** A theme as the person gets it: the system's colour scheme and the Settings → Appearance choice. */
const themes = [
  { name: 'light', system: 'light', setting: 'Same as the system' },
  { name: 'dark', system: 'dark', setting: 'Same as the system' },
  { name: 'Settings: Dark (system light)', system: 'light', setting: 'Dark' },
  { name: 'Settings: Light (system dark)', system: 'dark', setting: 'Light' },
] as const;
type Theme = (typeof themes)[number];

/** A screen in one state: `open` brings the page there (from anywhere). */
interface ScreenState {
  name: string;
  open: () => Promise<void>;
}

async function useTheme(page: Page, origin: string, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme.system });
  await page.goto(`${origin}/#/settings`);
  await page.getByRole('radio', { name: theme.setting }).check();
  const attribute = { 'Same as the system': 'system', Dark: 'dark', Light: 'light' }[theme.setting];
  await expect(page.locator(`html[data-theme="${attribute}"]`)).toBeAttached();
  // Saved, not only shown: the choice is still there after the app is opened again.
  await page.reload();
  await expect(page.getByRole('radio', { name: theme.setting })).toBeChecked();
  await expect(page.locator(`html[data-theme="${attribute}"]`)).toBeAttached();
}

/** Runs axe and the non-text contrast check on each state in each theme; returns the table and the problems. */
async function sweep(
  page: Page,
  origin: string,
  states: ScreenState[],
): Promise<{ table: Record<string, Record<string, string>>; problems: string[] }> {
  const table: Record<string, Record<string, string>> = {};
  const problems: string[] = [];
  for (const theme of themes) {
    await useTheme(page, origin, theme);
    // The colours really change: dark pages have a dark background (and light ones a light one).
    const dark = theme.name === 'dark' || theme.setting === 'Dark';
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      dark ? 'rgb(18, 22, 32)' : 'rgb(246, 247, 251)',
    );
    for (const state of states) {
      await state.open();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of serious)
        problems.push(
          `${state.name} (${theme.name}): ${v.impact} ${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
        );
      const nonText = await nonTextContrastProblems(page);
      problems.push(...nonText.map((p) => `${state.name} (${theme.name}): ${p}`));
      (table[state.name] ??= {})[theme.name] =
        `${serious.filter((v) => v.impact === 'critical').length} critical, ${serious.filter((v) => v.impact === 'serious').length} serious${nonText.length ? `, ${nonText.length} under 3:1` : ''}`;
    }
  }
  console.log('axe: serious/critical violations per screen and theme');
  console.table(table);
  return { table, problems };
}

test('every first-run screen passes axe and keeps 3:1 focus rings and field edges, in light, dark and both overrides', async ({
  page,
  app,
}) => {
  test.setTimeout(300_000);
  const go = (hash: string, heading: string | RegExp) => async () => {
    await page.goto(`${app.origin}/${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  };
  const states: ScreenState[] = [
    { name: 'welcome', open: go('', 'Welcome to Interview Desk') },
    {
      name: 'first-run step',
      open: async () => {
        await go('', 'Welcome to Interview Desk')();
        await page.getByRole('button', { name: 'No Google account? Set up with email only' }).click();
        await expect(page.getByRole('button', { name: 'Save and continue' })).toBeVisible();
      },
    },
    { name: 'schedule (empty)', open: go('#/schedule', 'Schedule') },
    {
      name: 'form with errors',
      open: async () => {
        await go('#/schedule/new', 'Schedule an interview')();
        await page.getByRole('button', { name: 'Schedule interview' }).click();
        await expect(page.locator('.field-error').first()).toBeVisible();
      },
    },
    { name: 'device check (before)', open: go('#/device-check', 'Device check') },
    {
      name: 'device check (after)',
      open: async () => {
        await go('#/device-check', 'Device check')();
        await page.getByRole('button', { name: 'Start device check' }).click();
        await expect(page.getByTestId('overall')).toBeVisible({ timeout: 20_000 });
      },
    },
    { name: 'analytics (empty)', open: go('#/analytics', 'Analytics') },
    { name: 'settings', open: go('#/settings', 'Settings') },
  ];
  await page.goto(app.url);
  const { problems } = await sweep(page, app.origin, states);
  expect(problems).toEqual([]);
});

test('every screen with interviews passes axe and keeps 3:1 focus rings: schedule, the room in each status, analytics', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const temp = makeTempDir('idesk-e2e-');
  const now = Date.now();
  const rooms = roomStates(now);
  seedStore(temp.dir, {
    interviews: Object.values(rooms),
    settings: { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com', firstRunDone: true },
  });
  const app = await startWebMode({}, temp.dir);
  try {
    const states: ScreenState[] = [
      {
        name: 'schedule (full)',
        open: async () => {
          await page.goto(`${app.origin}/#/schedule`);
          await expect(page.getByRole('list', { name: 'Interviews' }).getByRole('listitem').first()).toBeVisible();
        },
      },
      {
        name: 'schedule (no match)',
        open: async () => {
          await page.goto(`${app.origin}/#/schedule`);
          await page.getByRole('searchbox', { name: 'Search by candidate or job' }).fill('Nobody by this name');
          await expect(page.getByRole('button', { name: 'Clear search' })).toBeVisible();
        },
      },
      ...Object.entries(rooms).map(([status, interview]) => ({
        name: `room (${status})`,
        open: async () => {
          await page.goto(`${app.origin}/#/interview/${interview.id}`);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        },
      })),
      {
        name: 'analytics',
        open: async () => {
          await page.goto(`${app.origin}/#/analytics`);
          await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
        },
      },
    ];
    await page.goto(app.url);
    const { problems } = await sweep(page, app.origin, states);
    expect(problems).toEqual([]);
  } finally {
    await app.stop();
  }
});
