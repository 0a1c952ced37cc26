import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { googleServices } from '../../support/google-harness';
import { makeTempDir } from '../../support/temp-dir';
import { makeInterview } from '../../support/interview-fixtures';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { computeAnalytics } from '../../../main/analytics/analytics';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { meetReadScope } from '../../../main/attendance/meet-client';
import type { AttendanceView } from '../../../preload/shared/contract/attendance-schema';
import type { AnalyticsReport, Interview } from '../../../preload/shared/contract/interview-schema';
import type { DeskServices } from '../../../main/app/compose-services';

/**
 * Attendance wired into the app (composition root, real SQLite, the real keychain, the emulator):
 * consent, the fetch job, the room's view, Analytics, the waiting-candidate watch.
 * Runs inside a private D-Bus session with gnome-keyring (see BRIEF).
 */
describe('attendance from Google Meet, end to end in main (emulator, real keychain)', () => {
  let g: GoogleEmulator;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices & { stores: { database: import('../../../main/database/database').Database } };
  let now: number;
  const keychainService = `interview-desk-test-attendance-${process.pid}`;
  const sleeps: number[] = [];
  const wakes: number[] = [];
  const raised: Array<{ id: string; at: number }> = [];
  const banner: Array<{ interviewId: string; waiting: boolean; displayName?: string | undefined }> = [];
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const minute = 60_000;
  const base = Date.parse('2030-03-04T10:00:00.000Z');
  const at = (m: number) => new Date(base + m * minute).toISOString();
  const seed = (overrides: Partial<Interview> & { startUtc: string }) => {
    const interview = makeInterview({
      recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
      durationMinutes: 45,
      ...overrides,
    });
    createInterviewRepository(services.stores.database).put(interview);
    return interview;
  };
  const rita = (sessions: Array<{ start: string; end?: string }>) => ({
    kind: 'signedin' as const,
    user: 'users/1001',
    email: 'recruiter@example.com',
    displayName: 'Rita Recruiter',
    sessions,
  });
  const ada = (sessions: Array<{ start: string; end?: string }>) => ({
    kind: 'anonymous' as const,
    displayName: 'Ada Lovelace',
    sessions,
  });

  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());
  beforeEach(() => {
    temp = makeTempDir();
    now = base + 2 * 60 * minute;
    sleeps.length = 0;
    wakes.length = 0;
    raised.length = 0;
    banner.length = 0;
    g.meet.clear();
    g.faults.clear();
    g.requests.length = 0;
    services = googleServices(g, temp.dir, {
      keychainService,
      overrides: {
        clock: { now: () => now },
        // Nothing runs on its own: the test drives the job and the watch.
        tuning: {
          timers: { set: (_callback, ms) => wakes.push(ms), clear: () => {} },
          attendance: { pacing: { batch: 10, paceMs: 250 }, pollMs: 30_000, sleep: async (ms) => void sleeps.push(ms) },
        },
        waitingNotifier: (interview) => void raised.push({ id: interview.id, at: now }),
      },
    });
    services.events.listen((name, payload) => {
      if (name === 'attendance:waiting') banner.push(payload as (typeof banner)[number]);
    });
  });
  afterEach(async () => {
    await services.dispose();
    services.stores.database.close();
    await createKeytarSecretStore(keychainService).delete('recruiter@example.com');
    temp.cleanup();
  });

  /** Connects Google (base scopes), then attendance (the Meet scope, incrementally). */
  const connectBoth = async () => {
    await call('account:connect');
    await call('attendance:connect');
    await services.attendance.runJobs();
  };

  it('without the Meet scope asks Meet nothing, says attendance is not connected, and Analytics falls back to the join history', async () => {
    const interview = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/abc-mnop-xyz' });
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(-1),
      endTime: at(46),
      participants: [rita([{ start: at(-1), end: at(46) }])],
    });
    await call('account:connect');
    g.requests.length = 0;
    await services.attendance.runJobs();
    await services.attendance.watchTick();
    expect(g.count('/v2/conferenceRecords')).toBe(0);
    expect(await call<AttendanceView>('attendance:get', interview.id)).toEqual({
      connection: 'not_connected',
      fetch: { state: 'none' },
    });
    const report = await call<AnalyticsReport>('analytics:report', {
      from: '2030-03-01',
      to: '2030-03-10',
      timeZone: 'UTC',
    });
    expect(report.attendance).toMatchObject({
      connection: 'not_connected',
      fromMeet: 0,
      fromAppHistory: 1,
      candidateNoShow: 0,
      interviewerNoShow: 0,
    });
    const csv = await call<string>('analytics:exportCsv', { from: '2030-03-01', to: '2030-03-10', timeZone: 'UTC' });
    expect(csv).toContain('"Attendance source"');
    expect(csv).toContain(`"App's join history (no Meet attendance)"`);
  });

  it('asks for the Meet scope incrementally, keeps the refresh token only in the keychain, and reads attendance: attended, no-show, other device, both late', async () => {
    const attended = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/aaa-bbbb-ccc' });
    const noShow = seed({
      startUtc: at(-24 * 60),
      meetLink: 'https://meet.google.com/ddd-eeee-fff',
      candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
    });
    const otherDevice = seed({ startUtc: at(-48 * 60), meetLink: 'https://meet.google.com/ggg-hhhh-iii' });
    const bothLate = seed({
      startUtc: at(-72 * 60),
      meetLink: 'https://meet.google.com/jjj-kkkk-lll',
      candidate: { name: 'Alan Turing', email: 'alan@example.com' },
    });
    g.meet.addConference({
      meetingCode: 'aaa-bbbb-ccc',
      startTime: at(-2),
      endTime: at(47),
      participants: [
        rita([{ start: at(-2), end: at(47) }]),
        ada([
          { start: at(3), end: at(20) },
          { start: at(21), end: at(46) },
        ]),
      ],
    });
    g.meet.addConference({
      meetingCode: 'ddd-eeee-fff',
      startTime: at(-24 * 60 - 1),
      endTime: at(-24 * 60 + 20),
      participants: [rita([{ start: at(-24 * 60 - 1), end: at(-24 * 60 + 20) }])],
    });
    // Rita on her phone without signing in: an anonymous guest with her name, which proves nothing.
    g.meet.addConference({
      meetingCode: 'ggg-hhhh-iii',
      startTime: at(-48 * 60),
      endTime: at(-48 * 60 + 40),
      owner: 'recruiter@example.com',
      participants: [
        {
          kind: 'anonymous',
          displayName: 'Rita Recruiter',
          sessions: [{ start: at(-48 * 60 + 1), end: at(-48 * 60 + 40) }],
        },
        ada([{ start: at(-48 * 60), end: at(-48 * 60 + 40) }]),
      ],
    });
    g.meet.addConference({
      meetingCode: 'jjj-kkkk-lll',
      startTime: at(-72 * 60 + 7),
      endTime: at(-72 * 60 + 50),
      participants: [
        rita([{ start: at(-72 * 60 + 10), end: at(-72 * 60 + 50) }]),
        {
          kind: 'anonymous',
          displayName: 'Alan Turing',
          sessions: [{ start: at(-72 * 60 + 7), end: at(-72 * 60 + 50) }],
        },
      ],
    });

    await call('account:connect');
    expect(await call<AttendanceView>('attendance:get', attended.id)).toMatchObject({ connection: 'not_connected' });
    await call('attendance:connect');
    const consent = g.oauth.authorizations.at(-1)!.query;
    expect(consent.scope!.split(' ')).toContain(meetReadScope);
    expect(consent.include_granted_scopes).toBe('true');
    await services.attendance.runJobs();

    const view = (id: string) => call<AttendanceView>('attendance:get', id);
    const a = await view(attended.id);
    expect(a).toMatchObject({
      connection: 'connected',
      fetch: { state: 'fetched' },
      report: {
        outcome: 'completed',
        candidateLateMinutes: 3,
        interviewerLateMinutes: 0,
        together: { minutes: 43 },
        final: true,
        conferences: 1,
      },
    });
    expect(a.report!.people.find((p) => p.displayName === 'Ada Lovelace')).toMatchObject({
      side: 'candidate',
      sessions: [
        { start: at(3), end: at(20) },
        { start: at(21), end: at(46) },
      ],
    });
    expect(a.report!.people.find((p) => p.displayName === 'Rita Recruiter')).toMatchObject({
      side: 'interviewer',
      matchedBy: 'account',
    });
    expect((await view(noShow.id)).report).toMatchObject({ outcome: 'candidate_no_show' });
    expect((await view(otherDevice.id)).report).toMatchObject({ outcome: 'unconfirmed' });
    expect((await view(otherDevice.id)).report!.people.find((p) => p.displayName === 'Rita Recruiter')).toMatchObject({
      side: 'unconfirmed',
      matchedBy: 'name',
      kind: 'anonymous',
    });
    expect((await view(bothLate.id)).report).toMatchObject({
      outcome: 'completed',
      interviewerLateMinutes: 10,
      candidateLateMinutes: 7,
      together: { minutes: 40 },
    });
    // Paced: one pause between two interviews of a run.
    expect(sleeps).toEqual([250, 250, 250]);

    // One more ended interview that Meet was never read for (it has no link): counted from the app's history.
    seed({ startUtc: at(-3 * 24 * 60) });
    const query = { from: '2030-02-01', to: '2030-03-10', timeZone: 'UTC' };
    const report = await call<AnalyticsReport>('analytics:report', query);
    // The handler loads only the interviews Meet was read for; the figures are those of every interview of the period
    // (scorecard figures aside: they are the scorecards' own, tested in tests/unit/analytics).
    const { scorecards, ...fromInterviews } = report;
    expect(scorecards).toBeDefined();
    expect(fromInterviews).toEqual(
      computeAnalytics(services.interviews.listFull(), query, now, services.attendance.analytics),
    );
    expect(report.attendance).toMatchObject({
      connection: 'connected',
      fromMeet: 4,
      fromAppHistory: 1,
      completed: 2,
      unconfirmed: 1,
      candidateNoShow: 1,
      interviewerNoShow: 0,
      lateStarts: 1,
      medianStartDelayMinutes: 6.5,
      medianMinutes: 41.5,
    });
    const csv = await call<string>('analytics:exportCsv', { from: '2030-02-01', to: '2030-03-10', timeZone: 'UTC' });
    expect(csv).toContain('"Google Meet","Candidate did not join"');
    expect(csv).toContain('"Google Meet","Both attended","10","7","10","40"');

    // The refresh token is in the keychain only: not in the settings file, not in the database.
    const token = await createKeytarSecretStore(keychainService).get('recruiter@example.com');
    expect(token).toMatch(/^1\/\/emu-/);
    for (const file of fs.readdirSync(temp.dir)) {
      const full = path.join(temp.dir, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(token!), file).toBe(false);
    }
    // Fetched and final: the next run asks Meet nothing.
    g.requests.length = 0;
    await services.attendance.runJobs();
    expect(g.count('/v2/conferenceRecords')).toBe(0);
  });

  it('a reused link: only the conferences that overlap the interview count (two here, one from yesterday does not)', async () => {
    const interview = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/abc-mnop-xyz' });
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(-24 * 60),
      endTime: at(-23 * 60),
      participants: [ada([{ start: at(-24 * 60), end: at(-23 * 60) }])],
    });
    // The call dropped and was started again: two conferences for the one interview.
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(0),
      endTime: at(15),
      participants: [rita([{ start: at(0), end: at(15) }]), ada([{ start: at(1), end: at(15) }])],
    });
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(17),
      endTime: at(45),
      participants: [rita([{ start: at(17), end: at(45) }]), ada([{ start: at(18), end: at(45) }])],
    });
    await connectBoth();
    const view = await call<AttendanceView>('attendance:get', interview.id);
    expect(view.report).toMatchObject({ conferences: 2, outcome: 'completed', candidateLateMinutes: 1 });
    expect(view.report!.people.find((p) => p.side === 'candidate')!.sessions).toEqual([
      { start: at(1), end: at(15) },
      { start: at(18), end: at(45) },
    ]);
  });

  it('keeps Meet data only as needed: deleted when the interview moves, and past the retention setting (at start, and when it is saved); nothing older is read again', async () => {
    const count = (table: string, id: string) =>
      Number(
        (
          services.stores.database.prepare(`SELECT count(*) AS n FROM ${table} WHERE interview_id = ?`).get(id) as {
            n: number;
          }
        ).n,
      );
    const moved = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/abc-mnop-xyz' });
    const older = seed({ startUtc: at(-5 * 24 * 60), meetLink: 'https://meet.google.com/old-erxx-xyz' });
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(0),
      endTime: at(45),
      participants: [rita([{ start: at(0), end: at(45) }]), ada([{ start: at(1), end: at(45) }])],
    });
    g.meet.addConference({
      meetingCode: 'old-erxx-xyz',
      startTime: at(-5 * 24 * 60),
      endTime: at(-5 * 24 * 60 + 45),
      participants: [rita([{ start: at(-5 * 24 * 60), end: at(-5 * 24 * 60 + 45) }])],
    });
    await connectBoth();
    expect([count('attendance_participants', moved.id), count('attendance_participants', older.id)]).toEqual([2, 1]);
    expect((await call<{ attendanceRetentionDays: number }>('settings:get')).attendanceRetentionDays).toBe(180);

    // Moved by an hour: what was read is about another meeting, and it is gone from the database.
    createInterviewRepository(services.stores.database).put({ ...moved, startUtc: at(60) });
    expect([
      count('attendance_conferences', moved.id),
      count('attendance_participants', moved.id),
      count('attendance_sessions', moved.id),
      count('attendance_fetch', moved.id),
    ]).toEqual([0, 0, 0, 0]);
    expect((await call<AttendanceView>('attendance:get', moved.id)).report).toBeUndefined();

    // Keep for 3 days: saved, the older interview's attendance (ended 5 days ago) is deleted at once, and Meet is not asked for it again.
    await call('settings:update', { attendanceRetentionDays: 3 });
    expect([
      count('attendance_conferences', older.id),
      count('attendance_participants', older.id),
      count('attendance_fetch', older.id),
    ]).toEqual([0, 0, 0]);
    g.requests.length = 0;
    now += 2 * 60 * minute;
    await services.attendance.runJobs();
    const asked = g.requests.filter((r) => r.path === '/v2/conferenceRecords').map((r) => r.query.filter ?? '');
    expect(asked.some((filter) => filter.includes('old-erxx-xyz'))).toBe(false);
    expect(count('attendance_fetch', older.id)).toBe(0);
    const refused = await dispatchCall(
      services.handlers,
      'settings:update',
      { attendanceRetentionDays: 0 },
      createMemoryLogger(),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        field: 'attendanceRetentionDays',
        message: 'Keep after-interview data must be a whole number of days from 1 to 3650',
      },
    });
  });

  it('follows every page of participants', async () => {
    const interview = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/abc-mnop-xyz' });
    const crowd = Array.from({ length: 260 }, (_, i) => ({
      kind: 'anonymous' as const,
      displayName: `Viewer ${i}`,
      sessions: [{ start: at(1), end: at(2) }],
    }));
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(0),
      endTime: at(45),
      participants: [rita([{ start: at(0), end: at(45) }]), ...crowd],
    });
    await connectBoth();
    expect(g.requests.filter((r) => r.path.endsWith('/participants')).length).toBe(2);
    const view = await call<AttendanceView>('attendance:get', interview.id);
    expect(view.report!.people).toHaveLength(261);
    // 260 unidentified people joined: no candidate no-show is declared.
    expect(view.report!.outcome).toBe('unconfirmed');
  });

  it('403 (not the owner nor a participant) is recorded in words; 503 is retried later; a revoked token gives the reconnect banner; nothing stored is lost', async () => {
    const first = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/abc-mnop-xyz' });
    g.meet.addConference({
      meetingCode: 'abc-mnop-xyz',
      startTime: at(0),
      endTime: at(45),
      participants: [rita([{ start: at(0), end: at(45) }]), ada([{ start: at(2), end: at(45) }])],
    });
    await connectBoth();
    expect((await call<AttendanceView>('attendance:get', first.id)).report?.outcome).toBe('completed');

    const forbidden = seed({ startUtc: at(-60 * 24), meetLink: 'https://meet.google.com/for-bidd-enx' });
    g.faults.add({
      path: '/v2/conferenceRecords',
      status: 403,
      reason: 'PERMISSION_DENIED',
      message: 'The caller does not have permission',
    });
    await services.attendance.runJobs();
    expect((await call<AttendanceView>('attendance:get', forbidden.id)).fetch).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/did not let recruiter@example\.com read this meeting/),
    });

    const flaky = seed({ startUtc: at(-60 * 48), meetLink: 'https://meet.google.com/fla-kyxx-yyy' });
    g.faults.add({ path: '/v2/conferenceRecords', status: 503, times: 6 });
    await services.attendance.runJobs();
    expect((await call<AttendanceView>('attendance:get', flaky.id)).fetch).toMatchObject({
      state: 'retry',
      message: 'Google Meet could not be reached.',
    });
    now += 7 * 60 * minute;
    await services.attendance.runJobs();
    expect((await call<AttendanceView>('attendance:get', flaky.id)).fetch.state).toBe('fetched');

    // A revoked refresh token: the account asks to reconnect; what was read is kept.
    const later = seed({ startUtc: at(6 * 60), meetLink: 'https://meet.google.com/rev-oked-zzz' });
    now += 60 * minute;
    g.oauth.revokeAll();
    await services.attendance.refresh(later.id);
    expect(services.account.status().state).toBe('needs_reconnect');
    const kept = await call<AttendanceView>('attendance:get', first.id);
    expect(kept).toMatchObject({ connection: 'needs_reconnect', report: { outcome: 'completed' } });
    expect((await call<AttendanceView>('attendance:get', later.id)).fetch.state).toBe('blocked');
  });

  it('scope refused at Google (403 insufficient scope): blocked until attendance is connected again', async () => {
    const interview = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/abc-mnop-xyz' });
    await connectBoth();
    g.faults.add({
      path: '/v2/conferenceRecords',
      status: 403,
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      message: 'Request had insufficient authentication scopes.',
    });
    now += 20 * minute;
    await services.attendance.refresh(interview.id);
    expect((await call<AttendanceView>('attendance:get', interview.id)).fetch).toMatchObject({
      state: 'blocked',
      message: expect.stringMatching(/not connected/),
    });
  });

  it('an interview scheduled while the app runs: the job plans to wake when it ends', async () => {
    await connectBoth();
    wakes.length = 0;
    const scheduled = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Engineer',
      date: '2030-03-05',
      time: '09:00',
      timeZone: 'UTC',
      durationMinutes: 30,
      meetLink: 'https://meet.google.com/new-inte-rvw',
      acceptConflicts: true,
    });
    const endsAt = Date.parse(scheduled.startUtc) + 30 * minute;
    // Capped at an hour (the wall clock is re-read at every wake), and planned for its end once that is near.
    expect(wakes).toContain(3_600_000);
    now = endsAt - 10 * minute;
    await services.attendance.runJobs();
    expect(wakes.at(-1)).toBe(10 * minute);
    // Its Calendar event is created meanwhile; let that finish before the database closes.
    await services.calendar.drain();
  });

  it('start-up catch-up is bounded: ten interviews a run, the rest in the next', async () => {
    for (let i = 0; i < 13; i++)
      seed({
        startUtc: at(-i * 60 * 24),
        meetLink: `https://meet.google.com/abc-mnop-x${String.fromCharCode(97 + i)}z`,
      });
    await connectBoth();
    expect(g.requests.filter((r) => r.path === '/v2/conferenceRecords').length).toBe(10);
    // More are due: the next run is planned after the rest (a minute), not at the next interview's end.
    expect(wakes.at(-1)).toBe(60_000);
    await services.attendance.runJobs();
    expect(g.requests.filter((r) => r.path === '/v2/conferenceRecords').length).toBe(13);
  });

  it('"your candidate is waiting": fires once, only in the join window, and stops when the interviewer joins', async () => {
    const interview = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/wai-ting-now' });
    now = base - 60 * minute;
    await connectBoth();
    const conference = g.meet.addConference({
      meetingCode: 'wai-ting-now',
      startTime: at(-20),
      participants: [ada([{ start: at(-20) }])],
    });
    // Before the join window (15 minutes before the start): Meet is not asked.
    now = base - 20 * minute;
    g.requests.length = 0;
    await services.attendance.watchTick();
    expect(g.count('/v2/conferenceRecords')).toBe(0);
    expect(raised).toEqual([]);

    // In the window: the candidate has been there since 20 minutes before; the interviewer has not come.
    now = base - 10 * minute;
    await services.attendance.watchTick();
    expect(
      g.requests.some((r) => r.path === '/v2/conferenceRecords' && r.query.filter?.includes('end_time IS NULL')),
    ).toBe(true);
    expect(raised).toEqual([{ id: interview.id, at: now }]);
    expect(banner).toEqual([
      expect.objectContaining({ interviewId: interview.id, waiting: true, displayName: 'Ada Lovelace' }),
    ]);
    // A window that opens now (or reloads) is told too.
    expect(await call('attendance:waitingNow')).toEqual([banner[0]]);
    now += 30_000;
    await services.attendance.watchTick();
    expect(raised).toHaveLength(1);

    // Rita joins: the banner goes, and Meet is not asked again for this interview.
    const p = g.meet.addParticipant(conference, rita([{ start: new Date(now).toISOString() }]));
    expect(p).toMatch(/participants/);
    now += 30_000;
    await services.attendance.watchTick();
    expect(banner.at(-1)).toMatchObject({ interviewId: interview.id, waiting: false });
    expect(await call('attendance:waitingNow')).toEqual([]);
    g.requests.length = 0;
    now += 30_000;
    await services.attendance.watchTick();
    expect(g.count('/v2/conferenceRecords')).toBe(0);
    expect(raised).toHaveLength(1);
  });

  it('the window closes with the candidate still alone: the banner goes and polling stops', async () => {
    const interview = seed({ startUtc: at(0), meetLink: 'https://meet.google.com/alo-neee-xyz' });
    now = base - 60 * minute;
    await connectBoth();
    g.meet.addConference({ meetingCode: 'alo-neee-xyz', startTime: at(1), participants: [ada([{ start: at(1) }])] });
    now = base + 5 * minute;
    await services.attendance.watchTick();
    expect(raised).toHaveLength(1);
    now = base + 61 * minute;
    g.requests.length = 0;
    await services.attendance.watchTick();
    expect(g.count('/v2/conferenceRecords')).toBe(0);
    expect(banner.at(-1)).toMatchObject({ interviewId: interview.id, waiting: false });
    expect(await call('attendance:waitingNow')).toEqual([]);
    expect(raised).toHaveLength(1);
  });
});
