import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { composeInterviewMessage } from '../../../main/mail/compose-message';
import { composeRaw } from '../../../main/mail/mail-transport';
import { createEmailRenderer } from '../../../main/mail/render-email';
import { scheduleInputSchema } from '../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../support/interview-fixtures';
import { parseWithIcalJs, parseWithPython } from '../../support/ics-check';
import { parseStrict } from '../../support/ics-strict';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { eventually, googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const render = createEmailRenderer('templates');
const settings = { companyName: 'Acme Corp', brandColor: '#1a73e8', signOff: 'Thanks' };

/** 50 hostile values: markup, header injection, CRLF, direction overrides, huge strings, quotes. */
const hostile = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE users; --",
  '"; Bcc: victim@evil.com',
  'Ada\r\nBcc: victim@evil.com',
  'Ada\nSubject: pwned',
  'Ada\rX-Injected: 1',
  '=?utf-8?b?QmNjOiBldmlsQGV2aWwuY29t?=',
  'Ada\u202eecilA',
  'Ada\u2066RLI',
  'Ada\u200fRLM',
  'x'.repeat(10_000),
  '{{constructor.constructor("alert(1)")()}}',
  '{{{raw}}}',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="https://evil.com"></iframe>',
  '<style>body{display:none}</style>',
  '<!-- comment -->',
  '&lt;escaped&gt;',
  '&amp;&quot;&#39;',
  '\u0000null',
  'Tab\there',
  'BEGIN:VEVENT',
  'END:VCALENDAR\r\nBEGIN:VEVENT',
  'ATTENDEE:mailto:evil@evil.com',
  'Ada;ROLE=CHAIR',
  'Ada:mailto:evil@evil.com',
  'Ada,Bob',
  'Ada\\,Bob',
  '日本語の名前',
  'Émile Zoë',
  'Ωmega',
  '👩‍💻 Coder',
  'Robert"); Bcc: x@y.z',
  '<b>bold</b>',
  '</td></tr></table><h1>Fake</h1>',
  '<meta http-equiv="refresh" content="0;url=https://evil.com">',
  'data:text/html,<script>alert(1)</script>',
  '${process.env}',
  '%0d%0aBcc:evil@evil.com',
  '\\r\\nBcc: evil',
  'Ada\u0085NEL',
  'Ada\u2028LS',
  'Ada\u2029PS',
  '<<>>',
  '"quoted"',
  "O'Brien",
  'a@b.c <evil@evil.com>',
  "=cmd|' /C calc'!A0",
];

function tagSequence(html: string): string {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b/g)].map((m) => m[0]).join(' ');
}

function interviewWith(value: string): Interview {
  // What validation would let through becomes the stored value; what it refuses uses the raw value anyway
  // (the renderer must be safe even for data that somehow got in).
  const name = scheduleInputSchema.shape.candidateName.safeParse(value);
  return makeInterview({
    id: '11111111-2222-4333-8444-555555555555',
    startUtc: '2030-01-15T09:00:00.000Z',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    candidate: { name: name.success ? name.data : value, email: 'ada@example.com' },
    recruiter: { name: value, email: 'rita@example.com' },
    jobTitle: value,
    notes: value,
  });
}

describe('hostile names, titles and notes (candidate, recruiter, job title, notes)', () => {
  it('has 50 hostile values', () => expect(hostile).toHaveLength(50));

  const plain = composeInterviewMessage({
    interview: interviewWith('Plain Name'),
    kind: 'invitation',
    recipient: 'candidate',
    settings,
    render,
    key: 'k',
    from: { name: 'Rita', address: 'rita@example.com' },
    now: 0,
  });
  const plainShape = tagSequence(String(plain.html));

  it.each(hostile.map((h, i) => [i, h]))(
    'value #%i keeps the HTML structure, adds no header, and one VEVENT',
    async (_i, value) => {
      const message = composeInterviewMessage({
        interview: interviewWith(value as string),
        kind: 'invitation',
        recipient: 'candidate',
        settings,
        render,
        key: 'k',
        from: { name: 'Rita', address: 'rita@example.com' },
        now: 0,
      });
      expect(tagSequence(String(message.html))).toBe(plainShape);
      const parsed = await simpleParser(Buffer.from(await composeRaw(message), 'base64url'));
      const plainParsed = await simpleParser(Buffer.from(await composeRaw(plain), 'base64url'));
      expect([...parsed.headers.keys()].sort()).toEqual([...plainParsed.headers.keys()].sort());
      expect(parsed.to).toMatchObject({ value: [{ address: 'ada@example.com' }] });
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.cc).toBeUndefined();
      const ics = String(
        message.icalEvent && typeof message.icalEvent === 'object'
          ? (message.icalEvent as { content: string }).content
          : '',
      );
      for (const invite of [parseWithIcalJs(ics), parseWithPython(ics)]) {
        expect(invite.vevents).toBe(1);
        expect(invite.attendees.map((a) => a.email)).toEqual(['mailto:ada@example.com']);
        expect(invite.organizer).toBe('mailto:rita@example.com');
      }
      // A third, strict reader: no bare CR/LF, no control characters, every parameter by the grammar.
      expect(parseStrict(ics)).toMatchObject({
        vevents: 1,
        attendees: ['mailto:ada@example.com'],
        organizer: 'mailto:rita@example.com',
      });
    },
  );
});

describe('Gmail transport (emulator)', () => {
  let g: GoogleEmulator;
  beforeAll(async () => {
    g = await startGoogleEmulator();
  });
  afterAll(async () => g.close());

  it('asks for gmail.send incrementally, sends base64url raw messages that parse like SMTP ones, UID = the event iCalUID', async () => {
    const temp = makeTempDir();
    const services = googleServices(g, temp.dir, { keychainService: 'unused', secrets: memorySecretStore() });
    const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
    try {
      await call('account:connect');
      expect(g.oauth.grantedScopes()).not.toContain('https://www.googleapis.com/auth/gmail.send');
      expect(await call('mail:useGmail')).toMatchObject({ ok: true });
      expect(g.oauth.authorizations.at(-1)!.query).toMatchObject({ include_granted_scopes: 'true' });
      expect(g.oauth.grantedScopes()).toContain('https://www.googleapis.com/auth/gmail.send');
      g.calendar.conferenceMode = 'pending';
      const d = new Date(Date.now() + 3 * 86_400_000);
      const scheduled = await call('interviews:schedule', {
        candidateName: 'Ada',
        candidateEmail: 'ada@example.com',
        jobTitle: 'Engineer',
        date: d.toISOString().slice(0, 10),
        time: '10:00',
        timeZone: 'UTC',
        durationMinutes: 30,
        acceptConflicts: true,
      });
      const interview = (scheduled as { value: Interview }).value;
      // Nothing goes out before Google has the Meet link.
      expect(g.gmail.sent).toHaveLength(0);
      await eventually(() => expect(g.gmail.sent).toHaveLength(2), 8_000);
      const parsed = await simpleParser(g.gmail.sent[0]!.rfc822);
      expect(parsed.subject).toMatch(/^Interview invitation: Engineer/);
      expect(parsed.from?.value[0]?.address).toBe('recruiter@example.com');
      const ics = parsed.attachments.find((a) => a.filename === 'invite.ics')!.content.toString();
      const event = g.calendar.peek(eventIdFor(interview.id))!;
      expect(parseWithIcalJs(ics)).toMatchObject({
        method: 'REQUEST',
        uid: event.iCalUID,
        location: event.hangoutLink,
      });
      expect(g.gmail.sent[0]!.raw).toMatch(/^[A-Za-z0-9_-]+$/);
      // The Calendar event was created with sendUpdates=none: guests get the app's invite only.
      expect(g.requests.findLast((r) => r.method === 'POST' && r.path.endsWith('/events'))!.query.sendUpdates).toBe(
        'none',
      );

      // Switched to "Google sends the invitations": Calendar gets sendUpdates=all and the app sends nothing.
      await call('settings:update', { googleSendsInvites: true });
      g.calendar.conferenceMode = 'success';
      const sentBefore = g.gmail.sent.length;
      const d2 = new Date(Date.now() + 4 * 86_400_000);
      const second = (
        (await call('interviews:schedule', {
          candidateName: 'Grace',
          candidateEmail: 'grace@example.com',
          jobTitle: 'Engineer',
          date: d2.toISOString().slice(0, 10),
          time: '11:00',
          timeZone: 'UTC',
          durationMinutes: 30,
          acceptConflicts: true,
        })) as { value: Interview }
      ).value;
      await eventually(() => expect(services.interviews.get(second.id).google?.state).toBe('synced'));
      expect(g.requests.findLast((r) => r.method === 'POST' && r.path.endsWith('/events'))!.query.sendUpdates).toBe(
        'all',
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(g.gmail.sent.length).toBe(sentBefore);
    } finally {
      await services.dispose();
      temp.cleanup();
    }
  });
});
