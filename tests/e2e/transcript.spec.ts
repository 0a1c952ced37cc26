import fs from 'node:fs';
import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';
import { fakeBrowserEnv } from './connected-recruiter';
import { expectAccessible } from './accessibility-check';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { startGoogleEmulator } from '../google-emulator/google-emulator';

test("Meet's transcript in the room: Connect from the section, speakers named, the three links, find within", async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const temp = makeTempDir('idesk-e2e-');
  const browserLog = path.join(temp.dir, 'browser.log');
  const day = 86_400_000;
  const yesterday = new Date(Math.floor(Date.now() / day) * day - day + 10 * 3_600_000);
  const at = (minutes: number) => new Date(yesterday.getTime() + minutes * 60_000).toISOString();
  const recorded = makeInterview({
    startUtc: yesterday.toISOString(),
    durationMinutes: 45,
    timeZone: 'UTC',
    jobTitle: 'Analyst',
    meetLink: 'https://meet.google.com/abc-mnop-xyz',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  const quiet = makeInterview({
    startUtc: new Date(yesterday.getTime() - day).toISOString(),
    durationMinutes: 30,
    timeZone: 'UTC',
    jobTitle: 'Analyst',
    meetLink: 'https://meet.google.com/ddd-eeee-fff',
    candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  seedStore(temp.dir, {
    interviews: [recorded, quiet],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const conference = g.meet.addConference({
    meetingCode: 'abc-mnop-xyz',
    startTime: at(-2),
    endTime: at(47),
    participants: [
      {
        kind: 'signedin',
        user: 'users/1001',
        email: 'recruiter@example.com',
        displayName: 'Rita Recruiter',
        sessions: [{ start: at(-2), end: at(47) }],
      },
      { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(1), end: at(46) }] },
    ],
  });
  const said = [
    ['Rita Recruiter', 'Welcome, Ada. Tell me about the last queue you designed.'],
    ['Ada Lovelace', 'It was a durable queue for invoices; every message was written before it was sent.'],
    ['Rita Recruiter', 'How did you handle retries?'],
    ['Ada Lovelace', 'Exponential backoff with jitter, and the queue kept the attempts.'],
  ];
  g.meet.artifacts.addTranscript(conference, {
    startTime: at(0),
    endTime: at(47),
    fileId: 'transcriptDoc0001',
    entries: Array.from({ length: 120 }, (_, i) => ({
      speaker: said[i % 4]![0]!,
      text: i < 4 ? said[i]![1]! : `${said[i % 4]![1]} (${i})`,
      languageCode: 'en-GB',
      start: at(i / 3),
      end: at(i / 3 + 0.3),
    })),
  });
  const recording = g.meet.artifacts.addRecording(conference, {
    state: 'ENDED',
    startTime: at(0),
    endTime: at(47),
    fileId: 'recordingFile0001',
  });
  g.meet.artifacts.addSmartNote(conference, { startTime: at(0), endTime: at(47), fileId: 'geminiNotes0001' });
  g.meet.addConference({
    meetingCode: 'ddd-eeee-fff',
    startTime: new Date(Date.parse(quiet.startUtc)).toISOString(),
    endTime: new Date(Date.parse(quiet.startUtc) + 25 * 60_000).toISOString(),
  });

  const app = await startWebMode({ ...g.env, ...fakeBrowserEnv, FAKE_BROWSER_LOG: browserLog }, temp.dir);
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });

    // Before attendance's Meet permission: the section says so, and nothing was asked of Meet.
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), recorded.id);
    const section = page.getByRole('region', { name: 'Transcript and recording' });
    await expect(section.getByTestId('transcript-status')).toContainText('Google Meet is not connected yet');
    expect(g.count('/transcripts')).toBe(0);

    // The section's own Connect (attendance's call: one consent serves both), from the keyboard.
    await expect(section).toContainText('One Google consent serves both attendance and transcripts.');
    await section.screenshot({ path: 'tests/artifacts/transcript-connect.png' });
    await expectAccessible(page, 'room, transcript not connected');
    const connectMeet = section.getByRole('button', { name: 'Connect Google Meet' });
    // Refused once on Google's screen: the words say the account stays connected, and focus stays on the button.
    g.oauth.consent = 'deny';
    await connectMeet.focus();
    await page.keyboard.press('Enter');
    await expect(section.getByRole('alert')).toContainText(
      'You declined access in the browser, so nothing was added; your Google account stays as it was.',
    );
    await expect(connectMeet).toBeFocused();
    g.oauth.consent = 'approve';
    await page.keyboard.press('Enter');
    await expect(section.getByRole('heading', { name: 'Transcript and recording' })).toBeFocused();
    await expect(section.getByRole('button', { name: 'Connect Google Meet' })).toHaveCount(0);
    // Read a few seconds after the grant: the transcript with speakers; the recording, still being prepared
    // long after the call (6 hours), is no longer waited for.
    await expect(section.getByTestId('transcript-status')).toHaveText(
      'Google Meet had not finished the recording 6 hours after the call, so Interview Desk stopped looking. Check Meet now looks again.',
      { timeout: 30_000 },
    );
    const lines = section.getByTestId('transcript-lines');
    await expect(lines.getByRole('row')).toHaveCount(121);
    await expect(lines.getByRole('row').nth(1)).toContainText('Rita Recruiter');
    await expect(lines.getByRole('row').nth(2)).toContainText('Ada Lovelace');
    await expect(lines.getByRole('row').nth(2)).toContainText('durable queue for invoices');
    await expect(section.getByTestId('artifact-links')).toContainText('Recording: Google Meet is still preparing it');

    // The recording is ready now: Check Meet now, from the keyboard.
    g.meet.artifacts.setState(recording, 'FILE_GENERATED');
    const check = section.getByRole('button', { name: 'Check Meet now' });
    await check.focus();
    await page.keyboard.press('Enter');
    await expect(section.getByTestId('transcript-status')).toHaveText(
      'From Google Meet: everything it made of this call.',
    );
    const links = section.getByTestId('artifact-links');
    await expect(links.getByRole('button')).toHaveText([
      'Open the transcript in Google Docs',
      'Open the recording in Google Drive',
      "Open Gemini's notes in Google Docs",
    ]);
    await links.getByRole('button', { name: 'Open the recording in Google Drive' }).click();
    await expect
      .poll(() => (fs.existsSync(browserLog) ? fs.readFileSync(browserLog, 'utf8') : ''))
      .toContain('open https://drive.google.com/file/d/recordingFile0001/view');
    await saveScreenshot(page, 'transcript-room');
    await section.screenshot({ path: 'tests/artifacts/transcript-section.png' });
    await expectAccessible(page, 'room, transcript');

    // Find within, from the keyboard: the field, then only the lines that hold the words.
    const find = section.getByLabel('Find in transcript');
    await find.focus();
    await page.keyboard.type('BACKOFF');
    await expect(section.getByTestId('transcript-count')).toHaveText('30 of 120 lines hold “BACKOFF”.');
    await expect(lines.getByRole('row')).toHaveCount(31);
    await expect(lines.locator('mark').first()).toHaveText('backoff');
    // A speaker's name counts, and is marked where it is.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('LOVE');
    await expect(lines.getByRole('rowheader').first().locator('mark')).toHaveText('Love');
    await expect(lines.getByRole('rowheader').filter({ hasText: 'Rita Recruiter' })).toHaveCount(0);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('kafka');
    await expect(section.getByTestId('transcript-count')).toHaveText('No line holds “kafka”.');
    await page.keyboard.press('Tab');
    await expect(section.getByRole('button', { name: 'Clear search' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section.getByTestId('transcript-count')).toHaveText('120 lines.');
    // The button went with the search: focus is back in the field, as Escape leaves it.
    await expect(find).toBeFocused();
    await saveScreenshot(page, 'transcript-find');
    await page.emulateMedia({ colorScheme: 'dark' });
    await section.screenshot({ path: 'tests/artifacts/transcript-section-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAccessible(page, 'room, transcript find');

    // A call where nobody turned anything on says so, once its hour has passed.
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), quiet.id);
    await expect(section.getByTestId('transcript-status')).toHaveText(
      "No one turned on recording, transcription or Gemini notes in this call, or the organizer's Google Workspace edition or admin policy does not offer them.",
      { timeout: 20_000 },
    );
    await expectAccessible(page, 'room, nothing recorded');
  } finally {
    await app.stop();
    await g.close();
    temp.cleanup();
  }
});

test('A transcript longer than a page: Show more lines from the keyboard, find counted in main, light and dark', async ({
  page,
}) => {
  const g = await startGoogleEmulator();
  const temp = makeTempDir('idesk-e2e-');
  const day = 86_400_000;
  const yesterday = new Date(Math.floor(Date.now() / day) * day - day + 10 * 3_600_000);
  const at = (minutes: number) => new Date(yesterday.getTime() + minutes * 60_000).toISOString();
  const recorded = makeInterview({
    startUtc: yesterday.toISOString(),
    durationMinutes: 45,
    timeZone: 'UTC',
    jobTitle: 'Analyst',
    meetLink: 'https://meet.google.com/abc-mnop-xyz',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
  });
  seedStore(temp.dir, {
    interviews: [recorded],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  });
  const conference = g.meet.addConference({
    meetingCode: 'abc-mnop-xyz',
    startTime: at(-2),
    endTime: at(47),
    participants: [
      {
        kind: 'signedin',
        user: 'users/1001',
        email: 'recruiter@example.com',
        displayName: 'Rita Recruiter',
        sessions: [{ start: at(-2), end: at(47) }],
      },
      { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: at(1), end: at(46) }] },
    ],
  });
  // 450 lines (Meet serves them 100 a page): every 3rd about the queue but line 300, which holds LIKE's own characters.
  g.meet.artifacts.addTranscript(conference, {
    startTime: at(0),
    endTime: at(47),
    fileId: 'transcriptDoc0002',
    entries: Array.from({ length: 450 }, (_, i) => ({
      speaker: i % 2 ? 'Ada Lovelace' : 'Rita Recruiter',
      text: i === 300 ? 'We cut 50% of snake_case names.' : i % 3 === 0 ? `The queue, line ${i}.` : `Line ${i}.`,
      languageCode: 'en-GB',
      start: at(i / 10),
      end: at(i / 10 + 0.05),
    })),
  });

  const app = await startWebMode({ ...g.env, ...fakeBrowserEnv }, temp.dir);
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
    await page.evaluate((id) => (location.hash = `#/interview/${id}`), recorded.id);
    const section = page.getByRole('region', { name: 'Transcript and recording' });
    await section.getByRole('button', { name: 'Connect Google Meet' }).click();
    const lines = section.getByTestId('transcript-lines');
    await expect(lines.getByRole('row')).toHaveCount(201, { timeout: 30_000 });
    await expect(section.getByTestId('transcript-count')).toHaveText('450 lines.');
    await expect(section.getByTestId('transcript-shown')).toHaveText('Showing 200 of 450 lines.');

    // From the keyboard: the lines' box, then Show more lines; focus goes to the first new line.
    await section.getByRole('region', { name: 'What was said' }).focus();
    await page.keyboard.press('Tab');
    await expect(section.getByRole('button', { name: 'Show more lines' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lines.getByRole('row')).toHaveCount(401);
    await expect(lines.getByRole('row').nth(201)).toBeFocused();
    await expect(lines.getByRole('row').nth(201)).toContainText('Line 200.');
    await expect(section.getByTestId('transcript-shown')).toHaveText('Showing 400 of 450 lines.');
    // Checked in light and dark.
    await expectAccessible(page, 'room, long transcript');
    await page.emulateMedia({ colorScheme: 'dark' });
    await section.screenshot({ path: 'tests/artifacts/transcript-long-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    // Find within asks main: counted over the whole interview; LIKE's own characters are text.
    const find = section.getByLabel('Find in transcript');
    await find.focus();
    await page.keyboard.type('QUEUE');
    await expect(section.getByTestId('transcript-count')).toHaveText('149 of 450 lines hold “QUEUE”.');
    await expect(lines.getByRole('row')).toHaveCount(150);
    await expect(lines.locator('mark').first()).toHaveText('queue');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50%');
    await expect(section.getByTestId('transcript-count')).toHaveText('1 of 450 lines hold “50%”.');
    await expect(lines.locator('mark')).toHaveText(['50%']);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('line');
    await expect(section.getByTestId('transcript-count')).toHaveText('449 of 450 lines hold “line”.');
    await expect(section.getByTestId('transcript-shown')).toHaveText('Showing 200 of 449 lines that hold “line”.');
    await section.screenshot({ path: 'tests/artifacts/transcript-long-find.png' });
    await expectAccessible(page, 'room, long transcript find');
  } finally {
    await app.stop();
    await g.close();
    temp.cleanup();
  }
});
