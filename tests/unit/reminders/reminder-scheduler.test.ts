import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createReminderScheduler,
  maxSleepMs,
  type ReminderScheduler,
} from '../../../main/reminders/reminder-scheduler';
import { createInterviewCommands, type InterviewCommands } from '../../../main/interviews/interview-commands';
import { createInterviewQueries, type InterviewQueries } from '../../../main/interviews/interview-queries';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createEventHub } from '../../../main/shared/event-hub';
import { createMemoryLogger } from '../../../main/logging/logger';
import { storesFor } from '../../support/test-services';
import type { InterviewRepository } from '../../../main/database/interview-repository';
import { makeTempDir } from '../../support/temp-dir';
import { simulatedTime } from '../../support/simulated-time';
import { makeInterview, seedStore } from '../../support/interview-fixtures';
import type { PlannedReminder } from '../../../main/reminders/reminder-plan';
import { reminderWhen } from '../../../preload/shared/rules/time-left';
import { timeStyleOf } from '../../../preload/shared/rules/time-format';

const hour = 3600_000;

describe('reminder scheduler', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let time: ReturnType<typeof simulatedTime>;
  let fired: Array<{ id: string; offset: number; at: string }>;
  let emails: string[];
  let schedulers: ReminderScheduler[];
  let settings: { reminderOffsetsMinutes: number[]; candidateReminderEmail: boolean };

  const service = (): {
    interviews: InterviewQueries;
    commands: InterviewCommands;
    repository: InterviewRepository;
  } => {
    const repository = createInterviewRepository(storesFor(temp.dir, time.clock).database);
    const commands = createInterviewCommands({
      repository,
      clock: time.clock,
      events: createEventHub(),
      log: createMemoryLogger(),
      recruiter: () => ({ name: 'Rita', email: 'rita@example.com' }),
    });
    return { repository, interviews: createInterviewQueries({ repository, clock: time.clock }), commands };
  };
  /** Starts the app: a fresh service over the same database, and a scheduler reading it by start time. */
  const boot = () => {
    const { interviews, commands, repository } = service();
    const scheduler = createReminderScheduler({
      afterCommit: (effect) => repository.afterCommit(effect),
      interviews,
      commands,
      clock: time.clock,
      log: createMemoryLogger(),
      settings: () => settings,
      notify: (r: PlannedReminder) =>
        fired.push({ id: r.interviewId, offset: r.offsetMinutes, at: new Date(time.clock.now()).toISOString() }),
      email: (i) => emails.push(i.id),
      timers: time.timers,
    });
    schedulers.push(scheduler);
    // Tests write and read back through one object.
    return { interviews: { ...interviews, ...commands }, scheduler };
  };
  const shutdown = () => schedulers.splice(0).forEach((s) => s.dispose());

  beforeEach(() => {
    temp = makeTempDir();
    time = simulatedTime('2030-03-01T08:00:00.000Z');
    fired = [];
    emails = [];
    schedulers = [];
    settings = { reminderOffsetsMinutes: [1440, 60, 0], candidateReminderEmail: false };
  });
  afterEach(() => {
    shutdown();
    temp.cleanup();
  });

  const seed = (start: string, extra = {}) => {
    const interview = makeInterview({ startUtc: start, meetLink: 'https://meet.google.com/abc-defg-hij', ...extra });
    seedStore(temp.dir, { interviews: [interview] });
    return interview;
  };

  it('fires 24 h, 1 h and "starting now" at their moments, once each', () => {
    const i = seed('2030-03-03T10:00:00.000Z');
    boot();
    time.run(Date.parse('2030-03-04T00:00:00.000Z'));
    expect(fired).toEqual([
      { id: i.id, offset: 1440, at: '2030-03-02T10:00:00.000Z' },
      { id: i.id, offset: 60, at: '2030-03-03T09:00:00.000Z' },
      { id: i.id, offset: 0, at: '2030-03-03T10:00:00.000Z' },
    ]);
  });

  it('never fires twice across a restart', () => {
    seed('2030-03-03T10:00:00.000Z');
    boot();
    time.run(Date.parse('2030-03-02T12:00:00.000Z'));
    expect(fired.map((f) => f.offset)).toEqual([1440]);
    shutdown();
    boot();
    time.run(Date.parse('2030-03-02T13:00:00.000Z'));
    expect(fired.map((f) => f.offset)).toEqual([1440]);
    time.run(Date.parse('2030-03-03T09:30:00.000Z'));
    expect(fired.map((f) => f.offset)).toEqual([1440, 60]);
  });

  it('after the app was off past two moments, fires the closest one once on start and drops the stale one', () => {
    seed('2030-03-03T10:00:00.000Z');
    time.set('2030-03-03T09:20:00.000Z');
    boot();
    expect(fired.map((f) => [f.offset, f.at])).toEqual([[60, '2030-03-03T09:20:00.000Z']]);
    shutdown();
    boot();
    time.run(Date.parse('2030-03-03T09:50:00.000Z'));
    expect(fired.map((f) => f.offset)).toEqual([60]);
  });

  it('drops reminders whose interview already started while the app was off ("starting now" keeps 5 minutes)', () => {
    seed('2030-03-03T10:00:00.000Z');
    time.set('2030-03-03T10:03:00.000Z');
    boot();
    expect(fired.map((f) => f.offset)).toEqual([0]);
    shutdown();
    fired = [];
    temp.cleanup();
    temp = makeTempDir();
    seed('2030-03-03T10:00:00.000Z');
    time.set('2030-03-03T10:30:00.000Z');
    boot();
    expect(fired).toEqual([]);
  });

  it('after sleep (no timers ran), the resume check fires what became due', () => {
    seed('2030-03-03T10:00:00.000Z');
    const { scheduler } = boot();
    time.run(Date.parse('2030-03-02T09:00:00.000Z'));
    time.sleep(2 * hour + 30 * 60_000); // lid closed over the 24 h moment
    scheduler.check(); // powerMonitor 'resume'
    expect(fired.map((f) => [f.offset, f.at])).toEqual([[1440, '2030-03-02T11:30:00.000Z']]);
  });

  it('a clock jumping backwards does not repeat a reminder; jumping forward fires from the wall clock', () => {
    seed('2030-03-03T10:00:00.000Z');
    const { scheduler } = boot();
    time.run(Date.parse('2030-03-02T10:30:00.000Z'));
    time.set('2030-03-02T08:00:00.000Z');
    scheduler.check();
    time.run(Date.parse('2030-03-02T11:00:00.000Z'));
    expect(fired.map((f) => f.offset)).toEqual([1440]);
    time.set('2030-03-03T09:10:00.000Z');
    scheduler.check();
    expect(fired.map((f) => f.offset)).toEqual([1440, 60]);
  });

  it('counts real hours across a DST change (Europe/Berlin, 31 March 2030)', () => {
    // 09:00 CEST on 31 March = 07:00Z; 24 hours earlier is 07:00Z on 30 March (08:00 CET local).
    seed('2030-03-31T07:00:00.000Z', { timeZone: 'Europe/Berlin' });
    time.set('2030-03-29T00:00:00.000Z');
    boot();
    time.run(Date.parse('2030-03-31T08:00:00.000Z'));
    expect(fired.map((f) => [f.offset, f.at])).toEqual([
      [1440, '2030-03-30T07:00:00.000Z'],
      [60, '2030-03-31T06:00:00.000Z'],
      [0, '2030-03-31T07:00:00.000Z'],
    ]);
  });

  it('rescheduling re-arms the reminders; cancelling removes them', () => {
    const i = seed('2030-03-03T10:00:00.000Z');
    const { interviews } = boot();
    time.run(Date.parse('2030-03-02T10:30:00.000Z'));
    expect(fired.map((f) => f.offset)).toEqual([1440]);
    interviews.reschedule({ id: i.id, date: '2030-03-05', time: '10:00', timeZone: 'UTC', durationMinutes: 60 });
    time.run(Date.parse('2030-03-04T10:30:00.000Z'));
    expect(fired.map((f) => [f.offset, f.at])).toEqual([
      [1440, '2030-03-02T10:00:00.000Z'],
      [1440, '2030-03-04T10:00:00.000Z'],
    ]);
    interviews.cancel(i.id);
    time.run(Date.parse('2030-03-06T00:00:00.000Z'));
    expect(fired).toHaveLength(2);
  });

  it('never sleeps longer than an hour, even with the next reminder a month away', () => {
    seed('2030-04-15T10:00:00.000Z');
    const { scheduler } = boot();
    expect(scheduler.nextWakeAt()! - time.clock.now()).toBe(maxSleepMs);
    const wakes = time.run(Date.parse('2030-03-02T08:00:00.000Z'));
    expect(wakes).toBe(24);
  });

  it('uses the offsets from Settings, and sends the optional candidate email 24 h before', () => {
    settings = { reminderOffsetsMinutes: [30], candidateReminderEmail: true };
    const i = seed('2030-03-03T10:00:00.000Z');
    boot();
    time.run(Date.parse('2030-03-03T11:00:00.000Z'));
    expect(fired.map((f) => [f.offset, f.at])).toEqual([[30, '2030-03-03T09:30:00.000Z']]);
    expect(emails).toEqual([i.id]);
  });
});

describe('reminders armed when an interview is created or moved', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let time: ReturnType<typeof simulatedTime>;
  let fired: Array<{ offset: number; at: string; text: string }>;
  let emails: string[];
  let scheduler: ReminderScheduler | undefined;
  let settings: { reminderOffsetsMinutes: number[]; candidateReminderEmail: boolean };

  const boot = () => {
    const repository = createInterviewRepository(storesFor(temp.dir, time.clock).database);
    const interviews = createInterviewQueries({ repository, clock: time.clock });
    const commands = createInterviewCommands({
      repository,
      clock: time.clock,
      events: createEventHub(),
      log: createMemoryLogger(),
      recruiter: () => ({ name: 'Rita', email: 'rita@example.com' }),
    });
    scheduler = createReminderScheduler({
      afterCommit: (effect) => repository.afterCommit(effect),
      interviews,
      commands,
      clock: time.clock,
      log: createMemoryLogger(),
      settings: () => settings,
      notify: (r, i, now) =>
        fired.push({
          offset: r.offsetMinutes,
          at: new Date(now).toISOString(),
          text: reminderWhen(Date.parse(i.startUtc), now, 'UTC', timeStyleOf('en-GB')),
        }),
      email: (i) => emails.push(`${i.id}@${new Date(time.clock.now()).toISOString()}`),
      timers: time.timers,
    });
    return { ...interviews, ...commands };
  };
  const input = (date: string, clock: string) => ({
    candidateName: 'Ada',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Engineer',
    date,
    time: clock,
    timeZone: 'UTC',
    durationMinutes: 60,
    notes: '',
    candidateMessage: '',
  });

  beforeEach(() => {
    temp = makeTempDir();
    time = simulatedTime('2030-03-01T08:00:00.000Z');
    fired = [];
    emails = [];
    settings = { reminderOffsetsMinutes: [1440, 60, 0], candidateReminderEmail: true };
  });
  afterEach(() => {
    scheduler?.dispose();
    temp.cleanup();
  });

  it('scheduled 4 hours ahead: no "24 h" reminder at all (skipped and recorded), then the real ones with the real time left', () => {
    const interviews = boot();
    const i = interviews.schedule(input('2030-03-01', '12:00'));
    expect(fired).toEqual([]);
    expect(interviews.get(i.id).reminders.sent.map((s) => s.key)).toEqual(
      expect.arrayContaining(['notification:1440@2030-03-01T12:00:00.000Z']),
    );
    time.run(Date.parse('2030-03-01T13:00:00.000Z'));
    expect(fired).toEqual([
      { offset: 60, at: '2030-03-01T11:00:00.000Z', text: 'starts in 1 h (at 12:00 UTC)' },
      { offset: 0, at: '2030-03-01T12:00:00.000Z', text: 'is starting now (12:00 UTC)' },
    ]);
    expect(emails).toEqual([]);
  });

  it('rescheduled to 90 minutes ahead: the passed moments are skipped, not fired as missed', () => {
    const interviews = boot();
    const i = interviews.schedule(input('2030-03-05', '10:00'));
    time.run(Date.parse('2030-03-02T08:00:00.000Z'));
    expect(fired).toEqual([]);
    interviews.reschedule({ id: i.id, date: '2030-03-02', time: '09:30', timeZone: 'UTC', durationMinutes: 60 });
    expect(fired).toEqual([]);
    time.run(Date.parse('2030-03-02T10:00:00.000Z'));
    expect(fired.map((f) => [f.offset, f.at])).toEqual([
      [60, '2030-03-02T08:30:00.000Z'],
      [0, '2030-03-02T09:30:00.000Z'],
    ]);
    // Recording the fired reminders keeps when they were armed (the move), in the database too.
    expect(interviews.get(i.id).reminders.armedAt).toBe('2030-03-02T08:00:00.000Z');
    expect(boot().get(i.id).reminders.armedAt).toBe('2030-03-02T08:00:00.000Z');
  });

  it('the candidate email never goes out within 12 hours of the invitation, and does when the invitation is older', () => {
    const interviews = boot();
    const soon = interviews.schedule(input('2030-03-02', '18:00')); // 34 h ahead: its 24 h moment is 10 h after the invitation
    const later = interviews.schedule(input('2030-03-03', '10:00')); // 50 h ahead: 26 h after the invitation
    time.run(Date.parse('2030-03-03T12:00:00.000Z'));
    expect(emails).toEqual([`${later.id}@2030-03-02T10:00:00.000Z`]);
    expect(interviews.get(soon.id).reminders.sent.map((s) => s.key)).toContain('email:1440@2030-03-02T18:00:00.000Z');
  });

  it('an invitation that went out late (queued behind a missing Meet link) pushes the candidate email out too', () => {
    const interviews = boot();
    const i = interviews.schedule(input('2030-03-04', '10:00'));
    interviews.updateQuietly(i.id, (x) => ({
      ...x,
      invitations: { ...x.invitations, candidate: { state: 'sent', at: '2030-03-03T04:00:00.000Z' } },
    }));
    time.run(Date.parse('2030-03-04T12:00:00.000Z'));
    expect(emails).toEqual([]);
    expect(fired.map((f) => f.offset)).toEqual([1440, 60, 0]);
  });

  it('after the app was off, a reminder armed before its moment is still caught up with the true time left', () => {
    const interviews = boot();
    interviews.schedule(input('2030-03-03', '10:00'));
    scheduler!.dispose();
    time.set('2030-03-03T08:47:00.000Z');
    boot();
    expect(fired).toEqual([
      { offset: 1440, at: '2030-03-03T08:47:00.000Z', text: 'starts in 1 h 13 min (at 10:00 UTC)' },
    ]);
  });
});
