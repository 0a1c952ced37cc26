import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { startSmtpSink, type SmtpSink, type ReceivedMail } from '../../support/smtp-sink';
import { eventually, googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { calendarPart, icsAttachment } from '../../support/mail-harness';
import { parseWithIcalJs, parseWithPython, type ParsedInvite } from '../../support/ics-check';
import { loadEnvConfig } from '../../../main/config/env-config';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const pad = (n: number) => String(n).padStart(2, '0');
function form(days: number, extra: Record<string, unknown> = {}) {
  const d = new Date(Date.now() + days * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return {
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Staff Engineer',
    date,
    time: '10:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    acceptConflicts: true,
    ...extra,
  };
}

/** With Google connected the Calendar event is the meeting: every email, .ics, the room and the event agree. */
describe('one meeting for everyone (Google emulator + SMTP sink)', () => {
  let g: GoogleEmulator;
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  const schedule = async (extra: Record<string, unknown> = {}) => {
    const result = await call('interviews:schedule', form(3, extra));
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Interview;
  };
  const event = (id: string) => g.calendar.peek(eventIdFor(id))!;
  const mailsTo = (address: string): ReceivedMail[] => sink.received.filter((m) => m.envelope.to.includes(address));
  /** One message's invite, read by both parsers (the attachment and the inline calendar part). */
  const readInvites = (mail: ReceivedMail): ParsedInvite[] => [
    parseWithIcalJs(icsAttachment(mail)),
    parseWithPython(icsAttachment(mail)),
    parseWithIcalJs(calendarPart(mail)),
  ];
  /** The last message to each party announces exactly the Google event: its UID, SEQUENCE and Meet link. */
  const expectEveryoneHas = (interviewId: string, sequence: number) => {
    const googleEvent = event(interviewId);
    const link = String(googleEvent.hangoutLink);
    for (const address of ['ada@example.com', 'recruiter@example.com']) {
      const last = mailsTo(address).at(-1)!;
      for (const invite of readInvites(last))
        expect(invite).toMatchObject({
          method: 'REQUEST',
          uid: googleEvent.iCalUID,
          sequence,
          location: link,
          url: link,
        });
      expect(String(last.parsed.html)).toContain(`href="${link}"`);
      expect(last.parsed.text).toContain(link);
    }
    const room = services.interviews.get(interviewId);
    expect(room.meetLink).toBe(link);
    expect(room.google?.iCalUID).toBe(googleEvent.iCalUID);
    expect(room.ics.sequence).toBe(sequence);
    expect(Number(googleEvent.sequence)).toBe(sequence);
  };

  beforeAll(async () => {
    g = await startGoogleEmulator();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await g.close();
    await sink.close();
  });
  beforeEach(async () => {
    temp = makeTempDir();
    sink.received.length = 0;
    g.faults.clear();
    g.calendar.conferenceMode = 'success';
    g.calendar.allowMeet = true;
    services = googleServices(g, temp.dir, {
      keychainService: 'unused',
      secrets: memorySecretStore(),
      overrides: {
        config: loadEnvConfig({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
        tuning: { mail: { backoffMs: [30, 60, 90], maxAttempts: 4 } },
      },
    });
    expect((await call('account:connect')).ok).toBe(true);
  });
  afterEach(async () => {
    await services.dispose();
    temp.cleanup();
  });

  it("a pasted link becomes the event's conference; nobody is invited before the event exists; both get its link and UID", async () => {
    const pasted = 'https://meet.google.com/abc-defg-hij';
    g.faults.add({ method: 'POST', path: /\/events$/, delayMs: 1_500 });
    const interview = await schedule({ meetLink: pasted });
    await new Promise((r) => setTimeout(r, 900));
    // The insert is still on its way: both invitations are held, not sent.
    expect(g.calendar.peek(eventIdFor(interview.id))).toBeUndefined();
    expect(sink.received).toHaveLength(0);
    expect(services.interviews.get(interview.id).invitations).toMatchObject({
      candidate: { state: 'queued' },
      recruiter: { state: 'queued' },
    });
    await eventually(() => expect(sink.received).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.received).toHaveLength(2);
    // One meeting: the event carries the pasted link as its conference, and Google made no other.
    const googleEvent = event(interview.id);
    expect(googleEvent.hangoutLink).toBe(pasted);
    expect(googleEvent.location).toBe(pasted);
    expect(googleEvent.conferenceData).toMatchObject({
      conferenceId: 'abc-defg-hij',
      entryPoints: [{ entryPointType: 'video', uri: pasted }],
    });
    expect((googleEvent.conferenceData as Record<string, unknown>).createRequest).toBeUndefined();
    expectEveryoneHas(interview.id, 0);
  });

  it("without a pasted link, both wait for Google's Meet link and get the same one", async () => {
    g.calendar.conferenceMode = 'pending';
    g.calendar.pendingReads = 3;
    const interview = await schedule({ meetLink: '' });
    await eventually(() => expect(sink.received).toHaveLength(2));
    expectEveryoneHas(interview.id, 0);
  });

  it('a later link change (pasted in the room, or made in Google Calendar) updates everyone: same UID, higher SEQUENCE', async () => {
    const interview = await schedule({ meetLink: '' });
    await eventually(() => expect(sink.received).toHaveLength(2));
    const uid = event(interview.id).iCalUID;
    expectEveryoneHas(interview.id, 0);

    const pasted = 'https://meet.google.com/xyz-abcd-efg';
    expect((await call('interviews:setMeetLink', { id: interview.id, meetLink: pasted })).ok).toBe(true);
    await eventually(() => expect(sink.received).toHaveLength(4));
    expect(event(interview.id).hangoutLink).toBe(pasted);
    expect(event(interview.id).iCalUID).toBe(uid);
    expectEveryoneHas(interview.id, 1);
    expect(mailsTo('ada@example.com').at(-1)!.parsed.subject).toMatch(/^New Meet link for your interview/);
    // A link change says so, and does not claim the interview moved.
    expect(mailsTo('ada@example.com').at(-1)!.parsed.text).toContain(`New Meet link: ${pasted}`);
    expect(mailsTo('ada@example.com').at(-1)!.parsed.text).not.toMatch(/has moved|New time/);

    const fromGoogle = g.calendar.changeConferenceAsUser(eventIdFor(interview.id));
    expect((await call('google:syncNow')).ok).toBe(true);
    await eventually(() => expect(sink.received).toHaveLength(6));
    expect(services.interviews.get(interview.id).meetLink).toBe(fromGoogle);
    await eventually(() => expect(event(interview.id).sequence).toBe(2)); // the event agrees with the invites
    for (const address of ['ada@example.com', 'recruiter@example.com']) {
      const invites = mailsTo(address).map((m) => parseWithIcalJs(icsAttachment(m)));
      expect(invites.map((i) => [i.uid, i.sequence])).toEqual([
        [uid, 0],
        [uid, 1],
        [uid, 2],
      ]);
      expect(parseWithPython(icsAttachment(mailsTo(address).at(-1)!))).toMatchObject({
        uid,
        sequence: 2,
        location: fromGoogle,
        url: fromGoogle,
      });
    }

    // A reschedule: the update waits for Google's patch, then carries the event's time, link and SEQUENCE.
    expect((await call('interviews:reschedule', { id: interview.id, ...form(5, { time: '16:00' }) })).ok).toBe(true);
    await eventually(() => expect(sink.received).toHaveLength(8));
    expect((event(interview.id).start as { dateTime: string }).dateTime).toBe(
      services.interviews.get(interview.id).startUtc,
    );
    expectEveryoneHas(interview.id, 3);
  });

  it("Google cannot make a Meet: nothing goes out and the room says so; a pasted link or Retry sends everyone the event's meeting", async () => {
    g.calendar.conferenceMode = 'failure';
    const first = await schedule({ meetLink: '' });
    const second = await schedule({
      meetLink: '',
      candidateEmail: 'grace@example.com',
      candidateName: 'Grace Hopper',
      time: '15:00',
    });
    await eventually(() => expect(services.interviews.get(second.id).google?.state).toBe('failed'));
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.received).toHaveLength(0);
    expect(services.interviews.get(first.id).google?.error).toMatch(/Retry, or paste a Meet link/);

    // Paste: the link goes on the existing event, then both invitations go out with it.
    const pasted = 'https://meet.google.com/pqr-stuv-wxy';
    expect((await call('interviews:setMeetLink', { id: first.id, meetLink: pasted })).ok).toBe(true);
    await eventually(() => expect(sink.received).toHaveLength(2));
    expect(event(first.id).hangoutLink).toBe(pasted);
    expectEveryoneHas(first.id, 0);

    // Retry once Google can make Meets again: the same event gets a conference, then the invitations.
    g.calendar.conferenceMode = 'success';
    expect((await call('google:retry', second.id)).ok).toBe(true);
    await eventually(() => expect(sink.received).toHaveLength(4));
    expect(g.calendar.all().filter((e) => e.id === eventIdFor(second.id))).toHaveLength(1);
    const link = String(event(second.id).hangoutLink);
    expect(link).toMatch(/^https:\/\/meet\.google\.com\//);
    for (const address of ['grace@example.com', 'recruiter@example.com']) {
      const last = sink.received.filter((m) => m.envelope.to.includes(address)).at(-1)!;
      expect(parseWithPython(icsAttachment(last))).toMatchObject({
        uid: event(second.id).iCalUID,
        location: link,
        sequence: 0,
      });
    }
  });
});
