import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { createMeetClient, meetReadScope } from '../../../main/attendance/meet-client';
import { fetchInterviewConferences, type SessionCache } from '../../../main/attendance/attendance-fetch';
import { emulatorAuthClient, emulatorGoogleConfig } from '../../support/emulator-auth';

/** What one interview reads from Meet (emulator): only the people of its window, and no session read twice. */
describe("fetching one interview's conferences (emulator)", () => {
  let g: GoogleEmulator;
  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());
  beforeEach(() => {
    g.meet.clear();
    g.requests.length = 0;
  });
  const client = () =>
    createMeetClient({
      auth: emulatorAuthClient(g, [meetReadScope]),
      rootUrl: emulatorGoogleConfig(g).meetApiUrl,
      retry: { baseDelayMs: 5, maxDelayMs: 20, totalCapMs: 2_000 },
      requestTimeoutMs: 2_000,
    });
  const t = (hhmm: string) => `2030-03-04T${hhmm}:00.000Z`;
  // The window is 09:45–11:15 (15 minutes before, 30 after).
  const interview = { meetingCode: 'abc-mnop-xyz', scheduledStart: t('10:00'), scheduledEnd: t('10:45') };
  const sessionReads = () => g.requests.filter((r) => r.path.endsWith('/participantSessions')).length;

  it("a standing room on a reused link: only people whose sessions meet the window are kept, with those sessions; the others' sessions are not read", async () => {
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: t('08:00'),
      endTime: t('13:00'),
      participants: [
        { kind: 'anonymous', displayName: 'Morning Standup', sessions: [{ start: t('08:00'), end: t('09:00') }] },
        { kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: t('09:58'), end: t('10:45') }] },
        {
          kind: 'signedin',
          user: 'users/1001',
          displayName: 'Rita Recruiter',
          sessions: [
            { start: t('08:10'), end: t('08:30') },
            { start: t('10:00'), end: t('10:45') },
          ],
        },
        { kind: 'anonymous', displayName: 'Afternoon Review', sessions: [{ start: t('12:00'), end: t('12:30') }] },
      ],
    });
    const [conference] = await fetchInterviewConferences(client(), interview);
    expect(conference!.participants.map((p) => p.participant.identity.displayName).sort()).toEqual([
      'Ada Lovelace',
      'Rita Recruiter',
    ]);
    expect(
      conference!.participants
        .find((p) => p.participant.identity.displayName === 'Rita Recruiter')!
        .sessions.map((s) => [s.startTime, s.endTime]),
    ).toEqual([[t('10:00'), t('10:45')]]);
    expect(sessionReads()).toBe(2);
  });

  it('with a session cache, a participant whose first join and last leave are unchanged is not read again; a new or changed one is', async () => {
    const conference = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: t('09:58'),
      participants: [{ kind: 'anonymous', displayName: 'Ada Lovelace', sessions: [{ start: t('09:58') }] }],
    });
    const cache: SessionCache = new Map();
    const poll = () => fetchInterviewConferences(client(), interview, { running: true, sessions: cache });
    await poll();
    expect(sessionReads()).toBe(1);
    await poll();
    await poll();
    expect(sessionReads()).toBe(1);
    const pat = g.meet.addParticipant(conference, {
      kind: 'anonymous',
      displayName: 'Pat Panel',
      sessions: [{ start: t('10:01'), end: t('10:02') }],
    });
    await poll();
    expect(sessionReads()).toBe(2);
    // Pat comes back: a new session, and Meet's latestEndTime is gone while they are in the call.
    g.meet.addSession(pat, { start: t('10:03') });
    const [now] = await poll();
    expect(sessionReads()).toBe(3);
    expect(now!.participants.find((p) => p.participant.identity.displayName === 'Pat Panel')!.sessions).toHaveLength(2);
  });
});
