import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import { makeTempDir } from '../../support/temp-dir';
import { eventually, googleServices } from '../../support/google-harness';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { meetLinkState } from '../../../preload/shared/rules/interview-attention';

const pad = (n: number) => String(n).padStart(2, '0');
function berlinForm(daysAhead: number, time = '10:00') {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return {
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Engineer',
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time,
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    notes: 'Internal: salary expectations too high?',
    candidateMessage: 'Round 2',
    // Google is connected without free/busy: the question before saving is answered "anyway".
    acceptConflicts: true,
  };
}

describe('Calendar events with Meet (emulator + real keychain)', () => {
  const { g } = googleForFile();
  const keychainService = `interview-desk-test-${process.pid}-calendar`;
  const keychain = createKeytarSecretStore(keychainService);
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices | undefined;
  const call = (name: string, input?: unknown, s: DeskServices = services!) =>
    dispatchCall(s.handlers, name, input, createMemoryLogger());
  const start = async () => {
    services = googleServices(g, temp.dir, { keychainService });
    return services;
  };
  const connectAndSchedule = async (form = berlinForm(3)) => {
    await start();
    expect((await call('account:connect')).ok).toBe(true);
    const result = await call('interviews:schedule', form);
    expect(result.ok).toBe(true);
    return (result as { value: Interview }).value;
  };
  const eventsFor = (id: string) => g.calendar.all().filter((e) => e.id === eventIdFor(id));
  const restart = async () => {
    await services?.dispose();
    return start();
  };

  beforeEach(() => {
    temp = makeTempDir();
    g.faults.clear();
    g.calendar.conferenceMode = 'success';
    g.calendar.allowMeet = true;
  });
  afterEach(async () => {
    await services?.dispose();
    services = undefined;
    for (const account of await keychain.accounts()) await keychain.delete(account);
    temp.cleanup();
  });

  it('creates one event with the right summary, times, attendees, Meet request and sendUpdates=none', async () => {
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('synced'));
    const event = g.calendar.peek(eventIdFor(interview.id))!;
    expect(event.summary).toBe('Interview: Engineer — Ada Lovelace');
    expect(event.start).toEqual({ dateTime: interview.startUtc, timeZone: 'Europe/Berlin' });
    expect((event.attendees as Array<{ email: string }>).map((a) => a.email)).toEqual([
      'ada@example.com',
      'recruiter@example.com',
    ]);
    // Guests read the description: the message to the candidate is there, the private notes never.
    expect(String(event.description)).toContain('Message from');
    expect(String(event.description)).toContain('Round 2');
    expect(String(event.description)).not.toContain('salary');
    const insert = g.requests.findLast((r) => r.method === 'POST' && r.path.endsWith('/events'))!;
    expect(insert.query).toMatchObject({ conferenceDataVersion: '1', sendUpdates: 'none' });
    const stored = services!.interviews.get(interview.id);
    expect(stored.meetLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(stored.meetLink).toBe(event.hangoutLink);
    expect(stored.google).toMatchObject({
      eventId: eventIdFor(interview.id),
      iCalUID: `${eventIdFor(interview.id)}@google.com`,
      sequence: 0,
      state: 'synced',
    });
    expect(stored.google!.etag).toBeDefined();
    expect(stored.google!.htmlLink).toContain('calendar/event');
    expect(stored.ics.uid).toBe(`${eventIdFor(interview.id)}@google.com`);
  });

  it('waits for a pending conference, then reports ready with the link', async () => {
    g.calendar.conferenceMode = 'pending';
    g.calendar.pendingReads = 3;
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('synced'));
    expect(services!.interviews.get(interview.id).meetLink).toBeDefined();
    expect(g.count(`/events/${eventIdFor(interview.id)}`, 'GET')).toBeGreaterThanOrEqual(3);
  });

  it('a conference failure or a calendar without Meet gives a clear error and allows retry', async () => {
    g.calendar.conferenceMode = 'failure';
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('failed'));
    expect(services!.interviews.get(interview.id).google?.error).toMatch(/could not create a Meet link/);
    expect(services!.interviews.list()[0]!.attention).toBe('Google Calendar update failed');
    g.calendar.allowMeet = false;
    const other = (await call('interviews:schedule', berlinForm(4))) as { value: Interview };
    await eventually(() => expect(services!.interviews.get(other.value.id).google?.state).toBe('failed'));
    expect(services!.interviews.get(other.value.id).google?.error).toMatch(/Invalid conference type/);
    // Retry once Meet works again: the existing event gets its conference, still one event.
    g.calendar.allowMeet = true;
    g.calendar.conferenceMode = 'success';
    expect((await call('google:retry', other.value.id)).ok).toBe(true);
    await eventually(() => expect(services!.interviews.get(other.value.id).google?.state).toBe('synced'));
    expect(eventsFor(other.value.id)).toHaveLength(1);
  });

  it.each([
    ['500', { status: 500 }],
    ['429 with Retry-After', { status: 429, retryAfter: 0 }],
    ['403 rateLimitExceeded', { status: 403, reason: 'rateLimitExceeded' }],
    ['403 userRateLimitExceeded', { status: 403, reason: 'userRateLimitExceeded' }],
    ['503 after the server committed', { status: 503, afterCommit: true }],
    ['a timeout after the server committed', { hang: true, afterCommit: true, delayMs: 5_000 }],
    ['a dropped connection', { drop: true }],
  ])('fault on insert (%s): exactly one event', async (_label, fault) => {
    g.faults.add({ method: 'POST', path: /\/events$/, ...fault });
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('synced'), 10_000);
    expect(eventsFor(interview.id)).toHaveLength(1);
    expect(services!.interviews.get(interview.id).meetLink).toBe(
      g.calendar.peek(eventIdFor(interview.id))!.hangoutLink,
    );
  });

  it('409 on insert (the event exists already): fetches it instead of making another', async () => {
    const mark = g.requests.length;
    await start();
    await call('account:connect');
    // Emulate a previous run that created the event but crashed before saving.
    const form = berlinForm(5);
    const first = (await call('interviews:schedule', form)) as { value: Interview };
    await eventually(() => expect(services!.interviews.get(first.value.id).google?.state).toBe('synced'));
    services!.calendar.queue.add(first.value.id, 'create');
    await services!.calendar.drain();
    expect(eventsFor(first.value.id)).toHaveLength(1);
    expect(g.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(2);
  });

  it('never retries a 400', async () => {
    const mark = g.requests.length;
    g.faults.add({ method: 'POST', path: /\/events$/, status: 400, reason: 'invalid', message: 'Bad request' });
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('failed'));
    expect(g.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(1);
  });

  it('reschedule patches the time, keeps the Meet link, raises the sequence; cancel deletes', async () => {
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('synced'));
    const link = services!.interviews.get(interview.id).meetLink;
    const moved = await call('interviews:reschedule', { id: interview.id, ...berlinForm(6, '15:30') });
    expect(moved.ok).toBe(true);
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('synced'));
    const after = services!.interviews.get(interview.id);
    const event = g.calendar.peek(eventIdFor(interview.id))!;
    expect((event.start as { dateTime: string }).dateTime).toBe(after.startUtc);
    expect(event.hangoutLink).toBe(link);
    expect(after.meetLink).toBe(link);
    expect(after.google!.sequence).toBe(1);
    expect(after.ics.sequence).toBe(1);
    expect((await call('interviews:cancel', interview.id)).ok).toBe(true);
    await eventually(() => expect(g.calendar.peek(eventIdFor(interview.id))!.status).toBe('cancelled'));
    expect(eventsFor(interview.id)).toHaveLength(1);
  });

  it('a delete answered 404 or 410 counts as done', async () => {
    const interview = await connectAndSchedule();
    await eventually(() => expect(services!.interviews.get(interview.id).google?.state).toBe('synced'));
    g.calendar.deleteAsUser(eventIdFor(interview.id));
    await call('interviews:cancel', interview.id);
    await eventually(() => expect(services!.calendar.queue.all()).toEqual([]));
    expect(services!.interviews.get(interview.id).google?.state).toBe('synced');
  });

  it('offline: scheduling saves locally as "waiting for Google"; the queue survives a restart and applies in order', async () => {
    await start();
    await call('account:connect');
    g.faults.add({ path: '/calendar/', drop: true, times: 1000 });
    const created = (await call('interviews:schedule', berlinForm(7))) as { value: Interview };
    await eventually(() => expect(services!.calendar.queue.all()[0]?.attempts).toBeGreaterThan(0));
    expect(services!.interviews.get(created.value.id).google?.state).toBe('pending');
    // Its Meet link comes with the event: "creating", not "needs attention".
    expect(services!.interviews.list()[0]!.attention).toBeUndefined();
    expect(meetLinkState(services!.interviews.get(created.value.id))).toBe('creating');
    await call('interviews:reschedule', { id: created.value.id, ...berlinForm(8, '11:00') });
    const second = (await call('interviews:schedule', {
      ...berlinForm(9),
      candidateEmail: 'grace@example.com',
      candidateName: 'Grace',
    })) as { value: Interview };
    await call('interviews:cancel', second.value.id);
    expect(
      services!.calendar.queue.all().map((q) => [q.interviewId === created.value.id ? 'first' : 'second', q.op]),
    ).toEqual([
      ['first', 'create'],
      ['second', 'create'],
      ['second', 'cancel'],
    ]);
    // Restart while offline: the queue is on disk.
    await restart();
    expect(services!.calendar.queue.all()).toHaveLength(3);
    g.faults.clear();
    await services!.calendar.drain();
    // Postponed items wait for their time; force them due.
    services!.calendar.queue.all().forEach((q) => services!.calendar.queue.postpone(q.key, 0, 'test'));
    await services!.calendar.drain();
    await eventually(() => expect(services!.calendar.queue.all()).toEqual([]));
    expect(eventsFor(created.value.id)).toHaveLength(1);
    expect((g.calendar.peek(eventIdFor(created.value.id))!.start as { dateTime: string }).dateTime).toBe(
      services!.interviews.get(created.value.id).startUtc,
    );
    expect(services!.interviews.get(created.value.id).meetLink).toBeDefined();
    const secondEvent = g.calendar.peek(eventIdFor(second.value.id));
    expect(secondEvent === undefined || secondEvent.status === 'cancelled').toBe(true);
  });

  it('invalid_grant on refresh: needs reconnect, queued work kept, applied after reconnect', async () => {
    await start();
    await call('account:connect');
    g.oauth.revokeAll();
    const created = (await call('interviews:schedule', berlinForm(10))) as { value: Interview };
    await eventually(() => expect(services!.account.status().state).toBe('needs_reconnect'));
    expect(services!.calendar.queue.all()).toHaveLength(1);
    expect(services!.interviews.get(created.value.id).status).toBe('scheduled');
    const result = await call('account:connect');
    expect(result).toMatchObject({ ok: true, value: { state: 'connected' } });
    await eventually(() => expect(services!.interviews.get(created.value.id).google?.state).toBe('synced'));
    expect(eventsFor(created.value.id)).toHaveLength(1);
    // Incremental authorization kept the earlier grant's scopes.
    expect(g.oauth.authorizations.at(-1)!.query.include_granted_scopes).toBe('true');
  });

  it('local interviews made before connecting stay local; scheduling without Google still works', async () => {
    await start();
    await call('settings:update', { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' });
    const local = (await call('interviews:schedule', {
      ...berlinForm(3),
      meetLink: 'https://meet.google.com/abc-defg-hij',
    })) as { value: Interview };
    expect(local.value.google).toBeUndefined();
    expect(g.calendar.all().filter((e) => e.id === eventIdFor(local.value.id))).toHaveLength(0);
  });
});
