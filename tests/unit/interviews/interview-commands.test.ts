import { timeStyleOf } from '../../../preload/shared/rules/time-format';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInterviewCommands, type InterviewChange } from '../../../main/interviews/interview-commands';
import { createInterviewQueries } from '../../../main/interviews/interview-queries';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createEventHub } from '../../../main/shared/event-hub';
import { createMemoryLogger } from '../../../main/logging/logger';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { storesFor } from '../../support/test-services';
import { DeskFailure } from '../../../main/shared/desk-failure';
import { makeTempDir } from '../../support/temp-dir';
import { fixedClock } from '../../support/fixed-clock';
import { trayMenuFor } from '../../../main/tray/tray-menu';

const form = {
  candidateName: 'Ada Lovelace',
  candidateEmail: 'ada@example.com',
  jobTitle: 'Engineer',
  date: '2030-01-15',
  time: '10:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 60,
  notes: '',
  candidateMessage: '',
};

describe('interview commands (read back through the queries)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const clock = fixedClock('2030-01-10T08:00:00.000Z');
  const open = () => {
    const { database } = storesFor(temp.dir, clock);
    const events = createEventHub();
    const pushed: unknown[] = [];
    events.listen((name, payload) => pushed.push({ name, payload }));
    const repository = createInterviewRepository(database);
    const commands = createInterviewCommands({
      repository,
      clock,
      events,
      log: createMemoryLogger(),
      recruiter: () => ({ name: 'Rita Recruiter', email: 'rita@example.com' }),
    });
    // Both sides over one repository: each test writes with one and reads back with the other.
    const service = { ...createInterviewQueries({ repository, clock }), ...commands };
    const changes: InterviewChange[] = [];
    service.onChange((c) => changes.push(c));
    return { service, changes, pushed };
  };
  beforeEach(() => {
    temp = makeTempDir();
    clock.set('2030-01-10T08:00:00.000Z');
  });
  afterEach(() => temp.cleanup());

  const failure = (run: () => unknown): DeskFailure => {
    try {
      run();
    } catch (error) {
      if (error instanceof DeskFailure) return error;
      throw error;
    }
    throw new Error('expected a DeskFailure');
  };

  it('schedules: stores the UTC instant, both zones, a stable invite UID, and tells listeners', () => {
    const { service, changes, pushed } = open();
    const interview = service.schedule({ ...form, candidateTimeZone: 'America/New_York' });
    expect(interview.startUtc).toBe('2030-01-15T09:00:00.000Z');
    expect(interview.timeZone).toBe('Europe/Berlin');
    expect(interview.candidate).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      timeZone: 'America/New_York',
    });
    expect(interview.recruiter).toEqual({ name: 'Rita Recruiter', email: 'rita@example.com' });
    expect(interview.ics).toEqual({ uid: `${interview.id}@interview-desk.app`, sequence: 0 });
    expect(interview.status).toBe('scheduled');
    expect(changes.map((c) => c.kind)).toEqual(['scheduled']);
    expect(pushed).toEqual([{ name: 'interviews:changed', payload: { ids: [interview.id] } }]);
  });

  it('persists across a restart', () => {
    const first = open().service.schedule(form);
    const again = open().service;
    expect(again.get(first.id)).toEqual(first);
    expect(again.list()).toEqual([
      expect.objectContaining({
        id: first.id,
        candidateName: 'Ada Lovelace',
        attention: expect.stringMatching(/^No Meet link yet: paste one/),
      }),
    ]);
  });

  it('refuses the past (beyond a 5-minute grace), naming the field', () => {
    const { service } = open();
    clock.set('2030-01-15T09:04:00.000Z');
    expect(service.schedule(form).startUtc).toBe('2030-01-15T09:00:00.000Z');
    clock.set('2030-01-15T09:06:00.000Z');
    expect(failure(() => service.schedule({ ...form, acceptConflicts: true }))).toMatchObject({
      code: 'invalid_input',
      field: 'time',
    });
  });

  it('refuses DST gaps and asks about ambiguous times', () => {
    const { service } = open();
    expect(failure(() => service.schedule({ ...form, date: '2030-03-31', time: '02:30' }))).toMatchObject({
      field: 'time',
    });
    expect(failure(() => service.schedule({ ...form, date: '2030-10-27', time: '02:30' }))).toMatchObject({
      field: 'occurrence',
    });
    expect(service.schedule({ ...form, date: '2030-10-27', time: '02:30', occurrence: 'later' }).startUtc).toBe(
      '2030-10-27T01:30:00.000Z',
    );
  });

  it('flags conflicts before saving and saves only when accepted', () => {
    const { service } = open();
    const first = service.schedule(form);
    const overlapping = { ...form, candidateName: 'Grace Hopper', candidateEmail: 'grace@example.com', time: '10:30' };
    expect(service.preview(overlapping).conflicts).toEqual([
      expect.objectContaining({ id: first.id, candidateName: 'Ada Lovelace' }),
    ]);
    expect(failure(() => service.schedule(overlapping))).toMatchObject({ code: 'conflict', field: 'time' });
    expect(service.list()).toHaveLength(1);
    service.schedule({ ...overlapping, acceptConflicts: true });
    expect(service.list()).toHaveLength(2);
    // Back to back is not a conflict.
    expect(service.preview({ ...form, time: '11:00' }).conflicts.map((c) => c.candidateName)).toEqual(['Grace Hopper']);
    expect(service.preview({ ...form, time: '11:30' }).conflicts).toEqual([]);
  });

  it('needs a recruiter identity', () => {
    const service = createInterviewCommands({
      repository: createInterviewRepository(openMemoryDatabase()),
      clock,
      events: createEventHub(),
      log: createMemoryLogger(),
      recruiter: () => null,
    });
    expect(failure(() => service.schedule(form))).toMatchObject({ field: 'recruiter' });
  });

  it('reschedules with a higher sequence and fresh reminders; cancel raises it again; cancelled cannot move', () => {
    const { service, changes } = open();
    const first = service.schedule(form);
    const moved = service.reschedule({
      id: first.id,
      date: '2030-01-16',
      time: '14:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
    });
    expect(moved.startUtc).toBe('2030-01-16T13:00:00.000Z');
    expect(moved.ics.sequence).toBe(1);
    const cancelled = service.cancel(first.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.ics.sequence).toBe(2);
    expect(service.cancel(first.id).ics.sequence).toBe(2);
    expect(changes.map((c) => c.kind)).toEqual(['scheduled', 'rescheduled', 'cancelled']);
    expect(
      failure(() =>
        service.reschedule({
          id: first.id,
          date: '2030-01-17',
          time: '14:00',
          timeZone: 'Europe/Berlin',
          durationMinutes: 30,
        }),
      ),
    ).toMatchObject({ field: 'id' });
    expect(service.list()[0]).toMatchObject({ status: 'cancelled' });
  });

  it('records every join and leave with timestamps', () => {
    const { service } = open();
    const interview = service.schedule({ ...form, meetLink: 'https://meet.google.com/abc-defg-hij' });
    clock.set('2030-01-15T08:55:00.000Z');
    service.recordJoin(interview.id, 'app');
    clock.set('2030-01-15T09:20:00.000Z');
    service.recordLeave(interview.id);
    clock.set('2030-01-15T09:22:00.000Z');
    service.recordJoin(interview.id, 'app');
    clock.set('2030-01-15T09:58:00.000Z');
    service.recordLeave(interview.id);
    expect(service.get(interview.id).joins).toEqual([
      { joinedAt: '2030-01-15T08:55:00.000Z', leftAt: '2030-01-15T09:20:00.000Z', via: 'app' },
      { joinedAt: '2030-01-15T09:22:00.000Z', leftAt: '2030-01-15T09:58:00.000Z', via: 'app' },
    ]);
  });

  it('accepts a pasted Meet link only in Meet form', () => {
    const { service } = open();
    const interview = service.schedule(form);
    expect(failure(() => service.setMeetLink(interview.id, 'https://evil.com/abc-defg-hij'))).toMatchObject({
      field: 'meetLink',
    });
    expect(service.setMeetLink(interview.id, 'https://meet.google.com/abc-defg-hij?authuser=0').meetLink).toBe(
      'https://meet.google.com/abc-defg-hij',
    );
    expect(service.list()[0]!.attention).toBeUndefined();
  });

  it('answers not_found for unknown ids', () => {
    expect(failure(() => open().service.get('00000000-0000-4000-8000-000000000000'))).toMatchObject({
      code: 'not_found',
    });
  });

  it("the tray reads the next interview and today's from queries, not the whole schedule", () => {
    const { service } = open();
    // Today (10 January, Berlin): one at 07:00 that has ended, one at 18:00; later: the 15th and the 20th.
    clock.set('2030-01-10T05:00:00.000Z');
    const ended = service.schedule({ ...form, date: '2030-01-10', time: '07:00' });
    const evening = service.schedule({ ...form, date: '2030-01-10', time: '18:00' });
    service.schedule({ ...form, date: '2030-01-20', time: '10:00' });
    clock.set('2030-01-10T12:00:00.000Z');
    const labels = trayMenuFor(
      service,
      { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 },
      clock.now(),
      'Europe/Berlin',
      timeStyleOf('en-GB'),
    ).map((i) => (i.type === 'item' ? i.label : '---'));
    expect(labels[0]).toMatch(/^Next: Ada Lovelace · Engineer · 18:00/);
    expect(labels.filter((l) => /^\d\d:\d\d {2}Ada/.test(l))).toEqual([
      '07:00  Ada Lovelace — Engineer',
      '18:00  Ada Lovelace — Engineer',
    ]);
    // The 20th is neither next nor today: it was never read.
    expect(
      service
        .forTray(clock.now(), Date.parse('2030-01-09T23:00:00Z'), Date.parse('2030-01-10T23:00:00Z'))
        .map((i) => i.id),
    ).toEqual([ended.id, evening.id]);
    // With nothing left today, the next one is read on its own.
    clock.set('2030-01-10T20:00:00.000Z');
    expect(
      service
        .forTray(clock.now(), Date.parse('2030-01-10T23:00:00Z'), Date.parse('2030-01-11T23:00:00Z'))
        .map((i) => i.startUtc),
    ).toEqual(['2030-01-20T09:00:00.000Z']);
  });

  it('finds an interview by its Calendar event id through the index, and by id without an error', () => {
    const { service } = open();
    const interview = service.schedule(form);
    service.update(interview.id, (i) => ({ ...i, google: { eventId: 'idesk0123456789abcdef', state: 'synced' } }));
    expect(service.byGoogleEventId('idesk0123456789abcdef')?.id).toBe(interview.id);
    expect(service.byGoogleEventId('nosuchevent')).toBeUndefined();
    expect(service.find('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('update tells listeners of the change; updateQuietly saves and tells only the screens', () => {
    const { service, changes, pushed } = open();
    const interview = service.schedule(form);
    changes.length = 0;
    pushed.length = 0;
    service.updateQuietly(interview.id, (i) => ({ ...i, notes: 'quiet' }));
    expect(changes).toEqual([]);
    expect(pushed).toEqual([{ name: 'interviews:changed', payload: { ids: [interview.id] } }]);
    expect(service.get(interview.id).notes).toBe('quiet');
    service.update(interview.id, (i) => ({ ...i, notes: 'heard' }));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'updated',
        previous: expect.objectContaining({ notes: 'quiet' }),
        interview: expect.objectContaining({ notes: 'heard' }),
      }),
    ]);
  });
});
