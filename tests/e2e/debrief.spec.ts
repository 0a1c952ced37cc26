import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { tabTo } from './keyboard';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { insertArtifact, insertScorecard, makeScorecard } from '../support/debrief-seed';
import { makeTempDir } from '../support/temp-dir';
import { openDatabase } from '../../main/database/open-database';
import { createMemoryLogger } from '../../main/logging/logger';

const hour = 3_600_000;
const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'recruiter@example.com' };
const pat = { kind: 'panelist' as const, name: 'Pat Panel', email: 'pat@example.com' };

test('the debrief: a co-interviewer’s form response beside the recruiter’s scorecard, copied, printed, per candidate', async ({
  page,
  context,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const panelInterview = (hoursAgo: number, jobTitle: string) =>
    makeInterview({
      startUtc: new Date(Math.floor((Date.now() - hoursAgo * hour) / hour) * hour).toISOString(),
      durationMinutes: 45,
      timeZone: 'Europe/London',
      jobTitle,
      meetLink: 'https://meet.google.com/abc-mnop-xyz',
      recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    });
  const onsite = panelInterview(5, 'Compiler Engineer');
  const screen = panelInterview(72, 'Phone screen');
  seedStore(temp.dir, {
    interviews: [onsite, screen],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const { database } = openDatabase({ dataDir: temp.dir, clock: { now: () => Date.now() }, log: createMemoryLogger() });
  insertScorecard(
    database,
    makeScorecard(onsite.id, rita, {
      submittedAt: new Date(Date.now() - 3 * hour).toISOString(),
      answers: {
        overall: 'strong_yes',
        takeaways: 'Designed the register allocator from scratch.',
        ratings: { 'role-skills': { rating: 'strong_yes', note: 'Knows SSA form well.' } },
      },
    }),
  );
  // Pat's answer came back through the panel's Google Form.
  insertScorecard(
    database,
    makeScorecard(onsite.id, pat, {
      submittedAt: new Date(Date.now() - 2 * hour).toISOString(),
      answers: {
        overall: 'yes',
        takeaways: 'Good instincts; testing could be deeper.',
        ratings: { 'role-skills': { rating: 'yes', note: 'Solid on parsing.' } },
      },
    }),
  );
  insertScorecard(
    database,
    makeScorecard(screen.id, rita, {
      submittedAt: new Date(Date.now() - 70 * hour).toISOString(),
      answers: { overall: 'yes' },
    }),
  );
  insertArtifact(database, {
    interviewId: onsite.id,
    name: 'conferenceRecords/c1/transcripts/t1',
    kind: 'transcript',
    exportUri: 'https://docs.google.com/document/d/1abcDEFghiJKLmno/view',
  });
  database.close();
  const app = await startWebMode({}, temp.dir);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.goto(app.url);
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), onsite.id);
    const link = page.getByRole('region', { name: 'Debrief' }).getByRole('link', { name: 'Open the debrief' });
    await expect(link).toBeVisible();
    await link.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'debrief-room-link');
    // From the keyboard: the room's way to the debrief is in the Tab order, Enter follows it.
    await tabTo(page, /^Open the debrief$/);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Debrief: Ada Lovelace', level: 1 })).toBeFocused();
    const who = page.getByTestId('debrief-who');
    await expect(who.getByRole('row', { name: /Rita Recruiter/ })).toContainText('Strong yes');
    await expect(who.getByRole('row', { name: /Pat Panel/ })).toContainText('Yes');
    await expect(who.getByRole('row', { name: /Pat Panel/ })).toContainText('through the panel form');
    const skills = page.getByTestId('debrief-criteria').getByRole('row', { name: /Skills for the role/ });
    await expect(skills.getByRole('cell')).toHaveText(['Strong yesKnows SSA form well.', 'YesSolid on parsing.']);
    await expect(page.getByRole('region', { name: 'Key takeaways' })).toContainText('testing could be deeper');
    await expect(page.getByRole('link', { name: 'Transcript (Google Docs)' })).toBeVisible();
    await saveScreenshot(page, 'debrief-interview');
    await expectAccessible(page, 'debrief of one interview');

    // Copy as text: what a hiring channel gets.
    await tabTo(page, /^Copy as text$/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('debrief-said')).toHaveText('Copied the debrief as text.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Debrief: Ada Lovelace <ada@example.com>');
    expect(copied).toContain('- Pat Panel: Yes (from the panel form)');
    expect(copied).toContain('- Skills for the role: Rita Recruiter Strong yes; Pat Panel Yes');

    // Printed (web mode's Save as PDF): only the debrief, no navigation or buttons, on white.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Copy as text' })).toBeHidden();
    await expect(page.getByText('https://docs.google.com/document/d/1abcDEFghiJKLmno/view')).toBeVisible();
    const panelBackground = await page
      .getByRole('region', { name: 'Who said what' })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(panelBackground).toBe('rgb(255, 255, 255)');
    await saveScreenshot(page, 'debrief-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });

    // Every interview with the candidate, oldest first.
    await page.getByRole('link', { name: 'Every interview with Ada Lovelace' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([/^Phone screen, /, /^Compiler Engineer, /]);
    await expect(page.getByRole('heading', { name: 'Who said what', level: 3 })).toHaveCount(2);
    await saveScreenshot(page, 'debrief-candidate');
    await expectAccessible(page, 'debrief of a candidate');

    // Analytics: three of the four scorecards owed came within 24 hours (Pat's for the phone screen never did).
    await page.getByRole('link', { name: 'Analytics' }).click();
    await expect(page.getByTestId('scorecards-within-day')).toHaveText('75 % (3 of 4)');
    await expect(page.getByTestId('scorecards-benchmark')).toContainText('Below Greenhouse’s benchmark');
    const perPerson = page.getByTestId('scorecards-per-interviewer');
    await expect(perPerson.getByRole('row', { name: /Pat Panel/ }).getByRole('cell')).toHaveText([
      '50 % (1 of 2)',
      '1 of 2',
      /h$/,
    ]);
    await saveScreenshot(page, 'debrief-analytics');
    await expectAccessible(page, 'analytics with scorecards');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await (await download).createReadStream().then(
      (stream) =>
        new Promise<string>((resolve) => {
          let text = '';
          stream.on('data', (chunk) => (text += chunk));
          stream.on('end', () => resolve(text));
        }),
    );
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toContain('"Scorecards owed","Scorecards submitted","Scorecards submitted within 24 hours"');
    const phoneScreen = rows.find((r) => r.includes('Phone screen'))!;
    expect(phoneScreen).toMatch(/"2","1","1","\d+(\.\d)?"$/);
  } finally {
    await app.stop();
    temp.cleanup();
  }
});

test('the debrief holds the panel’s scorecards back while the recruiter’s own is a draft, and says so', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const interview = makeInterview({
    startUtc: new Date(Date.now() - 4 * hour).toISOString(),
    durationMinutes: 45,
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
    coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
  });
  seedStore(temp.dir, {
    interviews: [interview],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const { database } = openDatabase({ dataDir: temp.dir, clock: { now: () => Date.now() }, log: createMemoryLogger() });
  insertScorecard(database, makeScorecard(interview.id, rita, { state: 'draft', submittedAt: undefined }));
  insertScorecard(database, makeScorecard(interview.id, pat, { answers: { overall: 'no', takeaways: 'Not yet.' } }));
  database.close();
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(`${app.url}#/debrief/${interview.id}`);
    await expect(page.getByTestId('debrief-hidden')).toContainText("Submit yours to see the other interviewer's.");
    await expect(page.getByTestId('debrief-who').getByRole('row', { name: /Pat Panel/ })).toContainText(
      'Submitted, hidden until you submit yours',
    );
    await expect(page.getByText('Not yet.')).toHaveCount(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'debrief-hidden-dark');
    await expectAccessible(page, 'debrief with hidden scorecards');
  } finally {
    await app.stop();
    temp.cleanup();
  }
});
