import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { eventually } from '../../support/google-harness';
import { calendarPart, icsAttachment, mimeOutline } from '../../support/mail-harness';
import { parseWithIcalJs, parseWithPython } from '../../support/ics-check';
import { loadEnvConfig } from '../../../main/config/env-config';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { attentionReason } from '../../../preload/shared/rules/interview-attention';
import { deliveryLine } from '../../../renderer/interview-room/delivery-words';

/** A time as the candidate (Asia/Kolkata) reads it in an email. */
const zoned = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Kolkata',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(Date.parse(iso));
/** The recruiter's private note: it must never be in anything the SMTP server receives. */
const privateNote = 'Internal: salary expectations too high?';
const pad = (n: number) => String(n).padStart(2, '0');
export function form(days: number, extra: Record<string, unknown> = {}) {
  const d = new Date(Date.now() + days * 86_400_000);
  return {
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    jobTitle: 'Staff Engineer',
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: '10:00',
    timeZone: 'Europe/Berlin',
    candidateTimeZone: 'Asia/Kolkata',
    durationMinutes: 45,
    notes: privateNote,
    candidateMessage: 'Please bring a laptop.',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    ...extra,
  };
}

describe('invitations over real SMTP', () => {
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  // How far this test has moved the clock past the real one (an interview's time passing).
  let later = 0;
  const start = () => {
    later = 0;
    services = servicesFor(temp.dir, {
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
      clock: { now: () => Date.now() + later },
      tuning: { mail: { backoffMs: [30, 60, 90], maxAttempts: 4 } },
    });
    return services;
  };
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  beforeEach(async () => {
    temp = makeTempDir();
    sink.received.length = 0;
    sink.faults.length = 0;
    start();
    await call('settings:update', {
      recruiterName: 'Rita Recruiter',
      recruiterEmail: 'rita@example.com',
      companyName: 'Acme Corp',
      brandColor: '#0b8043',
      signOff: 'Best of luck!',
    });
  });
  afterEach(async () => {
    // Every message of every test, in every part (raw MIME, decoded text, HTML, attachments): never the private note.
    for (const mail of sink.received) {
      const parts = [
        mail.raw,
        mail.parsed.subject ?? '',
        mail.parsed.text ?? '',
        String(mail.parsed.html || ''),
        ...mail.parsed.attachments.map((a) => a.content.toString('utf8')),
      ];
      for (const part of parts) expect(part).not.toContain('salary');
    }
    await services.dispose();
    temp.cleanup();
  });

  const schedule = async (extra: Record<string, unknown> = {}) => {
    const result = await call('interviews:schedule', form(3, extra));
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Interview;
  };
  const byRecipient = (address: string) => sink.received.filter((m) => m.envelope.to.includes(address));
  /** The server is gone: the outbox met it closed and paused, so nothing is on its way while the test changes things. */
  const pausedByClosedServer = async () => {
    await eventually(() =>
      expect(services.outbox.items().some((i) => /cannot be reached/.test(i.reason ?? ''))).toBe(true),
    );
    await new Promise((r) => setTimeout(r, 50));
  };

  it('schedule sends exactly one invitation to each party, as a real calendar invitation', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.received).toHaveLength(2);
    const [candidate] = byRecipient('ada@example.com');
    const [recruiter] = byRecipient('rita@example.com');
    for (const mail of [candidate!, recruiter!]) {
      expect(mimeOutline(mail.raw).map((t) => t.split(';')[0])).toEqual([
        'multipart/mixed',
        'multipart/alternative',
        'text/plain',
        'text/html',
        'text/calendar',
        'application/ics',
      ]);
      expect(mimeOutline(mail.raw).find((t) => t.startsWith('text/calendar'))).toMatch(/method=REQUEST/);
      expect(mail.parsed.from?.value[0]).toMatchObject({ address: 'rita@example.com', name: 'Rita Recruiter' });
      expect(mail.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@interview-desk\.app>$/);
      const ics = icsAttachment(mail);
      for (const parsed of [parseWithIcalJs(ics), parseWithPython(ics), parseWithIcalJs(calendarPart(mail))]) {
        expect(parsed).toMatchObject({
          method: 'REQUEST',
          vevents: 1,
          uid: `${interview.id}@interview-desk.app`,
          sequence: 0,
          status: 'CONFIRMED',
          start: interview.startUtc,
          location: 'https://meet.google.com/abc-defg-hij',
        });
        expect(parsed.end).toBe(new Date(Date.parse(interview.startUtc) + 45 * 60_000).toISOString());
        expect(parsed.organizer).toBe('mailto:rita@example.com');
        expect(parsed.attendees).toEqual([
          { email: 'mailto:ada@example.com', rsvp: 'TRUE', partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
        ]);
      }
    }
    expect(candidate!.parsed.to).toMatchObject({ value: [{ address: 'ada@example.com', name: 'Ada Lovelace' }] });
    expect(candidate!.parsed.subject).toBe('Interview invitation: Staff Engineer at Acme Corp');
    expect(candidate!.parsed.replyTo?.value[0]?.address).toBe('rita@example.com');
    expect(recruiter!.parsed.subject).toBe('Interview invitation: Staff Engineer at Acme Corp — Ada Lovelace');
    // The candidate sees their own zone; the recruiter sees both.
    expect(candidate!.parsed.text).toMatch(/India Standard Time \(Asia\/Kolkata\)/);
    expect(candidate!.parsed.text).toMatch(/14:30/);
    expect(recruiter!.parsed.text).toMatch(/Central European Standard Time \(Europe\/Berlin\)/);
    expect(recruiter!.parsed.text).toMatch(/Candidate's time: .*14:30/);
    // Links: Meet, the candidate's join deep link, the device check, how to reschedule.
    const html = String(candidate!.parsed.html);
    const decoded = html.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
    expect(html).toContain('href="https://meet.google.com/abc-defg-hij"');
    expect(decoded).toContain(
      `href="interview-desk://join?meet=abc-defg-hij&start=${encodeURIComponent(interview.startUtc)}&duration=45&title=Staff+Engineer+interview"`,
    );
    expect(html).toContain('href="interview-desk://device-check"');
    expect(html).toContain('href="mailto:rita@example.com"');
    expect(String(recruiter!.parsed.html)).toContain(`href="interview-desk://interview/${interview.id}"`);
    // Branding from Settings, CSS inlined (no <style> left for clients that drop it).
    expect(html).toContain('Acme Corp');
    expect(html).toContain('Best of luck!');
    expect(html).toMatch(/style="[^"]*#0b8043/);
    expect(html).not.toContain('<style');
    expect(services.interviews.get(interview.id).invitations).toMatchObject({
      candidate: { state: 'sent' },
      recruiter: { state: 'sent' },
    });
    fs.mkdirSync('tests/artifacts/email', { recursive: true });
    fs.writeFileSync('tests/artifacts/email/invitation-candidate.html', html);
    fs.writeFileSync('tests/artifacts/email/invitation-recruiter.html', String(recruiter!.parsed.html));
  });

  it('reschedule sends updates (SEQUENCE 1), cancel sends cancellations (SEQUENCE 2, METHOD:CANCEL), same UID', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    await call('interviews:reschedule', { id: interview.id, ...form(4, { time: '15:00' }) });
    await eventually(() => expect(sink.received).toHaveLength(4));
    await call('interviews:cancel', interview.id);
    await eventually(() => expect(sink.received).toHaveLength(6));
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.received).toHaveLength(6);
    const candidateMails = byRecipient('ada@example.com');
    const invites = candidateMails.map((m) => parseWithPython(icsAttachment(m)));
    expect(invites.map((i) => [i.method, i.sequence, i.status])).toEqual([
      ['REQUEST', 0, 'CONFIRMED'],
      ['REQUEST', 1, 'CONFIRMED'],
      ['CANCEL', 2, 'CANCELLED'],
    ]);
    expect(new Set(invites.map((i) => i.uid)).size).toBe(1);
    const moved = services.interviews.get(interview.id);
    expect(invites[1]!.start).toBe(new Date(Date.parse(moved.startUtc)).toISOString());
    expect(candidateMails.map((m) => m.parsed.subject)).toEqual([
      'Interview invitation: Staff Engineer at Acme Corp',
      'New time for your interview: Staff Engineer at Acme Corp',
      'Interview cancelled: Staff Engineer at Acme Corp',
    ]);
    // The update says what changed, in the candidate's zone (10:00 Berlin is 14:30 Kolkata; 15:00 is 19:30).
    expect(candidateMails[1]!.parsed.text).toContain(
      `New time: ${zoned(moved.startUtc)} (was ${zoned(interview.startUtc)})`,
    );
    expect(candidateMails[1]!.parsed.text).toMatch(/19:30 \(was .* 14:30\)/);
    // The message to the candidate is in the invitation and the update, not in the cancellation.
    expect(candidateMails.map((m) => m.parsed.text?.includes('Please bring a laptop.'))).toEqual([true, true, false]);
    const cancellation = candidateMails[2]!;
    expect(String(cancellation.parsed.html)).not.toContain('meet.google.com');
    expect(icsAttachment(cancellation)).not.toContain('meet.google.com');
    expect(icsAttachment(cancellation).replace(/\r\n /g, '')).toContain(
      'Questions? Contact Rita Recruiter at rita@example.com.',
    );
    expect(cancellation.parsed.text).not.toMatch(/Need a different time|Best of luck|adds this interview/);
    expect(cancellation.parsed.text).toContain('Questions? Contact Rita Recruiter at rita@example.com.');
    expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
      state: 'sent',
      kind: 'cancellation',
    });
    expect(mimeOutline(candidateMails[2]!.raw).find((t) => t.startsWith('text/calendar'))).toMatch(/method=CANCEL/);
    fs.mkdirSync('tests/artifacts/email', { recursive: true });
    fs.writeFileSync('tests/artifacts/email/update-candidate.html', String(candidateMails[1]!.parsed.html));
    fs.writeFileSync('tests/artifacts/email/cancellation-candidate.html', String(candidateMails[2]!.parsed.html));
  });

  it('after its time, nothing more is sent about an interview: Resend and a panel change are refused in words; a cancel is only recorded', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    // A move made in Google Calendar that was never sent is left over: once the time is over, the
    // answer is that it ended, never "use Send update" (which would refuse it for the same reason).
    services.commands.updateQuietly(interview.id, (i) => ({
      ...i,
      google: {
        eventId: 'evt-ended',
        state: 'synced',
        calendarChange: {
          kind: 'moved',
          at: new Date().toISOString(),
          was: { startUtc: i.startUtc, durationMinutes: 30 },
        },
      },
    }));
    later = 4 * 86_400_000;
    const ended = { code: 'invalid_input', message: 'This interview has ended, so there is nothing to send.' };
    const resend = await call('mail:resend', { id: interview.id, recipient: 'candidate' });
    expect(resend).toMatchObject({ ok: false, error: ended });
    expect(await call('interviews:sendCalendarChange', interview.id)).toMatchObject({ ok: false, error: ended });
    const panel = await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com' }],
    });
    expect(panel).toMatchObject({
      ok: false,
      error: { message: 'This interview has ended, so its panel can no longer change.' },
    });
    const cancelled = await call('interviews:cancel', interview.id);
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received).toHaveLength(2);
  });

  it('"Send test email" reaches the recruiter through the configured server', async () => {
    const result = await call('mail:sendTest');
    expect(result).toMatchObject({
      ok: true,
      value: {
        response: expect.stringMatching(/250/),
        to: 'Rita Recruiter <rita@example.com>',
        transport: `the SMTP server 127.0.0.1:${sink.port} (set when Interview Desk was started)`,
      },
    });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.envelope.to).toEqual(['rita@example.com']);
    expect(sink.received[0]!.parsed.subject).toBe('Interview Desk test email (Acme Corp)');
  });

  it('"Send test email" explains a refusal', async () => {
    sink.faults.push({ kind: 'permanent', message: 'Relay denied' });
    expect(await call('mail:sendTest')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not sent: 550 Relay denied/) },
    });
  });

  it('no invitation goes out without a Meet link; pasting one sends it', async () => {
    const interview = await schedule({ meetLink: '' });
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.received).toHaveLength(0);
    await call('interviews:setMeetLink', { id: interview.id, meetLink: 'https://meet.google.com/xyz-abcd-efg' });
    await eventually(() => expect(sink.received).toHaveLength(2));
    expect(parseWithIcalJs(icsAttachment(sink.received[0]!)).location).toBe('https://meet.google.com/xyz-abcd-efg');
  });

  it('a temporary refusal is retried and ends sent exactly once', async () => {
    sink.faults.push({ kind: 'temporary' }, { kind: 'temporary' });
    const interview = await schedule();
    await eventually(
      () =>
        expect(services.interviews.get(interview.id).invitations).toMatchObject({
          candidate: { state: 'sent' },
          recruiter: { state: 'sent' },
        }),
      8_000,
    );
    expect(sink.received).toHaveLength(2);
    expect(new Set(sink.received.map((m) => m.parsed.messageId)).size).toBe(2);
  });

  it("a permanent refusal is marked failed with the server's reason; Resend sends it", async () => {
    sink.faults.push({ kind: 'permanent', message: 'Mailbox ada@example.com does not exist' });
    const interview = await schedule();
    await eventually(() =>
      expect(
        [
          services.interviews.get(interview.id).invitations.candidate.state,
          services.interviews.get(interview.id).invitations.recruiter.state,
        ].sort(),
      ).toEqual(['failed', 'sent']),
    );
    const failed = (['candidate', 'recruiter'] as const).find(
      (r) => services.interviews.get(interview.id).invitations[r].state === 'failed',
    )!;
    expect(services.interviews.get(interview.id).invitations[failed].reason).toMatch(/does not exist/);
    expect(services.interviews.list()[0]!.attention).toMatch(/Invitation to the .* failed/);
    expect((await call('mail:resend', { id: interview.id, recipient: failed })).ok).toBe(true);
    await eventually(() => expect(services.interviews.get(interview.id).invitations[failed].state).toBe('sent'));
    expect(sink.received).toHaveLength(2);
  });

  it('a connection cut after the whole message reached the server is never sent again on its own: the room says it may have been sent, with Resend', async () => {
    // The server reads the whole message, then drops the line without answering: it may have delivered it.
    sink.faults.push({ kind: 'drop' });
    const interview = await schedule();
    const states = () =>
      (['candidate', 'recruiter'] as const).map((r) => services.interviews.get(interview.id).invitations[r].state);
    await eventually(() => expect([...states()].sort()).toEqual(['failed', 'sent']), 8_000);
    await new Promise((r) => setTimeout(r, 300)); // several backoff periods: nothing is retried meanwhile
    expect(sink.received).toHaveLength(1);
    const unsure = (['candidate', 'recruiter'] as const).find(
      (r) => services.interviews.get(interview.id).invitations[r].state === 'failed',
    )!;
    const name = unsure === 'candidate' ? 'Ada Lovelace' : 'you';
    expect(deliveryLine(services.interviews.get(interview.id), unsure, 'UTC', Date.now())).toMatch(
      new RegExp(
        `^Invitation to ${name} failed: The connection to the mail server broke after the whole message had gone to it; it may have been sent\\. Check your Sent folder before resending\\.`,
      ),
    );
    expect(services.outbox.items().find((i) => i.recipient === unsure)).toMatchObject({ state: 'failed', attempts: 1 });
    // The person decides: Resend sends it once more.
    expect((await call('mail:resend', { id: interview.id, recipient: unsure })).ok).toBe(true);
    await eventually(() => expect(sink.received).toHaveLength(2));
    expect(new Set(sink.received.map((m) => m.envelope.to[0])).size).toBe(2);
  });

  it('the server is down across a restart: nothing is lost, each message is sent once when it is back', async () => {
    const port = sink.port;
    await sink.close();
    const interview = await schedule();
    // Not the message's fault: the outbox pauses, no attempt is spent.
    await eventually(() =>
      expect(
        services.outbox.items().every((i) => i.state === 'queued' && /cannot be reached/.test(i.reason ?? '')),
      ).toBe(true),
    );
    expect(services.outbox.items().map((i) => i.attempts)).toEqual([0, 0]);
    expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
      state: 'queued',
      reason: expect.stringMatching(/^Paused: The mail server cannot be reached/),
    });
    await services.dispose();
    sink = await startSmtpSink({ port });
    start();
    expect(services.outbox.items()).toHaveLength(2);
    await eventually(() => expect(sink.received).toHaveLength(2), 8_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received).toHaveLength(2);
    expect(services.outbox.items().map((i) => i.state)).toEqual(['sent', 'sent']);
  });

  it('the server is down: the outbox pauses, changes meanwhile do not try it again, and it sends when the server is back', async () => {
    const port = sink.port;
    await sink.close();
    const interview = await schedule();
    await eventually(() =>
      expect(services.outbox.items().every((i) => /cannot be reached/.test(i.reason ?? ''))).toBe(true),
    );
    const tried = () => services.outbox.items().filter((i) => /cannot be reached/.test(i.reason ?? '')).length;
    await call('interviews:reschedule', { id: interview.id, ...form(6, { time: '12:00' }) });
    await schedule({ candidateEmail: 'grace@example.com', candidateName: 'Grace Hopper' });
    await new Promise((r) => setTimeout(r, 200));
    // Paused: the new messages wait without a try of their own (one look a minute, or at a settings change).
    expect(services.outbox.items()).toHaveLength(4);
    expect(tried()).toBe(2);
    expect(services.outbox.items().every((i) => i.state === 'queued' && i.attempts === 0)).toBe(true);
    sink = await startSmtpSink({ port });
    await call('settings:update', { signOff: 'Thanks!' });
    await eventually(() => expect(services.outbox.items().every((i) => i.state === 'sent')).toBe(true), 8_000);
    expect(sink.received).toHaveLength(4);
  });

  it("a reschedule during an invitation's send is not lost: the update follows", async () => {
    sink.faults.push({ kind: 'slow', ms: 400 });
    const interview = await schedule();
    await new Promise((r) => setTimeout(r, 100)); // the first invitation is on the wire now
    await call('interviews:reschedule', { id: interview.id, ...form(6, { time: '12:00' }) });
    await eventually(() => expect(services.outbox.items().every((i) => i.state === 'sent')).toBe(true), 8_000);
    const kinds = sink.received.map((m) => `${m.envelope.to[0]} ${parseWithIcalJs(icsAttachment(m)).sequence}`).sort();
    // Whoever got the old invitation also gets the update; the other gets one invitation with the new time.
    const moved = services.interviews.get(interview.id);
    for (const m of sink.received) expect([0, 1]).toContain(parseWithIcalJs(icsAttachment(m)).sequence);
    const last = (to: string) => sink.received.filter((m) => m.envelope.to[0] === to).at(-1)!;
    expect(parseWithIcalJs(icsAttachment(last('ada@example.com'))).start).toBe(moved.startUtc);
    expect(parseWithIcalJs(icsAttachment(last('rita@example.com'))).start).toBe(moved.startUtc);
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    expect(kinds.length).toBeLessThanOrEqual(3);
  });

  it('the next message is handed over while the server holds the one before: a cancel then cannot pull it back, and follows it', async () => {
    sink.faults.push({ kind: 'slow', ms: 400 });
    const interview = await schedule();
    // The candidate's invitation is with the server; the recruiter's was composed and handed over
    // behind it on the same connection as soon as the first had left.
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.received).toHaveLength(0);
    await call('interviews:cancel', interview.id);
    await eventually(
      () =>
        expect(services.outbox.items().length > 0 && services.outbox.items().every((i) => i.state === 'sent')).toBe(
          true,
        ),
      8_000,
    );
    await new Promise((r) => setTimeout(r, 100));
    for (const address of ['ada@example.com', 'rita@example.com']) {
      // Each person: the invitation, then its cancellation (same UID, higher SEQUENCE): never left holding a cancelled interview.
      const mine = byRecipient(address).map((m) => parseWithIcalJs(icsAttachment(m)));
      expect(mine.map((ics) => ics.method)).toEqual(['REQUEST', 'CANCEL']);
      expect(mine[1]!.sequence).toBeGreaterThan(mine[0]!.sequence);
      expect(new Set(mine.map((ics) => ics.uid)).size).toBe(1);
    }
    expect(new Set(sink.received.map((m) => m.parsed.messageId)).size).toBe(4);
  });

  it('a message that cannot be written is marked failed with the reason, and the rest of the drain goes on', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    // Nobody of that address is on the panel: there is no one to write to, now or on a retry.
    services.outbox.enqueue(interview.id, 'reminder', ['panel:ghost@example.com', 'candidate']);
    await services.outbox.drain();
    await eventually(() => expect(sink.received).toHaveLength(3));
    const ghost = services.outbox.items().find((i) => i.recipient === 'panel:ghost@example.com')!;
    expect(ghost).toMatchObject({
      state: 'failed',
      attempts: 1,
      reason: 'This co-interviewer is no longer on the panel.',
    });
    expect(sink.received.at(-1)!.envelope.to).toEqual(['ada@example.com']);
  });

  it('without a sender address every message waits, none is failed for it, and each goes once an address is set', async () => {
    const port = sink.port;
    await sink.close();
    const interview = await schedule();
    await eventually(() =>
      expect(
        services.outbox.items().every((i) => i.state === 'queued' && /cannot be reached/.test(i.reason ?? '')),
      ).toBe(true),
    );
    const cleared = await call('settings:update', { recruiterEmail: '' });
    expect(cleared.ok).toBe(true);
    sink = await startSmtpSink({ port });
    const attempts = services.outbox.items().map((i) => i.attempts);
    later = 60_000;
    await services.outbox.drain();
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received).toEqual([]);
    expect(services.outbox.items().map((i) => [i.state, i.attempts])).toEqual(attempts.map((n) => ['queued', n]));
    expect(services.interviews.get(interview.id).invitations.candidate.state).toBe('queued');
    await call('settings:update', { recruiterEmail: 'rita@example.com' });
    await services.outbox.drain();
    await eventually(() => expect(sink.received).toHaveLength(2));
    expect(services.outbox.items().map((i) => i.state)).toEqual(['sent', 'sent']);
  });

  it('an invitation that may have been sent, cut off after a cancel was queued: the cancellation still goes', async () => {
    sink.faults.push({ kind: 'drop', afterMs: 400 });
    const interview = await schedule();
    await new Promise((r) => setTimeout(r, 150)); // Ada's invitation is with the server now
    await call('interviews:cancel', interview.id);
    await eventually(
      () =>
        expect(byRecipient('ada@example.com').map((m) => parseWithIcalJs(icsAttachment(m)).method)).toEqual(['CANCEL']),
      8_000,
    );
    expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
      state: 'sent',
      kind: 'cancellation',
    });
  });

  it('a handed-over message refused for now after a cancel was queued is not retried behind it; nothing is cancelled that never arrived', async () => {
    sink.faults.push({ kind: 'slow', ms: 400 }, { kind: 'temporary' });
    const interview = await schedule();
    await new Promise((r) => setTimeout(r, 150));
    await call('interviews:cancel', interview.id);
    await eventually(() => expect(services.outbox.items().every((i) => i.state === 'sent')).toBe(true), 8_000);
    await new Promise((r) => setTimeout(r, 200));
    // Ada had the invitation, so she gets its cancellation; Rita's invitation never went out, so she gets nothing.
    expect(byRecipient('ada@example.com').map((m) => parseWithIcalJs(icsAttachment(m)).method)).toEqual([
      'REQUEST',
      'CANCEL',
    ]);
    expect(byRecipient('rita@example.com')).toEqual([]);
    expect(services.interviews.get(interview.id).invitations.recruiter.state).toBe('none');
  });

  it('stopping while a message is with the server: its outcome is recorded, the one handed over behind it is withdrawn, and each goes out once', async () => {
    sink.faults.push({ kind: 'slow', ms: 400 });
    await schedule();
    await new Promise((r) => setTimeout(r, 150));
    await services.dispose();
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.received.map((m) => m.envelope.to[0])).toEqual(['ada@example.com']);
    expect(services.outbox.items().map((i) => i.state)).toEqual(['sent', 'queued']);
    start();
    await eventually(() => expect(sink.received).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received.map((m) => m.envelope.to[0]).sort()).toEqual(['ada@example.com', 'rita@example.com']);
  });

  it('a panel changed and changed back before the update went out: no update at all, and the room says what was last sent', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    // The server goes away with long pauses between retries: nothing is on its way while the panel changes.
    await services.dispose();
    services = servicesFor(temp.dir, {
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
      clock: { now: () => Date.now() + later },
      tuning: { mail: { backoffMs: [60_000] } },
    });
    const port = sink.port;
    await sink.close();
    await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    });
    await pausedByClosedServer();
    await call('interviews:setPanel', { id: interview.id, coInterviewers: [] });
    sink = await startSmtpSink({ port });
    later = 61_000;
    await services.outbox.drain();
    await eventually(() => expect(services.outbox.items().filter((i) => i.state === 'queued')).toEqual([]));
    await new Promise((r) => setTimeout(r, 200));
    // Pat never got the invitation, so no notice either; Ada and Rita hold what is true again.
    expect(sink.received).toEqual([]);
    expect(services.interviews.get(interview.id).invitations.candidate).toMatchObject({
      state: 'sent',
      kind: 'invitation',
    });
    expect(services.interviews.get(interview.id).invitations.recruiter).toMatchObject({
      state: 'sent',
      kind: 'invitation',
    });
  });

  it('taken off the panel and put back before the notice went out: the notice is dropped, never sent after the fact', async () => {
    const interview = await schedule({ coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }] });
    await eventually(() => expect(sink.received).toHaveLength(3));
    await services.dispose();
    services = servicesFor(temp.dir, {
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
      clock: { now: () => Date.now() + later },
      tuning: { mail: { backoffMs: [60_000] } },
    });
    const port = sink.port;
    await sink.close();
    await call('interviews:setPanel', { id: interview.id, coInterviewers: [] });
    await pausedByClosedServer();
    await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    });
    sink = await startSmtpSink({ port });
    later = 61_000;
    await services.outbox.drain();
    await eventually(() => expect(services.outbox.items().filter((i) => i.state === 'queued')).toEqual([]));
    await new Promise((r) => setTimeout(r, 200));
    // Pat hears nothing of being taken off; everyone's copy is current again, so no one else hears anything either.
    expect(sink.received.filter((m) => parseWithIcalJs(icsAttachment(m)).method === 'CANCEL')).toEqual([]);
    expect(byRecipient('ada@example.com')).toEqual([]);
  });

  it('an update supersedes a still-queued invitation; a cancel before anything was sent sends nothing', async () => {
    // Long pauses between retries: nothing is mid-send while the changes arrive.
    await services.dispose();
    services = servicesFor(temp.dir, {
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
      tuning: { mail: { backoffMs: [60_000] } },
    });
    await sink.close();
    const interview = await schedule();
    await pausedByClosedServer();
    await call('interviews:reschedule', { id: interview.id, ...form(5, { time: '16:00' }) });
    expect(
      services.outbox
        .items()
        .filter((i) => i.state === 'queued')
        .map((i) => i.kind),
    ).toEqual(['invitation', 'invitation']);
    await call('interviews:cancel', interview.id);
    expect(services.outbox.items()).toEqual([]);
    sink = await startSmtpSink();
  });

  it('a move and then a panel change before the update goes out: one update each, saying both, with what they were told before', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    // The server goes away with long pauses between retries: both changes find the first update unsent.
    await services.dispose();
    services = servicesFor(temp.dir, {
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
      tuning: { mail: { backoffMs: [60_000] } },
    });
    const port = sink.port;
    await sink.close();
    await call('interviews:reschedule', { id: interview.id, ...form(4, { time: '15:00' }) });
    await pausedByClosedServer();
    await call('interviews:setPanel', {
      id: interview.id,
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    });
    // The outbox stays paused on the closed port: nothing is on its way when the server returns.
    sink = await startSmtpSink({ port });
    await services.dispose();
    start();
    // A minute later: the retry is due.
    later = 61_000;
    await services.outbox.drain();
    await eventually(() => expect(sink.received.length).toBeGreaterThanOrEqual(3), 8_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received).toHaveLength(3);
    const toAda = byRecipient('ada@example.com');
    expect(toAda).toHaveLength(1);
    expect(toAda[0]!.parsed.text).toMatch(/New time: .* at 19:30 \(was .* at 14:30\)/);
    expect(toAda[0]!.parsed.text).toContain('New panel: Rita Recruiter, Pat Panel (was Rita Recruiter)');
    expect(byRecipient('rita@example.com')).toHaveLength(1);
    // The newcomer gets the invitation itself, not an update.
    expect(parseWithIcalJs(icsAttachment(byRecipient('pat@example.com')[0]!)).method).toBe('REQUEST');
    expect(byRecipient('pat@example.com')[0]!.parsed.subject).toMatch(/^Interview invitation/);
  });

  it('two moves before the update goes out: one update, and its "was" is the time the candidate was told', async () => {
    const interview = await schedule();
    await eventually(() => expect(sink.received).toHaveLength(2));
    await services.dispose();
    // Refusals keep the first update waiting (long pause) while the second move arrives.
    services = servicesFor(temp.dir, {
      config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) },
      tuning: { mail: { backoffMs: [300, 300] } },
    });
    sink.faults.push({ kind: 'temporary' }, { kind: 'temporary' });
    await call('interviews:reschedule', { id: interview.id, ...form(4, { time: '15:00' }) });
    await eventually(() =>
      expect(services.outbox.items().filter((i) => i.kind === 'update' && i.attempts >= 1)).toHaveLength(2),
    );
    await call('interviews:reschedule', { id: interview.id, ...form(5, { time: '16:00', durationMinutes: 60 }) });
    await eventually(() => expect(sink.received).toHaveLength(4), 8_000);
    const update = byRecipient('ada@example.com')[1]!;
    const moved = services.interviews.get(interview.id);
    expect(update.parsed.text).toContain(`New time: ${zoned(moved.startUtc)} (was ${zoned(interview.startUtc)})`);
    expect(update.parsed.text).toContain('New length: 60 minutes (was 45 minutes)');
  });

  it("a candidate's saved interview: resend, reschedule, cancel and a new Meet link are refused in plain words, nothing is sent and nothing needs attention", async () => {
    const start = new Date(Date.now() + 2 * 86_400_000).toISOString();
    // A join link saves only once the person agrees (deeplink:open shows a preview first).
    const opened = await call(
      'deeplink:confirmJoin',
      `interview-desk://join?meet=abc-defg-hij&start=${encodeURIComponent(start)}&duration=45&title=Staff+Engineer+interview`,
    );
    if (!opened.ok) throw new Error(opened.error.message);
    const id = (opened.value as { id: string }).id;
    const saved = services.interviews.get(id);
    expect(saved).toMatchObject({ origin: 'candidate', durationMinutes: 45 });
    expect(saved.lengthUnknown).toBeUndefined();

    const resend = await call('mail:resend', { id, recipient: 'candidate' });
    expect(resend).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/invitation you received.*no emails to send/),
        field: 'id',
      },
    });
    const reschedule = await call('interviews:reschedule', { id, ...form(3), durationMinutes: 45 });
    expect(reschedule.ok ? '' : reschedule.error.message).toMatch(/Only your interviewer can move this interview/);
    const cancel = await call('interviews:cancel', id);
    expect(cancel.ok ? '' : cancel.error.message).toMatch(
      /Only your interviewer can cancel.*remove it from this computer/,
    );
    const link = await call('interviews:setMeetLink', { id, meetLink: 'https://meet.google.com/xyz-wxyz-xyz' });
    expect(link.ok).toBe(false);

    // Give a wrongly queued message time to fail: nothing was queued, nothing arrived, no "Needs attention".
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = services.interviews.get(id);
    expect(services.outbox.items()).toEqual([]);
    expect(sink.received).toEqual([]);
    expect(after.invitations).toEqual(saved.invitations);
    expect(attentionReason(after)).toBeUndefined();
    expect(after).toMatchObject({
      status: 'scheduled',
      startUtc: saved.startUtc,
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });

    // What a candidate can do: keep their own notes (validated like private notes) and remove the copy.
    const notes = await call('candidate:setNotes', { id, notes: '  Ask about the on-call rota\r\nBring questions  ' });
    expect(notes.ok && (notes.value as Interview).notes).toBe('Ask about the on-call rota\nBring questions');
    const hostile = await call('candidate:setNotes', { id, notes: 'a\u202eb' });
    expect(hostile.ok ? '' : hostile.error.message).toMatch(/Your notes contains invisible control characters/);
    expect(services.interviews.get(id).notes).toBe('Ask about the on-call rota\nBring questions');
    expect(await call('candidate:remove', id)).toEqual({ ok: true, value: null });
    expect(services.interviews.list()).toEqual([]);
  });

  it("a recruiter's interview cannot be removed silently or given candidate notes", async () => {
    const scheduled = await call('interviews:schedule', form(2));
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const id = (scheduled.value as Interview).id;
    expect((await call('candidate:remove', id)).ok).toBe(false);
    expect((await call('candidate:setNotes', { id, notes: 'x' })).ok).toBe(false);
    expect(services.interviews.get(id).notes).toBe(privateNote);
  });
});
