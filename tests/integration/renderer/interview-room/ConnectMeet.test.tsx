import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator } from '../../../google-emulator/google-emulator';
import { googleServices } from '../../../support/google-harness';
import { memorySecretStore } from '../../../support/test-services';
import { makeTempDir } from '../../../support/temp-dir';
import { inProcessDesk } from '../../../support/in-process-desk';
import { installPageGlobals } from '../../../support/page-globals';
import { makeInterview, seedStore } from '../../../support/interview-fixtures';
import { defaultSettings } from '../../../../preload/shared/contract/settings-schema';

const minute = 60_000;
const start = Date.now() - 3 * 60 * minute;
const at = (m: number) => new Date(start + m * minute).toISOString();
const interview = makeInterview({
  startUtc: at(0),
  durationMinutes: 45,
  timeZone: 'UTC',
  meetLink: 'https://meet.google.com/abc-mnop-xyz',
  recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
});

// The room's transcript section over real services in this process, signed in at the emulator without Meet's permission.
// Main's Google calls and the consent screen's visit use Node's fetch, as in the app: happy-dom's would
// apply a page's same-origin rules to them. The component itself calls main in-process, never fetch.
const { fetch: nodeFetch, Headers, Request, Response } = globalThis;
const removePage = await installPageGlobals();
Object.assign(globalThis, { fetch: nodeFetch, Headers, Request, Response });
const { render, screen, cleanup, fireEvent, waitFor } = await import('@testing-library/react');
const g = await startGoogleEmulator();
const conference = g.meet.addConference({ meetingCode: 'abc-mnop-xyz', startTime: at(-1), endTime: at(46) });
g.meet.artifacts.addTranscript(conference, {
  startTime: at(0),
  endTime: at(46),
  fileId: 'transcriptDoc123',
  entries: [
    { speaker: 'Rita Recruiter', text: 'Tell me about queues.', start: at(1), end: at(2) },
    { speaker: 'Ada Lovelace', text: 'A queue keeps order.', start: at(2) },
  ],
});
const temp = makeTempDir();
seedStore(temp.dir, { interviews: [interview], settings: { firstRunDone: true } });
const services = googleServices(g, temp.dir, { keychainService: 'unused', secrets: memorySecretStore() });
window.desk = inProcessDesk(services);
const { TranscriptPanel } = await import('../../../../renderer/transcript/TranscriptPanel');
const { AttendancePanel } = await import('../../../../renderer/interview-room/AttendancePanel');
const { useAttendance } = await import('../../../../renderer/interview-room/use-attendance');
const { AfterInterview } = await import('../../../../renderer/after-interview/AfterInterview');
const connected = await window.desk.account.connect();
if (!connected.ok) throw new Error(connected.error.message);

afterEach(() => cleanup());
afterAll(async () => {
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
  await g.close();
  await removePage();
});

const heading = () => screen.getByRole('heading', { name: 'Transcript and recording' });

/** The room's two sections that read Google Meet, as the room shows them. */
function MeetSections() {
  const attendance = useAttendance(interview.id);
  return (
    <>
      <AttendancePanel loaded={attendance} zone="UTC" />
      <TranscriptPanel interview={interview} />
    </>
  );
}

describe("the transcript section's own Connect Google Meet", () => {
  it('is one action under one name in Attendance and Transcript, each saying what a refusal did', async () => {
    render(<MeetSections />);
    await screen.findByTestId('attendance-not-connected');
    await screen.findByTestId('transcript-status');
    const [inAttendance, inTranscript] = screen.getAllByRole('button', { name: 'Connect Google Meet' });
    expect(inTranscript).toBeTruthy();
    for (const note of screen.getAllByTestId('meet-connect'))
      expect(note.textContent).toContain('One Google consent serves both attendance and transcripts.');
    g.oauth.consent = 'deny';
    fireEvent.click(inAttendance!);
    const alert = await screen.findByRole('alert');
    expect(alert.closest('section')?.getAttribute('aria-labelledby')).toBe('attendance-title');
    expect(alert.textContent).toContain(
      'You declined access in the browser, so nothing was added; your Google account stays as it was.',
    );
    expect(screen.getAllByRole('button', { name: 'Connect Google Meet' })).toHaveLength(2);
    g.oauth.consent = 'approve';
  }, 30_000);

  it('says why a refusal failed, connects on the next press, focuses the heading, and reads the transcript', async () => {
    render(<TranscriptPanel interview={interview} />);
    expect((await screen.findByTestId('transcript-status')).textContent).toContain('Google Meet is not connected yet');
    expect(screen.getByTestId('meet-connect').textContent).toContain(
      'One Google consent serves both attendance and transcripts.',
    );
    expect(screen.queryByRole('button', { name: 'Check Meet now' })).toBeNull();

    // Refused on Google's consent screen: the words say so, the button stays, nothing was asked of Meet.
    g.oauth.consent = 'deny';
    fireEvent.click(screen.getByRole('button', { name: 'Connect Google Meet' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'You declined access in the browser, so nothing was added; your Google account stays as it was.',
    );
    expect(screen.getByRole('button', { name: 'Connect Google Meet' })).toBeTruthy();
    expect(g.count('/transcripts')).toBe(0);

    g.oauth.consent = 'approve';
    fireEvent.click(screen.getByRole('button', { name: 'Connect Google Meet' }));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(screen.queryByRole('button', { name: /Connect Google Meet/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(g.oauth.grantedScopes()).toContain('https://www.googleapis.com/auth/meetings.space.readonly');
    // Main looks a few seconds after the grant and says so: the section reads again and shows the lines.
    const lines = await screen.findByTestId('transcript-lines', {}, { timeout: 15_000 });
    expect(lines.textContent).toContain('A queue keeps order.');
    expect(screen.getByRole('button', { name: 'Check Meet now' })).toBeTruthy();
  }, 30_000);

  it('offers Reconnect once Google access needs it, and reconnects with the same call', async () => {
    render(<TranscriptPanel interview={interview} />);
    await screen.findByRole('button', { name: 'Check Meet now' });
    // Access revoked at Google: the next look finds out, and the account's change reaches the section.
    g.oauth.revokeAll();
    fireEvent.click(screen.getByRole('button', { name: 'Check Meet now' }));
    const reconnect = await screen.findByRole('button', { name: 'Reconnect Google Meet' }, { timeout: 10_000 });
    expect(screen.getByTestId('transcript-status').textContent).toContain('Reconnect your Google account');
    // What was read is kept.
    expect(screen.getByTestId('transcript-lines').textContent).toContain('A queue keeps order.');

    // Refused once: the words do not claim a working account stays as it was.
    g.oauth.consent = 'deny';
    fireEvent.click(reconnect);
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(' '),
      ).toContain('You declined access in the browser, so no Google account was connected.'),
    );
    expect(document.body.textContent).not.toContain('stays as it was');
    g.oauth.consent = 'approve';
    fireEvent.click(reconnect);
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(screen.queryByRole('button', { name: 'Reconnect Google Meet' })).toBeNull();
    expect(services.account.status().state).toBe('connected');
  }, 30_000);

  it("is never in the candidate's room", async () => {
    const own = makeInterview({ ...interview, id: 'candidate-side', origin: 'candidate' });
    render(<AfterInterview interview={own} settings={defaultSettings()} now={Date.now()} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: /Connect Google Meet|Reconnect Google Meet/ })).toBeNull();
    expect(screen.queryByTestId('transcript')).toBeNull();
  });
});
