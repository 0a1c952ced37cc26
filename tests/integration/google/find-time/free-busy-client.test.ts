import { beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../../support/google-for-file';
import { freeBusyScope, queryFreeBusy } from '../../../../main/google/find-time/free-busy-client';
import { emulatorAuthClient, emulatorGoogleConfig, requestFailure as failure } from '../../../support/emulator-auth';

/** Free/busy for a recruiter and a panel against the emulator: per-person answers, limits, typed failures. */
describe('free/busy client (emulator)', () => {
  const { g } = googleForFile();
  beforeEach(() => {
    g.freeBusy.clear();
    g.faults.clear();
    g.requests.length = 0;
  });
  const options = (scopes = [freeBusyScope]) => ({
    auth: emulatorAuthClient(g, scopes),
    apiUrl: emulatorGoogleConfig(g).apiUrl,
    retry: { baseDelayMs: 5, maxDelayMs: 20, totalCapMs: 2_000 },
    requestTimeoutMs: 2_000,
  });
  const range = { timeMin: '2030-03-04T00:00:00Z', timeMax: '2030-03-05T00:00:00Z' };

  it('answers a panel of three with one calendar notFound, per person, in the order asked', async () => {
    g.calendar.insertForeign({
      summary: 'Standup',
      start: { dateTime: '2030-03-04T09:00:00Z' },
      end: { dateTime: '2030-03-04T09:30:00Z' },
    });
    g.freeBusy.setBusy('pat@example.com', [
      { start: '2030-03-04T13:00:00Z', end: '2030-03-04T14:00:00Z' },
      { start: '2030-03-04T10:00:00Z', end: '2030-03-04T11:00:00Z' },
    ]);
    g.freeBusy.setError('lee@example.com', 'forbidden');
    const result = await queryFreeBusy(options(), {
      ...range,
      calendars: ['primary', 'pat@example.com', 'sam@other.org', 'lee@example.com'],
    });
    expect(result).toEqual([
      {
        calendarId: 'primary',
        status: 'ok',
        busy: [{ start: '2030-03-04T09:00:00.000Z', end: '2030-03-04T09:30:00.000Z' }],
      },
      {
        calendarId: 'pat@example.com',
        status: 'ok',
        busy: [
          { start: '2030-03-04T10:00:00.000Z', end: '2030-03-04T11:00:00.000Z' },
          { start: '2030-03-04T13:00:00.000Z', end: '2030-03-04T14:00:00.000Z' },
        ],
      },
      { calendarId: 'sam@other.org', status: 'not_found', reason: 'notFound', busy: [] },
      { calendarId: 'lee@example.com', status: 'forbidden', reason: 'forbidden', busy: [] },
    ]);
    expect(g.count('/freeBusy', 'POST')).toBe(1);
  });

  it('splits more than 50 calendars and ranges longer than Google allows into several requests', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `p${i}@example.com`);
    many.forEach((id) => g.freeBusy.setBusy(id, []));
    g.freeBusy.setBusy('p59@example.com', [{ start: '2030-05-20T10:00:00Z', end: '2030-05-20T11:00:00Z' }]);
    const result = await queryFreeBusy(options(), {
      timeMin: '2030-03-01T00:00:00Z',
      timeMax: '2030-06-01T00:00:00Z',
      calendars: many,
    });
    expect(result).toHaveLength(60);
    expect(result.every((r) => r.status === 'ok')).toBe(true);
    expect(result[59]!.busy).toEqual([{ start: '2030-05-20T10:00:00.000Z', end: '2030-05-20T11:00:00.000Z' }]);
    expect(g.count('/freeBusy', 'POST')).toBe(4);
  });

  it('surfaces a missing scope (calendar.events alone) as scope_missing, without retrying', async () => {
    const error = await failure(
      queryFreeBusy(options(['https://www.googleapis.com/auth/calendar.events']), { ...range, calendars: ['primary'] }),
    );
    expect(error).toMatchObject({ kind: 'scope_missing', status: 403, attempts: 1 });
  });

  it('retries 503 and 429, then answers', async () => {
    g.faults.add({ path: '/freeBusy', status: 503 });
    g.faults.add({ path: '/freeBusy', status: 429, retryAfter: 0 });
    expect(await queryFreeBusy(options(), { ...range, calendars: ['primary'] })).toHaveLength(1);
    expect(g.count('/freeBusy', 'POST')).toBe(3);
  });

  it('asks for a reconnect when access was revoked, and refuses an empty range before calling', async () => {
    const o = options();
    g.oauth.revokeAll();
    expect(await failure(queryFreeBusy(o, { ...range, calendars: ['primary'] }))).toMatchObject({
      kind: 'needs_reconnect',
    });
    expect(
      await failure(queryFreeBusy(o, { timeMin: range.timeMax, timeMax: range.timeMin, calendars: ['primary'] })),
    ).toMatchObject({ kind: 'invalid_request', attempts: 0 });
  });
});
