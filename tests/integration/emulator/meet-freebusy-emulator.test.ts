import { beforeEach, describe, expect, it } from 'vitest';
import { parseMeetFilter } from '../../google-emulator/meet-routes';
import { emulatorForFile } from '../../support/emulator-for-file';

const meetScope = 'https://www.googleapis.com/auth/meetings.space.readonly';
const freeBusyScope = 'https://www.googleapis.com/auth/calendar.freebusy';
const eventsScope = 'https://www.googleapis.com/auth/calendar.events';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The emulator's Meet v2 and freeBusy routes reject what Google rejects and answer in Google's shapes. */
describe('Google emulator: Meet v2 and freeBusy', () => {
  const { g, token, request } = emulatorForFile();
  beforeEach(() => {
    g.faults.clear();
    g.meet.clear();
    g.freeBusy.clear();
  });
  const get = (path: string, access: string) => request<Body>('GET', path, access);
  const records = (filter: string, access: string, extra = '') =>
    get(`/v2/conferenceRecords?filter=${encodeURIComponent(filter)}${extra}`, access);

  describe('Meet conference records', () => {
    it('parses the documented filter grammar and refuses anything else', () => {
      const fields = {
        'space.meeting_code': 'string',
        'space.name': 'string',
        start_time: 'time',
        end_time: 'time',
      } as const;
      expect(parseMeetFilter('space.meeting_code = "abc-mnop-xyz"', fields)).toEqual([
        { field: 'space.meeting_code', op: '=', value: 'abc-mnop-xyz' },
      ]);
      expect(
        parseMeetFilter('start_time>="2024-01-01T00:00:00.000Z" AND start_time<="2024-01-02T00:00:00.000Z"', fields),
      ).toHaveLength(2);
      expect(parseMeetFilter('end_time IS NULL', fields)).toEqual([{ field: 'end_time', op: 'IS NULL' }]);
      for (const bad of [
        'space.meeting_code = abc-mnop-xyz',
        'space.meeting_code > "a"',
        'start_time >= "yesterday"',
        'owner = "x"',
        'space.meeting_code = "a" OR end_time IS NULL',
        'space.name IS NULL',
      ]) {
        expect(typeof parseMeetFilter(bad, fields), bad).toBe('string');
      }
    });

    it('lists records newest first, filtered by meeting code, start time and running state', async () => {
      const access = token(meetScope);
      const old = g.meet.addConference({
        meetingCode: 'abc-mnop-xyz',
        startTime: '2030-01-01T10:00:00Z',
        endTime: '2030-01-01T11:00:00Z',
      });
      const recent = g.meet.addConference({
        meetingCode: 'abc-mnop-xyz',
        startTime: '2030-01-02T10:00:00Z',
        endTime: '2030-01-02T11:00:00Z',
      });
      const running = g.meet.addConference({ meetingCode: 'abc-mnop-xyz', startTime: '2030-01-03T10:00:00Z' });
      g.meet.addConference({ meetingCode: 'zzz-zzzz-zzz', startTime: '2030-01-02T10:00:00Z' });
      const all = await records('space.meeting_code = "abc-mnop-xyz"', access);
      expect(all.status).toBe(200);
      expect(all.body.conferenceRecords.map((r: { name: string }) => r.name)).toEqual([running, recent, old]);
      expect(all.body.conferenceRecords[0].endTime).toBeUndefined();
      expect(all.body.conferenceRecords[1]).toMatchObject({
        startTime: '2030-01-02T10:00:00Z',
        endTime: '2030-01-02T11:00:00Z',
        space: expect.stringMatching(/^spaces\//),
      });
      const day = await records(
        'space.meeting_code = "abc-mnop-xyz" AND start_time>="2030-01-02T00:00:00.000Z" AND start_time<="2030-01-02T23:59:59Z"',
        access,
      );
      expect(day.body.conferenceRecords.map((r: { name: string }) => r.name)).toEqual([recent]);
      const live = await records('space.meeting_code = "abc-mnop-xyz" AND end_time IS NULL', access);
      expect(live.body.conferenceRecords.map((r: { name: string }) => r.name)).toEqual([running]);
      const bySpace = await records(`space.name = "${all.body.conferenceRecords[0].space}"`, access);
      expect(bySpace.body.conferenceRecords).toHaveLength(3);
      // proto3 JSON: an empty list is an empty object.
      expect((await records('space.meeting_code = "nop-nope-nop"', access)).body).toEqual({});
      const bad = await records('space.meeting_code == abc', access);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
      expect(bad.body.error.errors).toBeUndefined();
    });

    it('pages with pageSize (default 25, at most 100) and tokens tied to their query', async () => {
      const access = token(meetScope);
      for (let i = 0; i < 130; i++)
        g.meet.addConference({
          meetingCode: 'pag-ingg-abc',
          startTime: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
          endTime: new Date(Date.UTC(2030, 0, 1, 1, i)).toISOString(),
        });
      const filter = 'space.meeting_code = "pag-ingg-abc"';
      const first = await records(filter, access);
      expect(first.body.conferenceRecords).toHaveLength(25);
      const big = await records(filter, access, '&pageSize=500');
      expect(big.body.conferenceRecords).toHaveLength(100);
      const rest = await records(filter, access, `&pageSize=500&pageToken=${big.body.nextPageToken}`);
      expect(rest.body.conferenceRecords).toHaveLength(30);
      expect(rest.body.nextPageToken).toBeUndefined();
      const seen = new Set(
        [...big.body.conferenceRecords, ...rest.body.conferenceRecords].map((r: { name: string }) => r.name),
      );
      expect(seen.size).toBe(130);
      expect((await records('end_time IS NULL', access, `&pageToken=${big.body.nextPageToken}`)).status).toBe(400);
      expect((await records(filter, access, '&pageToken=garbage')).status).toBe(400);
      expect((await records(filter, access, '&pageSize=-1')).status).toBe(400);
    });

    it('lists participants (kinds, earliest/latest times, latest absent while in the call) and their sessions, paged', async () => {
      const access = token(meetScope);
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
              { start: '2030-01-01T10:25:00Z' },
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
      const list = await get(`/v2/${name}/participants`, access);
      expect(
        list.body.participants.map((p: Record<string, unknown>) => Object.keys(p).find((k) => k.endsWith('User'))),
      ).toEqual(['phoneUser', 'signedinUser', 'anonymousUser']);
      const rita = list.body.participants[1];
      expect(rita).toMatchObject({
        signedinUser: { user: 'users/1001', displayName: 'Rita Recruiter' },
        earliestStartTime: '2030-01-01T10:02:00Z',
      });
      expect(rita.latestEndTime).toBeUndefined();
      expect(list.body.participants[2]).toMatchObject({
        anonymousUser: { displayName: 'Ada Lovelace' },
        latestEndTime: '2030-01-01T10:45:00Z',
      });
      const active = await get(
        `/v2/${name}/participants?filter=${encodeURIComponent('latest_end_time IS NULL')}`,
        access,
      );
      expect(active.body.participants).toHaveLength(1);
      const page = await get(`/v2/${name}/participants?pageSize=2`, access);
      expect(page.body.participants).toHaveLength(2);
      const page2 = await get(`/v2/${name}/participants?pageSize=2&pageToken=${page.body.nextPageToken}`, access);
      expect(page2.body.participants).toHaveLength(1);
      const sessions = await get(`/v2/${rita.name}/participantSessions?pageSize=1`, access);
      expect(sessions.body.participantSessions).toEqual([
        { name: expect.stringContaining('/participantSessions/'), startTime: '2030-01-01T10:25:00Z' },
      ]);
      const more = await get(
        `/v2/${rita.name}/participantSessions?pageSize=1&pageToken=${sessions.body.nextPageToken}`,
        access,
      );
      expect(more.body.participantSessions[0]).toMatchObject({
        startTime: '2030-01-01T10:02:00Z',
        endTime: '2030-01-01T10:20:00Z',
      });
      g.meet.endConference(name, '2030-01-01T11:00:00Z');
      expect((await get(`/v2/${name}/participants`, access)).body.participants[1].latestEndTime).toBe(
        '2030-01-01T11:00:00Z',
      );
      expect((await get('/v2/conferenceRecords/nope/participants', access)).body.error).toMatchObject({
        code: 404,
        status: 'NOT_FOUND',
      });
    });

    it('checks scopes and who may read a space, in the newer error form', async () => {
      const name = g.meet.addConference({
        meetingCode: 'abc-mnop-xyz',
        startTime: '2030-01-01T10:00:00Z',
        owner: 'someone@else.com',
      });
      expect((await get('/v2/conferenceRecords', 'nope')).status).toBe(401);
      const noScope = await get('/v2/conferenceRecords', token(eventsScope));
      expect(noScope.status).toBe(403);
      expect(noScope.body.error).toMatchObject({
        code: 403,
        status: 'PERMISSION_DENIED',
        details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }],
      });
      expect(
        (await get('/v2/conferenceRecords', token('https://www.googleapis.com/auth/meetings.space.created'))).status,
      ).toBe(200);
      const access = token(meetScope);
      expect((await records('space.meeting_code = "abc-mnop-xyz"', access)).body).toEqual({});
      const forbidden = await get(`/v2/${name}/participants`, access);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.details).toBeUndefined();
    });

    it('injects faults in the Meet error form', async () => {
      g.faults.add({ path: '/v2/conferenceRecords', status: 429, retryAfter: 1 });
      const limited = await get('/v2/conferenceRecords', token(meetScope));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    });
  });

  describe('freeBusy', () => {
    const query = (body: unknown, access: string) => request<Body>('POST', '/calendar/v3/freeBusy', access, body);
    const range = { timeMin: '2030-03-04T00:00:00Z', timeMax: '2030-03-05T00:00:00Z' };

    it('answers the primary calendar from its events (opaque, not cancelled, not declined), clipped and merged', async () => {
      const stamp = (h: number, m = 0) => `2030-03-04T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
      g.calendar.insertForeign({ start: { dateTime: stamp(9) }, end: { dateTime: stamp(10) } });
      g.calendar.insertForeign({ start: { dateTime: stamp(9, 30) }, end: { dateTime: stamp(11) } });
      g.calendar.insertForeign({
        start: { dateTime: stamp(13) },
        end: { dateTime: stamp(14) },
        transparency: 'transparent',
      });
      const cancelled = g.calendar.insertForeign({ start: { dateTime: stamp(15) }, end: { dateTime: stamp(16) } });
      g.calendar.deleteAsUser(cancelled);
      g.calendar.insertForeign({
        start: { dateTime: stamp(17) },
        end: { dateTime: stamp(18) },
        attendees: [{ email: 'recruiter@example.com', self: true, responseStatus: 'declined' }],
      });
      g.calendar.insertForeign({ start: { dateTime: '2030-03-03T23:00:00Z' }, end: { dateTime: stamp(1) } });
      const res = await query({ ...range, items: [{ id: 'primary' }] }, token(freeBusyScope));
      expect(res.status).toBe(200);
      expect(res.body.calendars.primary.busy).toEqual([
        { start: '2030-03-04T00:00:00Z', end: '2030-03-04T01:00:00Z' },
        { start: '2030-03-04T09:00:00Z', end: '2030-03-04T11:00:00Z' },
      ]);
      const berlin = await query(
        { ...range, timeZone: 'Europe/Berlin', items: [{ id: 'recruiter@example.com' }] },
        token(freeBusyScope),
      );
      expect(berlin.body.calendars['recruiter@example.com'].busy[1]).toEqual({
        start: '2030-03-04T10:00:00+01:00',
        end: '2030-03-04T12:00:00+01:00',
      });
    });

    it('answers other calendars from the test API, with per-calendar errors', async () => {
      g.freeBusy.setBusy('pat@example.com', [{ start: '2030-03-04T12:00:00Z', end: '2030-03-04T13:00:00Z' }]);
      g.freeBusy.setError('lee@example.com', 'forbidden');
      const res = await query(
        { ...range, items: [{ id: 'pat@example.com' }, { id: 'lee@example.com' }, { id: 'stranger@other.org' }] },
        token(freeBusyScope),
      );
      expect(res.status).toBe(200);
      expect(res.body.calendars['pat@example.com']).toEqual({
        busy: [{ start: '2030-03-04T12:00:00Z', end: '2030-03-04T13:00:00Z' }],
      });
      expect(res.body.calendars['lee@example.com'].errors).toEqual([{ domain: 'global', reason: 'forbidden' }]);
      expect(res.body.calendars['stranger@other.org'].errors).toEqual([{ domain: 'global', reason: 'notFound' }]);
    });

    it.each([
      [{ timeMax: range.timeMax, items: [] }, 'required'],
      [{ timeMin: 'tomorrow', timeMax: range.timeMax, items: [] }, 'invalid'],
      [{ timeMin: range.timeMax, timeMax: range.timeMin, items: [] }, 'timeRangeEmpty'],
      [{ timeMin: range.timeMin, timeMax: range.timeMin, items: [] }, 'timeRangeEmpty'],
      [{ timeMin: '2030-01-01T00:00:00Z', timeMax: '2030-06-01T00:00:00Z', items: [] }, 'timeRangeTooLong'],
      [{ ...range }, 'required'],
      [{ ...range, items: [{}] }, 'required'],
      [{ ...range, timeZone: 'Mars/Olympus', items: [] }, 'invalid'],
      [{ ...range, calendarExpansionMax: 51, items: [] }, 'invalid'],
      [{ ...range, groupExpansionMax: 101, items: [] }, 'invalid'],
      [
        { ...range, calendarExpansionMax: 2, items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
        'tooManyCalendarsRequested',
      ],
      [
        { ...range, items: Array.from({ length: 51 }, (_, i) => ({ id: `p${i}@example.com` })) },
        'tooManyCalendarsRequested',
      ],
    ])('refuses %o with 400 %s', async (body, reason) => {
      const res = await query(body, token(freeBusyScope));
      expect(res.status).toBe(400);
      expect(res.body.error.errors[0].reason).toBe(reason);
    });

    it('accepts the free/busy and calendar scopes, not calendar.events alone', async () => {
      for (const scope of [
        freeBusyScope,
        'https://www.googleapis.com/auth/calendar.events.freebusy',
        'https://www.googleapis.com/auth/calendar',
        'https://www.googleapis.com/auth/calendar.readonly',
      ]) {
        expect((await query({ ...range, items: [] }, token(scope))).status, scope).toBe(200);
      }
      const refused = await query({ ...range, items: [] }, token(eventsScope));
      expect(refused.status).toBe(403);
      expect(refused.body.error.errors[0].reason).toBe('insufficientPermissions');
    });

    it('injects faults', async () => {
      g.faults.add({ path: '/freeBusy', status: 503 });
      expect((await query({ ...range, items: [] }, token(freeBusyScope))).status).toBe(503);
      expect((await query({ ...range, items: [] }, token(freeBusyScope))).status).toBe(200);
    });
  });
  describe('Calendar event attendees', () => {
    type Inserted = { error?: { message: string; errors: Array<{ reason: string }> }; attendees?: unknown };
    const insert = (attendees: unknown) =>
      request<Inserted>('POST', '/calendar/v3/calendars/primary/events?sendUpdates=none', token(eventsScope), {
        start: { dateTime: '2030-03-04T10:00:00Z' },
        end: { dateTime: '2030-03-04T11:00:00Z' },
        attendees,
      });
    it('takes a panel of guests and refuses a guest without an address or with a malformed one, as Calendar does', async () => {
      const ok = await insert([{ email: 'ada@example.com' }, { email: 'pat@example.com', displayName: 'Pat Panel' }]);
      expect(ok.status).toBe(200);
      expect(ok.body.attendees).toEqual([
        { email: 'ada@example.com' },
        { email: 'pat@example.com', displayName: 'Pat Panel' },
      ]);
      const missing = await insert([{ email: 'ada@example.com' }, { displayName: 'Nobody' }]);
      expect([missing.status, missing.body.error?.message, missing.body.error?.errors[0]?.reason]).toEqual([
        400,
        'Missing attendee email.',
        'required',
      ]);
      const malformed = await insert([{ email: 'Pat <pat@example.com>' }]);
      expect([malformed.status, malformed.body.error?.message, malformed.body.error?.errors[0]?.reason]).toEqual([
        400,
        'Invalid attendee email.',
        'invalid',
      ]);
    });
  });
});
