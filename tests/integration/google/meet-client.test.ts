import { beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import {
  conferenceFilter,
  createMeetClient,
  meetReadScope,
  type MeetClientOptions,
} from '../../../main/attendance/meet-client';
import { GoogleRequestError } from '../../../main/google/api/google-request-error';
import { fetchInterviewConferences } from '../../../main/attendance/attendance-fetch';
import { analyseAttendance, candidateWaiting } from '../../../main/attendance/attendance-analysis';
import { emulatorAuthClient, emulatorGoogleConfig, requestFailure as failure } from '../../support/emulator-auth';

/** The Meet v2 client against the emulator: filters, paging, typed failures, the one retry policy. */
describe('Meet client (emulator)', () => {
  const { g } = googleForFile();
  beforeEach(() => {
    g.meet.clear();
    g.faults.clear();
    g.requests.length = 0;
  });

  // Configured the way the app is: INTERVIEW_DESK_GOOGLE_MEET_API_URL and the OAuth endpoints from the environment.
  const client = (scopes = [meetReadScope], extra: Partial<MeetClientOptions> = {}) =>
    createMeetClient({
      auth: emulatorAuthClient(g, scopes),
      rootUrl: emulatorGoogleConfig(g).meetApiUrl,
      retry: { baseDelayMs: 5, maxDelayMs: 20, totalCapMs: 2_000 },
      requestTimeoutMs: 2_000,
      ...extra,
    });

  it('builds only valid filters', () => {
    expect(
      conferenceFilter({
        meetingCode: 'abc-mnop-xyz',
        startedFrom: '2030-01-01T09:00:00Z',
        startedTo: '2030-01-01T12:00:00+01:00',
        running: true,
      }),
    ).toBe(
      'space.meeting_code = "abc-mnop-xyz" AND start_time>="2030-01-01T09:00:00.000Z" AND start_time<="2030-01-01T11:00:00.000Z" AND end_time IS NULL',
    );
    expect(() => conferenceFilter({ meetingCode: 'abc" OR space.name = "x' })).toThrow(GoogleRequestError);
    expect(() => conferenceFilter({ startedFrom: 'soon' })).toThrow(/not a time/);
  });

  it('sends the filter and follows every page of conference records', async () => {
    for (let i = 0; i < 130; i++)
      g.meet.addConference({
        meetingCode: 'abc-mnop-xyz',
        startTime: new Date(Date.UTC(2030, 0, 1, 8, i)).toISOString(),
        endTime: new Date(Date.UTC(2030, 0, 1, 12, i)).toISOString(),
      });
    g.meet.addConference({ meetingCode: 'oth-erco-dex', startTime: '2030-01-01T09:00:00Z' });
    const records = await client().listConferenceRecords({
      meetingCode: 'abc-mnop-xyz',
      startedFrom: '2030-01-01T00:00:00Z',
    });
    expect(records).toHaveLength(130);
    expect(new Set(records.map((r) => r.name)).size).toBe(130);
    expect(records[0]!.startTime).toBe('2030-01-01T10:09:00.000Z'); // newest first
    const calls = g.requests.filter((r) => r.path === '/v2/conferenceRecords');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.query.filter).toBe(
      'space.meeting_code = "abc-mnop-xyz" AND start_time>="2030-01-01T00:00:00.000Z"',
    );
    expect(calls[1]!.query.pageToken).toBeDefined();
    expect(await client().listConferenceRecords({ meetingCode: 'non-exis-ten' })).toEqual([]);
  });

  it('fetches participants and sessions with paging, keeping who is who', async () => {
    const name = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-01-01T10:00:00Z',
      participants: [
        {
          kind: 'signedin',
          displayName: 'Rita Recruiter',
          user: 'users/1001',
          sessions: [
            { start: '2030-01-01T10:02:00Z', end: '2030-01-01T10:20:00Z' },
            { start: '2030-01-01T10:22:00Z' },
            { start: '2030-01-01T10:25:00Z', end: '2030-01-01T10:30:00Z' },
          ],
        },
        {
          kind: 'anonymous',
          displayName: 'Ada Lovelace',
          sessions: [{ start: '2030-01-01T10:00:00Z', end: '2030-01-01T10:45:00Z' }],
        },
        {
          kind: 'phone',
          displayName: '+1 ***-***-1234',
          sessions: [{ start: '2030-01-01T10:05:00Z', end: '2030-01-01T10:06:00Z' }],
        },
      ],
    });
    const [record] = await client().listConferenceRecords({ meetingCode: 'abc-mnop-xyz', running: true });
    expect(record).toMatchObject({ name, startTime: '2030-01-01T10:00:00.000Z' });
    expect(record!.endTime).toBeUndefined();
    g.requests.length = 0;
    const paged = client([meetReadScope], { pageSize: 2 });
    const participants = await paged.listParticipants(record!.name);
    const attendance = {
      participants: [] as {
        participant: (typeof participants)[number];
        sessions: Awaited<ReturnType<typeof paged.listSessions>>;
      }[],
    };
    for (const participant of participants)
      attendance.participants.push({ participant, sessions: await paged.listSessions(participant.name) });
    expect(attendance.participants.map((p) => p.participant.identity)).toEqual([
      { kind: 'phone', displayName: '+1 ***-***-1234' },
      { kind: 'signedin', user: 'users/1001', displayName: 'Rita Recruiter' },
      { kind: 'anonymous', displayName: 'Ada Lovelace' },
    ]);
    const rita = attendance.participants[1]!;
    expect(rita.participant.latestEndTime).toBeUndefined();
    expect(rita.sessions.map((s) => [s.startTime, s.endTime])).toEqual([
      ['2030-01-01T10:25:00.000Z', '2030-01-01T10:30:00.000Z'],
      ['2030-01-01T10:22:00.000Z', undefined],
      ['2030-01-01T10:02:00.000Z', '2030-01-01T10:20:00.000Z'],
    ]);
    // 3 participants at 2 per page = 2 requests; Rita's 3 sessions = 2; the other two = 1 each.
    expect(g.count('/participants', 'GET') - g.count('/participantSessions', 'GET')).toBe(2);
    expect(g.count('/participantSessions', 'GET')).toBe(4);
  });

  it('surfaces a missing scope as scope_missing without retrying', async () => {
    const error = await failure(
      client(['https://www.googleapis.com/auth/calendar.events']).listConferenceRecords({
        meetingCode: 'abc-mnop-xyz',
      }),
    );
    expect(error).toMatchObject({ kind: 'scope_missing', status: 403, attempts: 1 });
    expect(g.count('/v2/conferenceRecords')).toBe(1);
  });

  it('tells a space the account may not read (403) and a missing record (404) apart', async () => {
    const name = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-01-01T10:00:00Z',
      owner: 'someone@else.com',
    });
    expect(await failure(client().listParticipants(name))).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(await failure(client().listParticipants('conferenceRecords/gone'))).toMatchObject({
      kind: 'not_found',
      status: 404,
    });
  });

  it('retries 429 and 503 through the retry policy, and gives up as unavailable', async () => {
    g.meet.addConference({ meetingCode: 'abc-mnop-xyz', startTime: '2030-01-01T10:00:00Z' });
    g.faults.add({ path: '/v2/conferenceRecords', status: 429, retryAfter: 0 });
    g.faults.add({ path: '/v2/conferenceRecords', status: 503 });
    expect(await client().listConferenceRecords({ meetingCode: 'abc-mnop-xyz' })).toHaveLength(1);
    expect(g.count('/v2/conferenceRecords')).toBe(3);
    g.faults.add({ path: '/v2/conferenceRecords', status: 503, times: 10 });
    const error = await failure(
      client([meetReadScope], { retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 } }).listConferenceRecords({
        meetingCode: 'abc-mnop-xyz',
      }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, attempts: 3 });
  });

  it('asks for a reconnect when the refresh token was revoked', async () => {
    const c = client();
    g.oauth.revokeAll();
    expect(await failure(c.listConferenceRecords({ meetingCode: 'abc-mnop-xyz' }))).toMatchObject({
      kind: 'needs_reconnect',
    });
  });

  it('fetches only the conferences of a reused link that overlap the interview, and they analyse end to end', async () => {
    const interview = {
      meetingCode: 'abc-mnop-xyz',
      scheduledStart: '2030-03-04T10:00:00Z',
      scheduledEnd: '2030-03-04T10:45:00Z',
      interviewers: [{ user: 'users/1001', name: 'Rita Recruiter' }],
      candidateName: 'Ada Lovelace',
    };
    const rita = { kind: 'signedin' as const, displayName: 'Rita Recruiter', user: 'users/1001' };
    const ada = { kind: 'anonymous' as const, displayName: 'Ada Lovelace' };
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-03-03T10:00:00Z',
      endTime: '2030-03-03T11:00:00Z',
      participants: [{ ...ada, sessions: [{ start: '2030-03-03T10:00:00Z', end: '2030-03-03T11:00:00Z' }] }],
    });
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-03-04T08:00:00Z',
      endTime: '2030-03-04T09:00:00Z',
      participants: [
        {
          kind: 'anonymous',
          displayName: 'Earlier Meeting',
          sessions: [{ start: '2030-03-04T08:00:00Z', end: '2030-03-04T09:00:00Z' }],
        },
      ],
    });
    const first = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-03-04T09:58:00Z',
      endTime: '2030-03-04T10:15:00Z',
      participants: [
        { ...ada, sessions: [{ start: '2030-03-04T09:58:00Z', end: '2030-03-04T10:15:00Z' }] },
        { ...rita, sessions: [{ start: '2030-03-04T10:03:00Z', end: '2030-03-04T10:15:00Z' }] },
      ],
    });
    const second = g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: '2030-03-04T10:16:00Z',
      participants: [{ ...ada, sessions: [{ start: '2030-03-04T10:16:00Z' }] }],
    });
    const conferences = await fetchInterviewConferences(client(), interview);
    expect(conferences.map((c) => c.record.name)).toEqual([first, second]);
    expect(g.count('/participants', 'GET') - g.count('/participantSessions', 'GET')).toBe(2);
    expect(g.requests.find((r) => r.path === '/v2/conferenceRecords')!.query.filter).toBe(
      'space.meeting_code = "abc-mnop-xyz" AND start_time>="2030-03-03T21:45:00.000Z" AND start_time<="2030-03-04T11:15:00.000Z"',
    );
    const now = Date.parse('2030-03-04T10:20:00Z');
    expect(analyseAttendance(interview, conferences, { now })).toMatchObject({
      outcome: 'completed',
      final: false,
      interviewerLateMinutes: 3,
      together: { start: '2030-03-04T10:03:00.000Z', end: '2030-03-04T10:15:00.000Z' },
    });
    // Rita dropped out with the first conference; Ada is alone in the restarted one.
    const running = await fetchInterviewConferences(client(), interview, { running: true });
    expect(running.map((c) => c.record.name)).toEqual([second]);
    expect(candidateWaiting(interview, running, { now })).toEqual({
      displayName: 'Ada Lovelace',
      since: '2030-03-04T10:16:00.000Z',
      identified: true,
    });
  });

  it("stops at the request budget of one interview: Google's answers cannot make it read without end", async () => {
    const interview = {
      meetingCode: 'big-mmmm-eet',
      scheduledStart: '2030-03-04T10:00:00Z',
      scheduledEnd: '2030-03-04T10:45:00Z',
    };
    const people = Array.from({ length: 12 }, (_, i) => ({
      kind: 'anonymous' as const,
      displayName: `Guest ${i}`,
      sessions: [{ start: '2030-03-04T10:00:00Z', end: '2030-03-04T10:30:00Z' }],
    }));
    g.meet.addConference({
      meetingCode: 'big-mmmm-eet',
      startTime: '2030-03-04T10:00:00Z',
      endTime: '2030-03-04T10:45:00Z',
      participants: people,
    });
    // The list, one page of participants, then a page of sessions each: 14 requests for all of it.
    expect(await fetchInterviewConferences(client(), interview, { maxRequests: 14 })).toHaveLength(1);
    g.requests.length = 0;
    const refused = await fetchInterviewConferences(client(), interview, { maxRequests: 10 }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(GoogleRequestError);
    expect(refused).toMatchObject({ kind: 'too_large' });
    expect(g.requests.filter((r) => r.path.startsWith('/v2/'))).toHaveLength(10);
  });
});
