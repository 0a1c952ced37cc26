import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { fakeBrowserEnv } from './connected-recruiter';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { startGoogleEmulator } from '../google-emulator/google-emulator';

test('attendance from Google Meet: connect it from the room, see the timeline, and the right figures in Analytics', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const temp = makeTempDir('idesk-e2e-');
  const day = 86_400_000;
  const yesterday = new Date(Math.floor(Date.now() / day) * day - day + 10 * 3_600_000);
  const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000).toISOString();
  const attended = makeInterview({
    startUtc: yesterday.toISOString(),
    durationMinutes: 45,
    timeZone: 'UTC',
    jobTitle: 'Analyst',
    meetLink: 'https://meet.google.com/abc-mnop-xyz',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  const twoDaysAgo = new Date(yesterday.getTime() - day);
  const noShow = makeInterview({
    startUtc: twoDaysAgo.toISOString(),
    durationMinutes: 30,
    timeZone: 'UTC',
    jobTitle: 'Analyst',
    meetLink: 'https://meet.google.com/ddd-eeee-fff',
    candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  seedStore(temp.dir, {
    interviews: [attended, noShow],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  g.meet.addConference({
    meetingCode: 'abc-mnop-xyz',
    startTime: at(yesterday, -2),
    endTime: at(yesterday, 47),
    participants: [
      {
        kind: 'signedin',
        user: 'users/1001',
        email: 'recruiter@example.com',
        displayName: 'Rita Recruiter',
        sessions: [{ start: at(yesterday, -2), end: at(yesterday, 47) }],
      },
      {
        kind: 'anonymous',
        displayName: 'Ada Lovelace',
        sessions: [
          { start: at(yesterday, 4), end: at(yesterday, 20) },
          { start: at(yesterday, 22), end: at(yesterday, 46) },
        ],
      },
    ],
  });
  g.meet.addConference({
    meetingCode: 'ddd-eeee-fff',
    startTime: at(twoDaysAgo, 0),
    endTime: at(twoDaysAgo, 25),
    participants: [
      {
        kind: 'signedin',
        user: 'users/1001',
        displayName: 'Rita Recruiter',
        sessions: [{ start: at(twoDaysAgo, 0), end: at(twoDaysAgo, 25) }],
      },
    ],
  });
  const app = await startWebMode({ ...g.env, ...fakeBrowserEnv }, temp.dir);
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
    expect(g.count('/v2/conferenceRecords')).toBe(0);
    // A row reads in order to a screen reader: time, who, what, its status, then the date (never "Ended, Sun, 6 Dec…").
    await expect(
      page
        .getByRole('link', { name: /^\d{2}:\d{2} ?, Ada Lovelace ?, Analyst · \d+ min ?\. ?Ended ?\. On .+\.$/ })
        .first(),
    ).toBeVisible();

    // The room: attendance is not connected, with a way to connect it (from the keyboard).
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), attended.id);
    const panel = page.getByRole('region', { name: 'Attendance' });
    await expect(panel.getByTestId('attendance-not-connected')).toBeVisible();
    await saveScreenshot(page, 'attendance-not-connected');
    await expectAccessible(page, 'room, attendance not connected');
    // From the keyboard: Tab from the room's last action reaches Connect Google Meet, Enter presses it.
    await page.getByRole('button', { name: 'Cancel interview' }).focus();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Connect Google Meet' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Consent for the Meet scope only, on top of what was granted; then the ended interviews are read.
    await expect(panel.getByTestId('attendance-outcome')).toHaveText('Both sides attended.', { timeout: 20_000 });
    // The button is gone: focus is on the section's heading, not dropped to the page.
    await expect(panel.getByRole('heading', { name: 'Attendance', level: 2 })).toBeFocused();
    // One permission: the transcript section's Connect went with it.
    await expect(page.getByRole('button', { name: 'Connect Google Meet' })).toHaveCount(0);
    const consent = g.oauth.authorizations.at(-1)!.query;
    expect(consent.include_granted_scopes).toBe('true');
    expect(consent.scope).toContain('https://www.googleapis.com/auth/meetings.space.readonly');
    const summary = panel.getByTestId('attendance-summary');
    await expect(summary).toContainText('Candidate4 minutes late');
    await expect(summary).toContainText('Intervieweron time');
    await expect(summary).toContainText('42 minutes together');
    const timeline = panel.getByTestId('attendance-timeline');
    const ada = timeline.getByRole('row', { name: /Ada Lovelace/ });
    await expect(ada.getByRole('cell').first()).toHaveText('CandidateMatched by name');
    await expect(ada).not.toContainText('(by name)');
    await expect(ada).toContainText('10:04–10:20');
    await expect(ada).toContainText('10:22–10:46');
    await expect(
      timeline
        .getByRole('row', { name: /Rita Recruiter/ })
        .getByRole('cell')
        .first(),
    ).toHaveText('You and your panel');
    // The times are the interview's zone, said as in "Your time" above (not silently this computer's).
    await expect(timeline.getByRole('columnheader', { name: /Joined and left \(.+\)/ })).toBeVisible();
    await saveScreenshot(page, 'attendance-timeline');
    await expectAccessible(page, 'room, attendance timeline');

    // Analytics: the figures from Meet, and the candidate who did not come is a candidate no-show.
    await page.getByRole('link', { name: 'Analytics' }).click();
    await expect(page.getByTestId('attendance-source')).toContainText('From Google Meet: 2 interviews', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('attendance-source')).toContainText(
      'counted only from your own joins in the app: 0 interviews',
    );
    await expect(page.getByTestId('attendance-both-attended')).toHaveText('1');
    // Beside Meet's verdict, the app's own join history says what it is, not "no join recorded".
    await expect(
      page.getByRole('region', { name: 'Your joins from this app' }).getByTestId('figure-no-join-from-the-app'),
    ).toHaveText('2');
    await expect(page.getByTestId('analytics-scope')).toContainText(
      'Who really attended is under “Attendance from Google Meet”.',
    );
    await expect(page.getByText('No join recorded')).toHaveCount(0);
    await expect(page.getByTestId('attendance-candidate-did-not-join')).toHaveText('1');
    await expect(page.getByTestId('attendance-interviewer-did-not-join')).toHaveText('0');
    await expect(page.getByTestId('attendance-median-time-together')).toHaveText('42 min');
    await expect(page.getByTestId('attendance-median-start-delay')).toHaveText('4 min');
    await saveScreenshot(page, 'attendance-analytics');
    await expectAccessible(page, 'analytics with attendance');
  } finally {
    await app.stop();
    await g.close();
    temp.cleanup();
  }
});

test('"your candidate is waiting": a banner with Join while the candidate is alone in the call during the join window', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const temp = makeTempDir('idesk-e2e-');
  const start = new Date(Date.now() + 5 * 60_000);
  const soon = makeInterview({
    startUtc: start.toISOString(),
    durationMinutes: 45,
    jobTitle: 'Analyst',
    meetLink: 'https://meet.google.com/wai-ting-now',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  seedStore(temp.dir, {
    interviews: [soon],
    settings: {
      firstRunDone: true,
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'recruiter@example.com',
      reminderOffsetsMinutes: [],
    },
  });
  const joined = new Date(Date.now() - 2 * 60_000 - 10_000).toISOString();
  g.meet.addConference({
    meetingCode: 'wai-ting-now',
    startTime: joined,
    participants: [{ kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: joined }] }],
  });
  const app = await startWebMode({ ...g.env, ...fakeBrowserEnv }, temp.dir);
  // The browser's real Notification, watched: what the page asks for and shows.
  await page.addInitScript(() => {
    const seen = { asked: 0, shown: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const Real = window.Notification;
    class Watched extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.shown.push(`${title} | ${options?.body ?? ''}`);
      }
      static override requestPermission(): Promise<NotificationPermission> {
        seen.asked += 1;
        return Real.requestPermission();
      }
    }
    window.Notification = Watched;
  });
  const seen = () => page.evaluate(() => (window as unknown as { seen: { asked: number; shown: string[] } }).seen);
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), soon.id);
    await expect(page).toHaveTitle('Interview Desk');
    await page.getByRole('region', { name: 'Attendance' }).getByRole('button', { name: 'Connect Google Meet' }).click();
    // Connecting attendance is when the browser is asked; the person allows it.
    expect((await seen()).asked).toBe(1);
    await page.context().grantPermissions(['notifications'], { origin: app.origin });
    const banner = page.getByTestId('waiting-banner');
    await expect(banner).toContainText('Ada Lovelace joined 2 minutes ago and is waiting', { timeout: 20_000 });
    // Noticed from another tab: the title counts it, and one browser notification says who and which interview.
    await expect(page).toHaveTitle('(1) Interview Desk');
    expect((await seen()).shown).toEqual([`Ada Lovelace joined 2 minutes ago and is waiting | Ada Lovelace · Analyst`]);
    await expect(banner.getByRole('button', { name: 'Join' })).toBeVisible();
    // Asked only for the running conference of this meeting.
    const polls = g.requests.filter(
      (r) => r.path === '/v2/conferenceRecords' && r.query.filter?.includes('end_time IS NULL'),
    );
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((r) => r.query.filter!.startsWith('space.meeting_code = "wai-ting-now"'))).toBe(true);
    await saveScreenshot(page, 'attendance-candidate-waiting');
    await expectAccessible(page, 'room with the waiting banner');
    // A reload (or a window opened now) still says so: the watch raised it once, main remembers it.
    await page.reload();
    await expect(banner).toContainText('Ada Lovelace joined', { timeout: 10_000 });
    await expect(page).toHaveTitle('(1) Interview Desk');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page).toHaveTitle('Interview Desk');
  } finally {
    await app.stop();
    await g.close();
    temp.cleanup();
  }
});
