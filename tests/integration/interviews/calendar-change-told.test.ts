import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { googleForFile } from '../../support/google-for-file';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import { makeTempDir } from '../../support/temp-dir';
import { icsAttachment } from '../../support/mail-harness';
import { parseWithPython } from '../../support/ics-check';
import { eventually, googleServices } from '../../support/google-harness';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview, InterviewSummary } from '../../../preload/shared/contract/interview-schema';
import { utcDateAhead } from '../../support/schedule-form';

/** "They were told": a change made in Google Calendar marked as known, with nothing sent (emulator + SMTP sink + SQLite). */
describe('marking a change made in Google Calendar as told', () => {
  const { g, sink } = googleForFile({ smtp: true });
  const keychainService = `interview-desk-test-${process.pid}-calendar-told`;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const answer = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await answer(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const refusal = async (name: string, input: unknown) => {
    const result = await answer(name, input);
    return result.ok ? 'accepted' : result.error.message;
  };
  const settle = () => new Promise((r) => setTimeout(r, 300));
  const rowOf = async (id: string) => (await call<InterviewSummary[]>('interviews:list')).find((r) => r.id === id);

  beforeEach(async () => {
    temp = makeTempDir();
    services = googleServices(g, temp.dir, { keychainService, smtp: sink });
    await call('account:connect');
  });
  afterEach(async () => {
    await call('account:disconnect').catch(() => undefined);
    await services.dispose();
    temp.cleanup();
  });

  const scheduled = async (extra: Record<string, unknown> = {}) => {
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
      ...extra,
    });
    const invited = 2 + ((extra.coInterviewers as unknown[] | undefined)?.length ?? 0);
    await eventually(() => expect(sink.received).toHaveLength(invited));
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    return interview;
  };

  /** Scheduled, then moved to 15:00 in Google Calendar and read back: nobody has been emailed about the move. */
  const movedInCalendar = async (extra: Record<string, unknown> = {}) => {
    const interview = await scheduled(extra);
    g.calendar.editAsUser(eventIdFor(interview.id), {
      start: { dateTime: `${utcDateAhead(4)}T15:00:00.000Z`, timeZone: 'UTC' },
      end: { dateTime: `${utcDateAhead(4)}T15:45:00.000Z`, timeZone: 'UTC' },
    });
    expect(await call('google:syncNow')).toEqual({ changed: 1 });
    return interview;
  };

  it('clears a move made in Calendar without emailing anyone, notes it, and lets Resend work again', async () => {
    const interview = await movedInCalendar();
    const moved = services.interviews.get(interview.id);
    expect(moved.google?.calendarChange?.kind).toBe('moved');
    expect((await rowOf(interview.id))?.attention).toBe(
      'Moved in Google Calendar: nobody emailed yet (Send update in the room)',
    );
    expect(await refusal('mail:resend', { id: interview.id, recipient: 'candidate' })).toBe(
      'This interview was moved in Google Calendar and no one has been emailed yet: use Send update.',
    );

    const told = await call<Interview>('interviews:markCalendarChangeTold', interview.id);
    expect(told.google?.calendarChange).toBeUndefined();
    expect(told.google?.calendarChangeTold).toEqual({ kind: 'moved', markedAt: expect.any(String) });
    // Saved, not only answered; the time stays Google's and nothing outranks what people hold.
    expect(services.interviews.get(interview.id)).toEqual(told);
    expect(told.startUtc).toBe(`${utcDateAhead(4)}T15:00:00.000Z`);
    expect(told.ics.sequence).toBe(moved.ics.sequence);
    // Nothing sent, nothing queued, and the row no longer needs attention.
    await settle();
    expect(sink.received).toHaveLength(2);
    expect(services.outbox.items().filter((i) => i.interviewId === interview.id && i.state === 'queued')).toEqual([]);
    expect((await rowOf(interview.id))?.attention).toBeUndefined();

    // Pressed twice (two windows): refused in words, and still nothing sent.
    expect(await refusal('interviews:markCalendarChangeTold', interview.id)).toBe(
      'There is no change made in Google Calendar waiting to be told about this interview.',
    );
    // Resend works again, as after Send update: one message, at the new time.
    await call('mail:resend', { id: interview.id, recipient: 'candidate' });
    await eventually(() => expect(sink.received).toHaveLength(3));
    expect(sink.received.at(-1)!.envelope.to).toEqual(['ada@example.com']);
  });

  it('keeps the note that people were told through a later write to the Calendar event that emails no one', async () => {
    const interview = await movedInCalendar({ coInterviewers: [{ email: 'pat@example.com' }] });
    const told = await call<Interview>('interviews:markCalendarChangeTold', interview.id);
    // Pat's name given later: the event is written again (the panel's line in its details), and no one is emailed.
    await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
      acceptConflicts: true,
    });
    await eventually(() =>
      expect(g.calendar.peek(eventIdFor(interview.id))?.description).toContain('Pat Panel <pat@example.com>'),
    );
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    expect(services.interviews.get(interview.id).google?.calendarChangeTold).toEqual(told.google?.calendarChangeTold);
    // Nothing queued for anyone, and nothing arrived.
    expect(services.outbox.items().filter((i) => i.interviewId === interview.id && i.state === 'queued')).toEqual([]);
    await settle();
    expect(sink.received).toHaveLength(3);
  });

  it('a new co-interviewer while a move made in Calendar is untold: everyone is told the move with the panel', async () => {
    const interview = await movedInCalendar();
    await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(5));
    const toAda = sink.received.filter((m) => m.envelope.to.includes('ada@example.com')).at(-1)!;
    // Never "the time stays the same" at a time Ada was never sent: the move, against the time she was told.
    expect(toAda.parsed.text).not.toMatch(/stay the same/);
    expect(toAda.parsed.text).toMatch(/has moved, and your interviewers have changed/);
    expect(toAda.parsed.text).toMatch(/\(was [^)]*10:00/);
    // Told now: no mark, no Send update left, the row needs nothing; Resend works again.
    const now = services.interviews.get(interview.id);
    expect(now.google?.calendarChange).toBeUndefined();
    expect((await rowOf(interview.id))?.attention).toBeUndefined();
    expect(await refusal('interviews:sendCalendarChange', interview.id)).toBe(
      'Everyone has already been told about this interview’s last change.',
    );
  });

  it('a new Meet link while a move made in Calendar is untold: the link goes with the move, never "the time stays"', async () => {
    const interview = await movedInCalendar();
    await call('interviews:setMeetLink', { id: interview.id, meetLink: 'https://meet.google.com/new-link-abc' });
    await eventually(() => expect(sink.received).toHaveLength(4));
    const toAda = sink.received.filter((m) => m.envelope.to.includes('ada@example.com')).at(-1)!;
    expect(toAda.parsed.subject).toMatch(/^New time and Meet link for your interview/);
    expect(toAda.parsed.text).toMatch(/has moved, and it has a new Meet link\./);
    expect(toAda.parsed.text).not.toMatch(/stays the same/);
    expect(toAda.parsed.text).toMatch(/\(was [^)]*10:00/);
    expect(toAda.parsed.text).toContain('https://meet.google.com/new-link-abc');
    expect(services.interviews.get(interview.id).google?.calendarChange).toBeUndefined();
  });

  it('Google’s event moved and its Meet link replaced by another call: a pasted link tells both', async () => {
    const interview = await movedInCalendar();
    g.calendar.replaceConferenceAsUser(eventIdFor(interview.id), 'https://zoom.example.com/j/1');
    await call('google:syncNow');
    expect(services.interviews.get(interview.id).meetLink).toBeUndefined();
    const before = services.interviews.get(interview.id).ics.sequence;
    await call('interviews:setMeetLink', { id: interview.id, meetLink: 'https://meet.google.com/new-link-abc' });
    await eventually(() => expect(sink.received).toHaveLength(4));
    const toAda = sink.received.filter((m) => m.envelope.to.includes('ada@example.com')).at(-1)!;
    expect(toAda.parsed.subject).toMatch(/^New time and Meet link for your interview/);
    expect(toAda.parsed.text).toMatch(/\(was [^)]*10:00/);
    expect(toAda.parsed.text).toContain('New Meet link: https://meet.google.com/new-link-abc');
    expect(parseWithPython(icsAttachment(toAda)).sequence).toBeGreaterThan(before);
  });

  it('a new co-interviewer after "They already know": the update replaces the note that nothing was sent', async () => {
    const interview = await movedInCalendar();
    await call<Interview>('interviews:markCalendarChangeTold', interview.id);
    await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com' }],
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(5));
    const toAda = sink.received.filter((m) => m.envelope.to.includes('ada@example.com')).at(-1)!;
    // They know 15:00 (the recruiter said so): the panel changed, the time stays.
    expect(toAda.parsed.text).toMatch(/stay the same/);
    expect(services.interviews.get(interview.id).google?.calendarChangeTold).toBeUndefined();
  });

  it('a cancel made in Calendar: the row says cancelled, not moved; marked as told, nothing is sent', async () => {
    const interview = await scheduled();
    g.calendar.deleteAsUser(eventIdFor(interview.id));
    expect(await call('google:syncNow')).toEqual({ changed: 1 });
    expect(services.interviews.get(interview.id)).toMatchObject({
      status: 'cancelled',
      google: { calendarChange: { kind: 'cancelled' } },
    });
    expect((await rowOf(interview.id))?.attention).toBe(
      'Cancelled in Google Calendar: nobody emailed yet (Send cancellation in the room)',
    );
    const told = await call<Interview>('interviews:markCalendarChangeTold', interview.id);
    expect(told).toMatchObject({ status: 'cancelled', google: { calendarChangeTold: { kind: 'cancelled' } } });
    expect((await rowOf(interview.id))?.attention).toBeUndefined();
    await settle();
    expect(sink.received).toHaveLength(2);
    // Send cancellation has nothing left to send either.
    expect(await refusal('interviews:sendCalendarChange', interview.id)).toBe(
      'Everyone has already been told about this interview’s last change.',
    );
  });

  it('refuses in words an unknown interview, one with no mark, and a copy saved from an invitation', async () => {
    expect(await refusal('interviews:markCalendarChangeTold', randomUUID())).toBe('That interview no longer exists.');
    expect(await refusal('interviews:markCalendarChangeTold', 'not-an-id')).not.toBe('accepted');
    const interview = await scheduled();
    expect(await refusal('interviews:markCalendarChangeTold', interview.id)).toBe(
      'There is no change made in Google Calendar waiting to be told about this interview.',
    );
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const copy = await call<Interview>(
      'deeplink:confirmJoin',
      `interview-desk://join?meet=xyz-abcd-efg&start=${encodeURIComponent(start.toISOString())}&duration=30&title=Panel+interview`,
    );
    expect(await refusal('interviews:markCalendarChangeTold', copy.id)).toBe(
      'This interview came from an invitation you received, so there is no one here to mark as told.',
    );
    await settle();
    expect(sink.received).toHaveLength(2);
  });
});
