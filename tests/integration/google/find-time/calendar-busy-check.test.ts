import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../../support/google-for-file';
import { eventually, googleServices } from '../../../support/google-harness';
import { memorySecretStore } from '../../../support/test-services';
import { makeTempDir } from '../../../support/temp-dir';
import { dispatchCall } from '../../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../../main/logging/logger';
import type { DeskServices } from '../../../../main/app/compose-services';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../../../preload/shared/contract/result';
import { utcDateAhead } from '../../../support/schedule-form';

const at = (hhmm: string, daysAhead = 3) => `${utcDateAhead(daysAhead)}T${hhmm}:00Z`;
const form = (extra: Record<string, unknown> = {}) => ({
  candidateName: 'Ada Lovelace',
  candidateEmail: 'ada@example.com',
  jobTitle: 'Staff Engineer',
  date: utcDateAhead(3),
  time: '14:30',
  timeZone: 'UTC',
  durationMinutes: 30,
  ...extra,
});

/**
 * Schedule, Reschedule and Edit panel ask before booking over a busy Google block, naming whose and
 * when, and say so when Google cannot tell; "anyway" books it (Google emulator, real database).
 */
describe('conflict check with Google free/busy (emulator)', () => {
  const { g } = googleForFile();
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  const refusal = async (name: string, input: unknown): Promise<DeskError> => {
    const result = await call(name, input);
    if (result.ok) throw new Error(`${name} was not refused`);
    return result.error;
  };
  const done = async (name: string, input: unknown): Promise<Interview> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as Interview;
  };
  /** Someone else's meeting in the recruiter's own calendar. */
  const meeting = (summary: string, start: string, end: string) =>
    g.calendar.insertForeign({ summary, start: { dateTime: start }, end: { dateTime: end } });
  const allowFreeBusy = async () => {
    expect((await call('account:connect')).ok).toBe(true);
    expect((await call('findTime:connect')).ok).toBe(true);
  };

  beforeEach(() => {
    temp = makeTempDir();
    g.freeBusy.clear();
    g.faults.clear();
    g.calendar.conferenceMode = 'success';
    services = googleServices(g, temp.dir, { keychainService: 'unused', secrets: memorySecretStore() });
  });
  afterEach(async () => {
    // The emulator outlives each test: its events (foreign, and the interviews' own) go with it.
    g.calendar.all().forEach((event) => g.calendar.deleteAsUser(String(event.id)));
    await call('account:disconnect').catch(() => undefined);
    await services.dispose();
    temp.cleanup();
  });

  // First: the emulator keeps a user's granted scopes across disconnects, and later tests allow free/busy.
  it('before free/busy is allowed the question says so; without Google nothing more is asked than before', async () => {
    expect(
      (await call('settings:update', { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' })).ok,
    ).toBe(true);
    expect((await done('interviews:schedule', form())).candidate.name).toBe('Ada Lovelace');
    expect((await call('account:connect')).ok).toBe(true);
    expect((await refusal('interviews:schedule', form({ time: '16:00' }))).message).toMatch(
      /^Google could not tell whether you are free then: Interview Desk is not allowed to see free\/busy yet/,
    );
    expect(g.count('/freeBusy', 'POST')).toBe(0);
  });

  it('Schedule names the recruiter’s busy block and a busy co-interviewer with their times; Schedule anyway books it', async () => {
    await allowFreeBusy();
    meeting('Budget review', at('14:00'), at('15:00'));
    g.freeBusy.setBusy('bob@example.com', [{ start: at('14:45'), end: at('15:30') }]);
    g.freeBusy.setBusy('pat@example.com', [{ start: at('09:00'), end: at('10:00') }]);
    const panel = [{ email: 'bob@example.com', name: 'Bob Panel' }, { email: 'pat@example.com' }];
    const error = await refusal('interviews:schedule', form({ coInterviewers: panel }));
    expect(error).toMatchObject({ code: 'conflict', field: 'time' });
    expect(error.message).toBe(
      'You are busy 14:00–15:00 in Google Calendar. Bob Panel is busy 14:45–15:30. Schedule anyway?',
    );
    expect(services.interviews.listFull()).toHaveLength(0);

    const made = await done('interviews:schedule', form({ coInterviewers: panel, acceptConflicts: true }));
    expect(services.interviews.get(made.id).startUtc).toBe(new Date(at('14:30')).toISOString());
  });

  it('reuses the answer the form just had (no second request), and does not repeat an interview of the app as "busy"', async () => {
    await allowFreeBusy();
    const first = await done('interviews:schedule', form({ time: '10:00', durationMinutes: 60 }));
    await eventually(() => expect(services.interviews.get(first.id).google?.state).toBe('synced'));
    meeting('Standup', at('11:00'), at('11:30'));
    // What the schedule form asks while it is filled in: 14 days from the chosen day.
    expect(
      (await call('findTime:busy', { timeMin: at('00:00'), timeMax: at('00:00', 17), coInterviewers: [] })).ok,
    ).toBe(true);
    const asked = g.count('/freeBusy', 'POST');
    const error = await refusal(
      'interviews:schedule',
      form({ candidateName: 'Grace Hopper', time: '10:30', durationMinutes: 60 }),
    );
    // Google has one block 10:00–11:30: Ada's interview, then the standup.
    expect(error.message).toBe(
      'This overlaps another interview: Ada Lovelace (Staff Engineer). You are busy 11:00–11:30 in Google Calendar. Schedule anyway?',
    );
    expect(g.count('/freeBusy', 'POST')).toBe(asked);
  });

  it('says Google could not tell (calendar not shared, free/busy refused, no answer in time) and still schedules anyway', async () => {
    await allowFreeBusy();
    g.freeBusy.setError('lee@example.com', 'forbidden');
    g.freeBusy.setBusy('pat@example.com', []);
    const panel = [
      { email: 'lee@example.com', name: 'Lee Outside' },
      { email: 'pat@example.com', name: 'Pat Panel' },
    ];
    expect((await refusal('interviews:schedule', form({ coInterviewers: panel }))).message).toBe(
      'Google could not tell whether Lee Outside is free then: their calendar is not shared with you. Schedule anyway?',
    );

    // Other days: the answer Google gave for day 3 would be reused there.
    g.faults.add({
      path: '/freeBusy',
      status: 403,
      reason: 'insufficientPermissions',
      message: 'Request had insufficient authentication scopes.',
    });
    expect((await refusal('interviews:schedule', form({ date: utcDateAhead(4) }))).message).toBe(
      'Google could not tell whether you are free then: Interview Desk is not allowed to see free/busy yet (“Allow free/busy” under Find a time). Schedule anyway?',
    );

    g.faults.add({ path: '/freeBusy', hang: true, delayMs: 10_000 });
    const started = Date.now();
    expect(
      (await refusal('interviews:schedule', form({ date: utcDateAhead(5), coInterviewers: [panel[1]] }))).message,
    ).toBe(
      'Google could not tell whether you and Pat Panel are free then: it did not answer in time. Schedule anyway?',
    );
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(
      (
        await done(
          'interviews:schedule',
          form({ date: utcDateAhead(5), coInterviewers: [panel[1]], acceptConflicts: true }),
        )
      ).coInterviewers,
    ).toEqual([panel[1]]);
  });

  it('Reschedule leaves the interview’s own event out, names a busy block at the new time, and moves anyway', async () => {
    await allowFreeBusy();
    g.freeBusy.setBusy('bob@example.com', []);
    const made = await done(
      'interviews:schedule',
      form({ time: '10:00', durationMinutes: 60, coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }] }),
    );
    await eventually(() => expect(services.interviews.get(made.id).google?.state).toBe('synced'));
    // Bob holds the interview's own time as a guest; moving half an hour later is free for everyone.
    g.freeBusy.setBusy('bob@example.com', [
      { start: at('10:00'), end: at('11:00') },
      { start: at('16:30'), end: at('17:00') },
    ]);
    const moved = await done('interviews:reschedule', {
      id: made.id,
      date: utcDateAhead(3),
      time: '10:30',
      timeZone: 'UTC',
      durationMinutes: 60,
    });
    expect(moved.startUtc).toBe(new Date(at('10:30')).toISOString());

    meeting('1:1', at('16:00'), at('17:00'));
    const error = await refusal('interviews:reschedule', {
      id: made.id,
      date: utcDateAhead(3),
      time: '16:00',
      timeZone: 'UTC',
      durationMinutes: 60,
    });
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'You are busy 16:00–17:00 in Google Calendar. Bob Panel is busy 16:30–17:00. Move anyway?',
    });
    const anyway = await done('interviews:reschedule', {
      id: made.id,
      date: utcDateAhead(3),
      time: '16:00',
      timeZone: 'UTC',
      durationMinutes: 60,
      acceptConflicts: true,
    });
    expect(anyway.startUtc).toBe(new Date(at('16:00')).toISOString());
  });

  it('Edit panel asks about whoever joins (busy, or Google cannot tell), not those already on it, and saves anyway', async () => {
    await allowFreeBusy();
    g.freeBusy.setBusy('bob@example.com', [{ start: at('14:00'), end: at('15:00') }]);
    const made = await done(
      'interviews:schedule',
      form({ coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }], acceptConflicts: true }),
    );
    g.freeBusy.setBusy('kim@example.com', [{ start: at('14:15'), end: at('14:45') }]);
    const panel = [
      { email: 'bob@example.com', name: 'Bob Panel' },
      { email: 'kim@example.com', name: 'Kim New' },
      { email: 'sam@other.org' },
    ];
    const error = await refusal('interviews:setPanel', { id: made.id, coInterviewers: panel });
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toBe(
      'Kim New is busy 14:15–14:45. Google could not tell whether sam@other.org is free then: their calendar is not shared with you. Save the panel anyway?',
    );
    expect(services.interviews.get(made.id).coInterviewers).toHaveLength(1);
    const saved = await done('interviews:setPanel', { id: made.id, coInterviewers: panel, acceptConflicts: true });
    expect(saved.coInterviewers.map((p) => p.email)).toEqual(['bob@example.com', 'kim@example.com', 'sam@other.org']);
    // Taking someone off asks nothing.
    expect(
      (await done('interviews:setPanel', { id: made.id, coInterviewers: panel.slice(0, 1) })).coInterviewers,
    ).toHaveLength(1);
  });
});
