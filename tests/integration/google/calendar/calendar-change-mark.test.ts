import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../../support/google-for-file';
import { dispatchCall } from '../../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../../main/logging/logger';
import { eventIdFor } from '../../../../main/google/calendar/event-mapping';
import { makeTempDir } from '../../../support/temp-dir';
import { eventually, googleServices } from '../../../support/google-harness';
import { icsAttachment } from '../../../support/mail-harness';
import { parseWithPython } from '../../../support/ics-check';
import type { DeskServices } from '../../../../main/app/compose-services';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import { utcDateAhead } from '../../../support/schedule-form';

/** Moves and cancels made in Google Calendar: applied, marked as not emailed, sent when the recruiter says so. */
describe('changes made in Google Calendar (emulator + SMTP sink + real keychain)', () => {
  const { g, sink } = googleForFile({ smtp: true });
  const keychainService = `interview-desk-test-${process.pid}-calendar-change`;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const settle = () => new Promise((r) => setTimeout(r, 200));

  beforeEach(() => {
    temp = makeTempDir();
    // A failed message waits a minute before its retry: long enough to still be waiting when Calendar changes.
    services = googleServices(g, temp.dir, {
      keychainService,
      smtp: sink,
      overrides: {
        tuning: { mail: { backoffMs: [60_000], maxAttempts: 3 } },
      },
    });
  });
  afterEach(async () => {
    await call('account:disconnect').catch(() => undefined);
    await services.dispose();
    temp.cleanup();
  });

  it('a move made in Calendar emails no one, withdraws the stale unsent update and says so; Send update tells the time people last had', async () => {
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(4),
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      notes: '',
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(2));
    const eventId = eventIdFor(interview.id);
    // Moved in the app, but the server is down: both updates wait for their retry.
    sink.faults.push({ kind: 'temporary' }, { kind: 'temporary' });
    await call('interviews:reschedule', {
      id: interview.id,
      date: utcDateAhead(4),
      time: '12:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      acceptConflicts: true,
    });
    await eventually(() =>
      expect([
        services.interviews.get(interview.id).invitations.candidate.reason,
        services.interviews.get(interview.id).invitations.recruiter.reason,
      ]).toEqual([expect.stringMatching(/^Retrying/), expect.stringMatching(/^Retrying/)]),
    );
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));

    // Then moved again, in Google Calendar.
    const start = `${utcDateAhead(4)}T15:00:00.000Z`;
    g.calendar.editAsUser(eventId, {
      start: { dateTime: start, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(4)}T15:45:00.000Z`, timeZone: 'UTC' },
    });
    expect(await call('google:syncNow')).toEqual({ changed: 1 });
    const moved = services.interviews.get(interview.id);
    expect(moved.startUtc).toBe(start);
    expect(moved.google?.calendarChange).toMatchObject({
      kind: 'moved',
      was: { startUtc: interview.startUtc, durationMinutes: 45 },
      withdrawn: 2,
    });
    expect(Date.parse(moved.google!.calendarChange!.at)).toBe(Date.parse(String(g.calendar.peek(eventId)!.updated)));
    // Nothing was emailed, and each person's line is back to what last reached them.
    await settle();
    expect(sink.received).toHaveLength(2);
    expect(moved.invitations.candidate).toMatchObject({ state: 'sent', kind: 'invitation' });

    const sent = await call<Interview>('interviews:sendCalendarChange', interview.id);
    expect(sent.google?.calendarChange).toBeUndefined();
    await eventually(() => expect(sink.received).toHaveLength(4));
    const toAda = sink.received.filter((m) => m.envelope.to.includes('ada@example.com')).at(-1)!;
    expect(toAda.parsed.subject).toMatch(/^New time for your interview/);
    // "was" is the time Ada was last told (the invitation's), not the app's move she never received.
    expect(toAda.parsed.text).toMatch(/\(was [^)]*10:00/);
    const ics = parseWithPython(icsAttachment(toAda));
    expect(ics).toMatchObject({ method: 'REQUEST', start });
    // Above every REQUEST sent before (the invitation, and the app's own move that never arrived).
    expect(ics.sequence).toBeGreaterThan(moved.ics.sequence);
    expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
      state: 'sent',
      kind: 'update',
    });
    // Sent once: a second press is refused in words.
    const again = await dispatchCall(
      services.handlers,
      'interviews:sendCalendarChange',
      interview.id,
      createMemoryLogger(),
    );
    expect(!again.ok && again.error.message).toBe('Everyone has already been told about this interview’s last change.');
  });

  it('an update being handed over when Calendar moves the event is not tried again after it fails', async () => {
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(4),
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      notes: '',
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(2));
    // The server takes its time, then refuses both updates.
    sink.faults.push({ kind: 'temporary', afterMs: 800 }, { kind: 'temporary', afterMs: 800 });
    await call('interviews:reschedule', {
      id: interview.id,
      date: utcDateAhead(4),
      time: '12:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      acceptConflicts: true,
    });
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    g.calendar.editAsUser(eventIdFor(interview.id), {
      start: { dateTime: `${utcDateAhead(4)}T15:00:00.000Z`, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(4)}T15:45:00.000Z`, timeZone: 'UTC' },
    });
    expect(await call('google:syncNow')).toEqual({ changed: 1 });
    expect(services.interviews.get(interview.id).google?.calendarChange?.kind).toBe('moved');
    // Refused after the move: nothing waits to be retried, and each line is back to what last reached them.
    await eventually(
      () =>
        expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
          state: 'sent',
          kind: 'invitation',
        }),
      3_000,
    );
    await settle();
    expect(services.outbox.items().filter((i) => i.interviewId === interview.id && i.state === 'queued')).toEqual([]);
    expect(services.interviews.get(interview.id).invitations.recruiter).toMatchObject({
      state: 'sent',
      kind: 'invitation',
    });
  });

  it('an update cut off after it reached the server, while Calendar moves the event, stays on record as maybe sent', async () => {
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(4),
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      notes: '',
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(2));
    // The whole update reaches the server, which then drops the line before answering.
    sink.faults.push({ kind: 'drop', afterMs: 800 }, { kind: 'drop', afterMs: 800 });
    await call('interviews:reschedule', {
      id: interview.id,
      date: utcDateAhead(4),
      time: '12:00',
      timeZone: 'UTC',
      durationMinutes: 45,
      acceptConflicts: true,
    });
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    g.calendar.editAsUser(eventIdFor(interview.id), {
      start: { dateTime: `${utcDateAhead(4)}T15:00:00.000Z`, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(4)}T15:45:00.000Z`, timeZone: 'UTC' },
    });
    expect(await call('google:syncNow')).toEqual({ changed: 1 });
    // The candidate may hold that update: the room says so (with Resend), it is never forgotten.
    await eventually(
      () =>
        expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
          state: 'failed',
          kind: 'update',
          reason: expect.stringMatching(/may have been sent/),
        }),
      5_000,
    );
  });

  it('a cancel made in Calendar emails no one until Send cancellation; then everyone invited gets it, above the invitation’s SEQUENCE', async () => {
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Grace Hopper',
      candidateEmail: 'grace@example.com',
      jobTitle: 'Compiler Engineer',
      date: utcDateAhead(5),
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 30,
      notes: '',
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(2));
    g.calendar.deleteAsUser(eventIdFor(interview.id));
    expect(await call('google:syncNow')).toEqual({ changed: 1 });
    const cancelled = services.interviews.get(interview.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.google?.calendarChange).toMatchObject({
      kind: 'cancelled',
      was: { startUtc: interview.startUtc, durationMinutes: 30 },
    });
    await settle();
    expect(sink.received).toHaveLength(2);
    // One person's Resend would leave the others untold and the room saying no one was emailed: refused in words.
    const resent = await dispatchCall(
      services.handlers,
      'mail:resend',
      { id: interview.id, recipient: 'candidate' },
      createMemoryLogger(),
    );
    expect(!resent.ok && resent.error.message).toBe(
      'This interview was cancelled in Google Calendar and no one has been emailed yet: use Send cancellation.',
    );
    await settle();
    expect(sink.received).toHaveLength(2);

    const sent = await call<Interview>('interviews:sendCalendarChange', interview.id);
    expect(sent.google?.calendarChange).toBeUndefined();
    await eventually(() => expect(sink.received).toHaveLength(4));
    const invitations = sink.received.slice(0, 2).map((m) => parseWithPython(icsAttachment(m)));
    const cancels = sink.received.slice(2).map((m) => parseWithPython(icsAttachment(m)));
    expect(cancels.map((c) => c.method)).toEqual(['CANCEL', 'CANCEL']);
    // RFC 5546: a CANCEL outranks the REQUEST each person holds, or their calendar may ignore it.
    for (const cancel of cancels)
      expect(cancel.sequence).toBeGreaterThan(Math.max(...invitations.map((i) => i.sequence)));
    // Once it went out, Resend repeats that cancellation (same SEQUENCE).
    await call('mail:resend', { id: interview.id, recipient: 'candidate' });
    await eventually(() => expect(sink.received).toHaveLength(5));
    expect(parseWithPython(icsAttachment(sink.received[4]!))).toMatchObject({
      method: 'CANCEL',
      sequence: cancels[0]!.sequence,
    });
  });

  it('with Google emailing the guests, a move made in Calendar leaves no mark (Google Calendar asked whom to tell)', async () => {
    await call('settings:update', { googleSendsInvites: true });
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Alan Turing',
      candidateEmail: 'alan@example.com',
      jobTitle: 'Engineer',
      date: utcDateAhead(6),
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 30,
      notes: '',
      acceptConflicts: true,
    });
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    g.calendar.editAsUser(eventIdFor(interview.id), {
      start: { dateTime: `${utcDateAhead(6)}T11:00:00.000Z`, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(6)}T11:30:00.000Z`, timeZone: 'UTC' },
    });
    await call('google:syncNow');
    expect(services.interviews.get(interview.id).google?.calendarChange).toBeUndefined();
  });
});
