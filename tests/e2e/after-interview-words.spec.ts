import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { insertScorecard, makeScorecard } from '../support/debrief-seed';
import { makeTempDir } from '../support/temp-dir';
import { openDatabase } from '../../main/database/open-database';
import { createMemoryLogger } from '../../main/logging/logger';

const hour = 3_600_000;
// The walk that found these: an interview in New York, the browser in London.
test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });

test('after the interview every screen says one true thing: the interview’s zone, not asked, Meet not connected', async ({
  page,
  context,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: new Date(Math.floor((Date.now() - 5 * hour) / hour) * hour).toISOString(),
    durationMinutes: 45,
    timeZone: 'America/New_York',
    jobTitle: 'Compiler Engineer',
    meetLink: 'https://meet.google.com/abc-mnop-xyz',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
    coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }],
  });
  seedStore(temp.dir, {
    interviews: [interview],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const { database } = openDatabase({ dataDir: temp.dir, clock: { now: () => Date.now() }, log: createMemoryLogger() });
  insertScorecard(
    database,
    makeScorecard(
      interview.id,
      { kind: 'recruiter', name: 'Rita Recruiter', email: 'recruiter@example.com' },
      { submittedAt: new Date(Date.now() - 3 * hour).toISOString(), answers: { overall: 'yes' } },
    ),
  );
  database.close();
  const app = await startWebMode({}, temp.dir);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.goto(app.url);
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), interview.id);
    // The room's scorecard: submitted at a time in the interview's zone, named.
    await expect(page.getByTestId('scorecard')).toContainText(/Submitted at \d\d:\d\d\sGMT-5/);
    const roomMeet = (await page.getByTestId('transcript-status').textContent()) ?? '';
    expect(roomMeet).not.toBe('');

    await page.getByRole('link', { name: 'Open the debrief' }).click();
    await expect(page.getByRole('heading', { name: 'Debrief: Ada Lovelace', level: 1 })).toBeVisible();
    // The nav marks no screen: the debrief belongs to its room, not to Schedule.
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current]')).toHaveCount(0);
    // One range, one zone: the interview's, as the copied text writes it.
    const subtitle = page.getByText(/^Compiler Engineer, /);
    await expect(subtitle).toHaveText(/\d\d:\d\d–\d\d:\d\d GMT-5$/);
    const who = page.getByTestId('debrief-who');
    await expect(who.getByRole('row', { name: /Bob Panel/ })).toContainText('Not asked yet');
    await expect(who.getByRole('row', { name: /Bob Panel/ })).not.toContainText('No scorecard yet');
    await expect(who.getByRole('row', { name: /Rita Recruiter/ })).toContainText(/Submitted .*GMT-5/);
    // Meet: the room's words, not "no transcript".
    await expect(page.getByTestId('debrief-meet-status')).toHaveText(roomMeet);
    await expect(page.getByText('No transcript, recording or notes from Google Meet')).toHaveCount(0);
    await saveScreenshot(page, 'after-interview-words-debrief');
    await expectAccessible(page, 'debrief, interview in another zone');

    await page.getByRole('button', { name: 'Copy as text' }).click();
    await expect(page.getByTestId('debrief-said')).toHaveText('Copied the debrief as text.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const range = (await subtitle.textContent())!.replace('Compiler Engineer, ', '');
    expect(copied).toContain(`Compiler Engineer, ${range}`);
    expect(copied).toContain('- Bob Panel: Not asked yet');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});
