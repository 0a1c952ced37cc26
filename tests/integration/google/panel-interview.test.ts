import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import { freeBusyScope } from '../../../main/google/find-time/free-busy-client';
import { makeTempDir } from '../../support/temp-dir';
import { eventually, googleServices } from '../../support/google-harness';
import { icsAttachment } from '../../support/mail-harness';
import { parseWithIcalJs, parseWithPython } from '../../support/ics-check';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { FreeBusyAnswer } from '../../../preload/shared/contract/ipc-contract';
import { utcDateAhead } from '../../support/schedule-form';

const panel = [
  { email: 'pat@example.com', name: 'Pat Panel' },
  { email: 'sam@other.org', name: 'Sam Outside' },
  { email: 'lee@example.com' },
];

/** A panel of three against the Google emulator and a real SMTP server: free/busy, Calendar guests, every message once. */
describe('panel interviews (emulator + SMTP sink + real keychain)', () => {
  const { g, sink } = googleForFile({ smtp: true });
  const keychainService = `interview-desk-test-${process.pid}-panel`;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const mailTo = (address: string) => sink.received.filter((m) => m.envelope.to.includes(address));

  beforeEach(() => {
    temp = makeTempDir();
    g.freeBusy.clear();
    g.calendar.conferenceMode = 'success';
    services = googleServices(g, temp.dir, {
      keychainService,
      smtp: sink,
      overrides: {
        tuning: { mail: { backoffMs: [30, 60], maxAttempts: 3 } },
      },
    });
  });
  afterEach(async () => {
    await call('account:disconnect').catch(() => undefined);
    await services.dispose();
    temp.cleanup();
  });

  it('free/busy asks for its scope incrementally, then answers each person in one request, notFound said per person', async () => {
    await call('account:connect');
    const range = {
      timeMin: `${utcDateAhead(3)}T00:00:00Z`,
      timeMax: `${utcDateAhead(17)}T00:00:00Z`,
      coInterviewers: panel.map((p) => p.email),
    };
    // Connected with calendar.events only: no request to Google, the reason said, app interviews still there.
    const before = await call<FreeBusyAnswer>('findTime:busy', range);
    expect(before.google).toBe('needs_consent');
    expect(before.message).toMatch(/allow Interview Desk to see free\/busy/);
    expect(g.count('/freeBusy')).toBe(0);

    const authBefore = g.requests.filter((r) => r.path === '/o/oauth2/v2/auth').length;
    await call('findTime:connect');
    const consent = g.requests.filter((r) => r.path === '/o/oauth2/v2/auth')[authBefore]!;
    expect(consent.query.scope?.split(' ')).toEqual(
      expect.arrayContaining([freeBusyScope, 'https://www.googleapis.com/auth/calendar.events']),
    );
    expect(consent.query.include_granted_scopes).toBe('true');
    expect(services.account.hasScope(freeBusyScope)).toBe(true);

    g.freeBusy.setBusy('pat@example.com', [
      { start: `${utcDateAhead(3)}T10:00:00Z`, end: `${utcDateAhead(3)}T11:00:00Z` },
    ]);
    g.freeBusy.setError('sam@other.org', 'notFound');
    g.freeBusy.setBusy('lee@example.com', []);
    const answer = await call<FreeBusyAnswer>('findTime:busy', range);
    expect(answer.google).toBe('ok');
    expect(answer.people).toEqual([
      { who: 'recruiter', status: 'ok', busy: [] },
      {
        who: 'pat@example.com',
        status: 'ok',
        busy: [{ start: `${utcDateAhead(3)}T10:00:00.000Z`, end: `${utcDateAhead(3)}T11:00:00.000Z` }],
      },
      { who: 'sam@other.org', status: 'not_found', busy: [] },
      { who: 'lee@example.com', status: 'ok', busy: [] },
    ]);
    expect(g.count('/freeBusy', 'POST')).toBe(1);

    // Google down (after the retry policy): said, nothing thrown, the app's interviews still there.
    for (let i = 0; i < 8; i++) g.faults.add({ path: '/freeBusy', status: 503 });
    const down = await call<FreeBusyAnswer>('findTime:busy', range);
    expect([down.google, down.message]).toEqual([
      'unavailable',
      'Google did not answer for free/busy just now; only interviews in Interview Desk are shown. Try “Refresh” in a moment.',
    ]);
    g.faults.clear();
    // Access revoked at Google: the reconnect state, said in the form.
    g.oauth.revokeAll();
    const revoked = await call<FreeBusyAnswer>('findTime:busy', range);
    expect(revoked.google).toBe('needs_reconnect');
    expect(services.account.status().state).toBe('needs_reconnect');
  });

  it('a panel of three: Calendar guests without Google email, one branded invitation each, updates and cancellations reach every panelist once', async () => {
    await call('settings:update', { companyName: 'Acme Corp' });
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(3),
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      notes: '',
      coInterviewers: panel,
      // Google is connected without free/busy: the question before saving is answered "anyway".
      acceptConflicts: true,
    });
    expect(interview.coInterviewers).toEqual(panel);
    // The Calendar event: everyone a guest, and Google told to email no one (the app sends the invitations).
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    const [event] = g.calendar.all().filter((e) => e.id === eventIdFor(interview.id));
    const guests = (event!.attendees as Array<{ email: string; displayName?: string }>).map((a) => a.email);
    expect(guests).toEqual([
      'ada@example.com',
      'recruiter@example.com',
      'pat@example.com',
      'sam@other.org',
      'lee@example.com',
    ]);
    expect(
      g.requests.filter((r) => r.path.endsWith('/events') && r.method === 'POST').map((r) => r.query.sendUpdates),
    ).toEqual(['none']);

    const everyone = ['ada@example.com', 'recruiter@example.com', ...panel.map((p) => p.email)];
    await eventually(() => expect(sink.received).toHaveLength(5));
    const synced = services.interviews.get(interview.id);
    for (const person of panel) {
      const [mail] = mailTo(person.email);
      expect(mail!.parsed.to).toMatchObject({ value: [{ address: person.email, name: person.name ?? '' }] });
      expect(mail!.parsed.replyTo?.value[0]?.address).toBe('recruiter@example.com');
      expect(mail!.parsed.subject).toBe('Interview invitation: Staff Engineer at Acme Corp — Ada Lovelace');
      expect(mail!.parsed.text).toContain(`Hello ${person.name ?? person.email},`);
      expect(mail!.parsed.text).toContain(
        'Rita Recruiter has asked you to interview Ada Lovelace for Staff Engineer at Acme Corp, as part of the panel.',
      );
      expect(mail!.parsed.text).toContain('Interviewers: Rita Recruiter, Pat Panel, Sam Outside, lee@example.com');
      for (const parsed of [parseWithIcalJs(icsAttachment(mail!)), parseWithPython(icsAttachment(mail!))]) {
        expect(parsed).toMatchObject({
          method: 'REQUEST',
          uid: synced.google!.iCalUID,
          sequence: synced.ics.sequence,
          start: synced.startUtc,
        });
        expect(parsed.attendees.map((a) => a.email)).toEqual([
          'mailto:ada@example.com',
          ...panel.map((p) => `mailto:${p.email}`),
        ]);
      }
    }
    // Recorded once the server's answer comes back, which can be after the sink holds the message.
    await eventually(() =>
      expect(services.interviews.get(interview.id).invitations.panel).toMatchObject(
        Object.fromEntries(panel.map((p) => [p.email, { state: 'sent', kind: 'invitation' }])),
      ),
    );

    await call('interviews:reschedule', {
      id: interview.id,
      date: utcDateAhead(4),
      time: '15:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(10));
    await call('interviews:cancel', interview.id);
    await eventually(() => expect(sink.received).toHaveLength(15));
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.received).toHaveLength(15);
    for (const address of everyone) {
      const invites = mailTo(address).map((m) => parseWithPython(icsAttachment(m)));
      expect(
        invites.map((i) => i.method),
        address,
      ).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
      expect(new Set(invites.map((i) => i.uid)).size).toBe(1);
      expect(invites[2]!.sequence).toBeGreaterThan(invites[1]!.sequence);
      expect(invites[1]!.sequence).toBeGreaterThan(invites[0]!.sequence);
    }
    expect(mailTo('pat@example.com').map((m) => m.parsed.subject)).toEqual([
      'Interview invitation: Staff Engineer at Acme Corp — Ada Lovelace',
      'New time for your interview: Staff Engineer at Acme Corp — Ada Lovelace',
      'Interview cancelled: Staff Engineer at Acme Corp — Ada Lovelace',
    ]);
    expect(services.interviews.get(interview.id).invitations.panel).toMatchObject(
      Object.fromEntries(panel.map((p) => [p.email, { state: 'sent', kind: 'cancellation' }])),
    );

    // Resend reaches one panelist only; someone not on the panel is refused in words.
    await call('mail:resend', { id: interview.id, recipient: 'panel:pat@example.com' });
    await eventually(() => expect(sink.received).toHaveLength(16));
    expect(sink.received.at(-1)!.envelope.to).toEqual(['pat@example.com']);
    const stranger = await dispatchCall(
      services.handlers,
      'mail:resend',
      { id: interview.id, recipient: 'panel:nobody@example.com' },
      createMemoryLogger(),
    );
    expect(!stranger.ok && stranger.error.message).toBe('This person is not on the interview’s panel.');
  });

  it("changing the panel later: the newcomer is invited, the one taken off gets a cancellation, everyone else an update naming the new panel; the event keeps guests' answers", async () => {
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(5),
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      notes: '',
      candidateMessage: 'Looking forward to it',
      coInterviewers: panel,
      acceptConflicts: true,
    });
    await eventually(() => expect(sink.received).toHaveLength(5));
    const eventId = eventIdFor(interview.id);
    g.calendar.respondAsAttendee(eventId, 'ada@example.com', 'accepted');
    const before = services.interviews.get(interview.id);

    const changed = await call<Interview>('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [panel[0], panel[2], { email: 'kim@example.com', name: 'Kim New' }],
      acceptConflicts: true,
    });
    expect(changed.coInterviewers.map((p) => p.email)).toEqual([
      'pat@example.com',
      'lee@example.com',
      'kim@example.com',
    ]);
    expect(changed.ics.sequence).toBe(before.ics.sequence + 1);
    // Kim's invitation, Sam's cancellation, and an update for each of the four who stay.
    await eventually(() => expect(sink.received).toHaveLength(11));
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.received).toHaveLength(11);
    for (const address of ['ada@example.com', 'recruiter@example.com', 'pat@example.com', 'lee@example.com']) {
      const update = mailTo(address).at(-1)!;
      const ics = parseWithPython(icsAttachment(update));
      // Same UID, the new SEQUENCE, the new guest list: no one's calendar still lists Sam.
      expect(ics).toMatchObject({ method: 'REQUEST', uid: before.google!.iCalUID, sequence: before.ics.sequence + 1 });
      expect(ics.attendees.map((a) => a.email)).toEqual([
        'mailto:ada@example.com',
        'mailto:pat@example.com',
        'mailto:lee@example.com',
        'mailto:kim@example.com',
      ]);
      expect(update.parsed.subject).toMatch(/^New interview panel: Staff Engineer/);
      expect(update.parsed.text).toContain(
        'New panel: Rita Recruiter, Pat Panel, lee@example.com, Kim New (was Rita Recruiter, Pat Panel, Sam Outside, lee@example.com)',
      );
      expect((update.parsed.text ?? '').match(/^Interviewers: /gm)).toHaveLength(1);
      expect(update.parsed.text).not.toMatch(/has moved|New time/);
    }
    expect(mailTo('ada@example.com').at(-1)!.parsed.text).toMatch(
      /The interviewers for your interview for the Staff Engineer position( at Acme Corp)? have changed. The time and the Meet link stay the same./,
    );
    const [toKim] = mailTo('kim@example.com');
    const [toSam] = mailTo('sam@other.org').slice(1);
    const kimInvite = parseWithPython(icsAttachment(toKim!));
    expect(kimInvite).toMatchObject({
      method: 'REQUEST',
      uid: before.google!.iCalUID,
      sequence: before.ics.sequence + 1,
    });
    expect(kimInvite.attendees.map((a) => a.email)).toEqual([
      'mailto:ada@example.com',
      'mailto:pat@example.com',
      'mailto:lee@example.com',
      'mailto:kim@example.com',
    ]);
    expect(toKim!.parsed.text).toContain('Hello Kim New,');
    // The recruiter's message is said to be theirs, not the panelist's.
    expect(toKim!.parsed.text).toContain("Rita Recruiter's message to the candidate:\nLooking forward to it");
    expect(toKim!.parsed.text).not.toContain('Your message to the candidate');
    expect(toKim!.parsed.text).toContain('Interviewers: Rita Recruiter, Pat Panel, lee@example.com, Kim New');
    const samCancel = parseWithPython(icsAttachment(toSam!));
    expect(samCancel).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: before.google!.iCalUID,
      sequence: before.ics.sequence + 1,
    });
    expect(toSam!.parsed.subject).toBe('No longer on the interview panel: Staff Engineer — Ada Lovelace');
    expect(toSam!.parsed.to).toMatchObject({ value: [{ address: 'sam@other.org', name: 'Sam Outside' }] });
    expect(toSam!.parsed.text).toContain('You are no longer on the panel for the interview with Ada Lovelace');
    // Sam's CANCEL uninvites Sam alone (RFC 5546), and Sam is not told who is on the panel now.
    expect(samCancel.attendees.map((a) => a.email)).toEqual(['mailto:sam@other.org']);
    expect(toSam!.parsed.text).not.toContain('Kim');
    expect(toSam!.parsed.text).toContain('Interviewer: Rita Recruiter');
    // Calendar: the guest list follows, and the candidate's answer is kept.
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    const guests = g.calendar.peek(eventId)!.attendees as Array<{ email: string; responseStatus?: string }>;
    expect(guests.map((a) => a.email)).toEqual([
      'ada@example.com',
      'recruiter@example.com',
      'pat@example.com',
      'lee@example.com',
      'kim@example.com',
    ]);
    expect(guests[0]!.responseStatus).toBe('accepted');
    // Guests read the description too: it names the new panel, not Sam.
    const description = String(g.calendar.peek(eventId)!.description);
    expect(description).toContain('Co-interviewer: Kim New <kim@example.com>');
    expect(description).not.toContain('sam@other.org');
    // The same panel again changes nothing.
    const same = await call<Interview>('interviews:setPanel', {
      id: interview.id,
      coInterviewers: changed.coInterviewers,
    });
    expect(same.ics.sequence).toBe(changed.ics.sequence);
    // Sam put back on the panel is invited again (the last thing Sam had was a cancellation).
    await call<Interview>('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [...changed.coInterviewers, panel[1]!],
      acceptConflicts: true,
    });
    // Sam's new invitation, and an update for the five who hold theirs.
    await eventually(() => expect(sink.received).toHaveLength(17));
    const samAgain = mailTo('sam@other.org').at(-1)!;
    expect(parseWithPython(icsAttachment(samAgain))).toMatchObject({ method: 'REQUEST', uid: before.google!.iCalUID });
    expect(mailTo('kim@example.com').at(-1)!.parsed.text).toContain(
      'New panel: Rita Recruiter, Pat Panel, lee@example.com, Kim New, Sam Outside (was Rita Recruiter, Pat Panel, lee@example.com, Kim New)',
    );
    // A later cancellation reaches the current panel only, once each.
    await call('interviews:cancel', interview.id);
    await eventually(() => expect(sink.received).toHaveLength(23));
    await new Promise((r) => setTimeout(r, 150));
    expect(
      sink.received
        .slice(17)
        .map((m) => m.envelope.to[0])
        .sort(),
    ).toEqual([
      'ada@example.com',
      'kim@example.com',
      'lee@example.com',
      'pat@example.com',
      'recruiter@example.com',
      'sam@other.org',
    ]);
  });

  it('a guest added in Calendar while the new panel is being written is kept: the write is conditional (If-Match) and read again', async () => {
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(6),
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      notes: '',
      candidateMessage: '',
      coInterviewers: panel,
      acceptConflicts: true,
    });
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    const eventId = eventIdFor(interview.id);
    // The recruiter adds a room in Calendar just as the app writes the new panel.
    g.faults.add({
      method: 'PATCH',
      path: eventId,
      before: () =>
        g.calendar.editAsUser(eventId, {
          attendees: [
            ...(g.calendar.peek(eventId)!.attendees as object[]),
            { email: 'room-4@resource.calendar.google.com', resource: true },
          ],
        }),
    });
    const patchesBefore = g.requests.filter((r) => r.method === 'PATCH' && r.path.includes(eventId)).length;
    await call<Interview>('interviews:setPanel', { id: interview.id, coInterviewers: [panel[0]] });
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    const guests = (g.calendar.peek(eventId)!.attendees as Array<{ email: string }>).map((a) => a.email);
    expect(guests).toContain('room-4@resource.calendar.google.com');
    expect(guests).toContain(panel[0]!.email);
    expect(guests).not.toContain(panel[1]!.email);
    // The first write met the changed event (412) and was made again on what Calendar held then.
    expect(g.requests.filter((r) => r.method === 'PATCH' && r.path.includes(eventId)).length - patchesBefore).toBe(2);

    // An event that keeps changing under the app: after three tries the panel waits for later, it is not failed.
    g.faults.add({
      method: 'PATCH',
      path: eventId,
      status: 412,
      reason: 'conditionNotMet',
      message: 'Precondition Failed',
      times: 3,
    });
    await call<Interview>('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [panel[0], { email: 'kim@example.com', name: 'Kim New' }],
      acceptConflicts: true,
    });
    await eventually(() =>
      expect(services.calendar.queue.all()[0]?.lastError ?? '').toMatch(/kept changing in Google Calendar/),
    );
    expect(services.interviews.get(interview.id).google?.state).toBe('pending');
  });

  it("with Google sending the invitations, a co-interviewer taken off leaves the event (Google emails them), others' guests kept", async () => {
    await call('settings:update', { googleSendsInvites: true });
    await call('account:connect');
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(7),
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      notes: '',
      candidateMessage: '',
      acceptConflicts: true,
      coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }, panel[0]],
    });
    await eventually(() => expect(services.interviews.get(interview.id).google?.state).toBe('synced'));
    const eventId = eventIdFor(interview.id);
    g.calendar.editAsUser(eventId, {
      attendees: [
        ...(g.calendar.peek(eventId)!.attendees as object[]),
        { email: 'room-4@resource.calendar.google.com', resource: true },
      ],
    });
    await call<Interview>('interviews:setPanel', { id: interview.id, coInterviewers: [panel[0]] });
    await eventually(() =>
      expect((g.calendar.peek(eventId)!.attendees as Array<{ email: string }>).map((a) => a.email)).not.toContain(
        'bob@example.com',
      ),
    );
    expect((g.calendar.peek(eventId)!.attendees as Array<{ email: string }>).map((a) => a.email)).toEqual([
      'ada@example.com',
      'recruiter@example.com',
      'pat@example.com',
      'room-4@resource.calendar.google.com',
    ]);
    // Google tells Bob (and everyone else) itself; the app sent no email at all.
    expect(
      g.requests.filter((r) => r.method === 'PATCH' && r.path.includes(eventId)).map((r) => r.query.sendUpdates),
    ).toEqual(['all']);
    expect(sink.received).toHaveLength(0);
  });

  it('a co-interviewer taken off while Google still creates the Meet leaves the event: the create that meets it (409) writes the guests', async () => {
    await call('account:connect');
    g.calendar.conferenceMode = 'pending';
    const bob = { email: 'bob@example.com', name: 'Bob Panel' };
    let id = '';
    // The recruiter takes Bob off while the first create waits for the Meet (its first look at the event).
    g.faults.add({
      method: 'GET',
      path: /\/events\/[a-v0-9]+$/,
      before: () => void services.commands.setPanel(id, [panel[0]]),
    });
    const interview = await call<Interview>('interviews:schedule', {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Staff Engineer',
      date: utcDateAhead(8),
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      notes: '',
      candidateMessage: '',
      acceptConflicts: true,
      coInterviewers: [bob, panel[0]],
    });
    id = interview.id;
    const eventId = eventIdFor(id);
    await eventually(() => expect(services.calendar.queue.all()).toEqual([]));
    expect(services.interviews.get(id).coInterviewers).toEqual([panel[0]]);
    expect((g.calendar.peek(eventId)!.attendees as Array<{ email: string }>).map((a) => a.email)).toEqual([
      'ada@example.com',
      'recruiter@example.com',
      'pat@example.com',
    ]);
    // The panel change raised SEQUENCE; the event carries it too, so invitations and Calendar agree.
    expect(g.calendar.peek(eventId)!.sequence).toBe(services.interviews.get(id).ics.sequence);
    await eventually(() => expect(mailTo('pat@example.com')).toHaveLength(1));
    expect(mailTo('bob@example.com')).toHaveLength(0);
  });

  it('refuses a panel the way the form words it: own address, the candidate, twice the same person, too many', async () => {
    await call('account:connect');
    const eventsBefore = g.calendar.all().length;
    const base = {
      candidateName: 'Ada Lovelace',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Engineer',
      date: utcDateAhead(3),
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 30,
      notes: '',
    };
    const refused = async (coInterviewers: unknown) => {
      const result = await dispatchCall(
        services.handlers,
        'interviews:schedule',
        { ...base, coInterviewers },
        createMemoryLogger(),
      );
      if (result.ok) throw new Error('accepted');
      return result.error.fields ?? [{ field: result.error.field, message: result.error.message }];
    };
    expect(await refused([{ email: 'recruiter@example.com' }])).toEqual([
      {
        field: 'coInterviewers.0.email',
        message: 'Co-interviewer email is your own address: you are on every interview already.',
      },
    ]);
    expect(await refused([{ email: 'pat@example.com' }, { email: 'ADA@example.com' }])).toEqual([
      {
        field: 'coInterviewers.1.email',
        message: "Co-interviewer email is the candidate's address: add a colleague here.",
      },
    ]);
    expect(await refused([{ email: 'pat@example.com' }, { email: 'pat@EXAMPLE.com' }])).toEqual([
      { field: 'coInterviewers.1.email', message: 'pat@example.com is already on the panel' },
    ]);
    expect(await refused([{ email: 'Pat <pat@example.com>' }])).toEqual([
      {
        field: 'coInterviewers.0.email',
        message: 'Co-interviewer email must be one plain address like name@example.com',
      },
    ]);
    expect(await refused(Array.from({ length: 9 }, (_, i) => ({ email: `p${i}@example.com` })))).toEqual([
      { field: 'coInterviewers', message: 'A panel can have at most 8 co-interviewers' },
    ]);
    expect(g.calendar.all()).toHaveLength(eventsBefore);
  });
});
