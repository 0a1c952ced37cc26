import { describe, expect, it } from 'vitest';
import { composeInterviewMessage } from '../../../main/mail/compose-message';
import { createEmailRenderer } from '../../../main/mail/render-email';
import type { MailKind, Recipient } from '../../../main/mail/mail-kinds';
import type { MessageSettings, PreviousTime } from '../../../main/mail/message-content';
import { settingsSchema } from '../../../preload/shared/contract/settings-schema';
import { makeInterview } from '../../support/interview-fixtures';

const render = createEmailRenderer('templates');
const privateNote = 'Internal: salary expectations too high?';
const candidateMessage = 'Please bring a short portfolio & 2 questions.';
const interview = makeInterview({
  startUtc: '2030-01-15T09:00:00.000Z',
  durationMinutes: 45,
  meetLink: 'https://meet.google.com/abc-defg-hij',
  candidate: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Asia/Kolkata' },
  recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
  jobTitle: 'Staff Engineer',
  notes: privateNote,
  candidateMessage,
  ics: { uid: 'x@interview-desk.app', sequence: 1 },
});
const acme: MessageSettings = { companyName: 'Acme Corp', brandColor: '#0b8043', signOff: 'Best of luck!' };
const previous: PreviousTime = { startUtc: '2030-01-14T13:00:00.000Z', durationMinutes: 45 };
const kinds: MailKind[] = ['invitation', 'update', 'cancellation', 'reminder'];
const recipients: Recipient[] = ['candidate', 'recruiter'];

/** The rendered message as a reader sees it: subject, the text body, and the HTML with tags removed and entities decoded. */
function read(
  kind: MailKind,
  recipient: Recipient,
  settings: MessageSettings = acme,
  prev: PreviousTime | null = kind === 'update' ? previous : null,
) {
  const message = composeInterviewMessage({
    interview,
    kind,
    recipient,
    settings,
    ...(prev ? { previous: prev } : {}),
    render,
    key: 'k',
    from: { name: 'Rita Recruiter', address: 'rita@example.com' },
    now: Date.parse(interview.startUtc) - 26 * 3_600_000,
  });
  const html = String(message.html);
  const htmlText = html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3D;/g, '=')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,])/g, '$1');
  const text = String(message.text);
  return { subject: String(message.subject), html, htmlText, text, both: [htmlText, text.replace(/\s+/g, ' ')] };
}

describe('each email kind has its own words (HTML and text)', () => {
  it('private notes are never in any message, of any kind, to anyone', () => {
    for (const kind of kinds) {
      for (const recipient of recipients) {
        const { subject, html, text } = read(kind, recipient);
        for (const body of [subject, html, text]) expect(body).not.toContain('salary');
      }
    }
  });

  it("the message to the candidate appears, labelled, in the candidate's invitation, update and reminder only", () => {
    for (const kind of ['invitation', 'update', 'reminder'] as const) {
      for (const body of read(kind, 'candidate').both) {
        expect(body).toContain('Message from Rita Recruiter:');
        expect(body).toContain(candidateMessage);
      }
    }
    for (const body of read('cancellation', 'candidate').both) expect(body).not.toContain(candidateMessage);
    for (const body of read('invitation', 'recruiter').both)
      expect(body).toContain(`Your message to the candidate: ${candidateMessage}`);
  });

  it('an invitation invites: Meet link first, the app links as "If you have Interview Desk", calendar line', () => {
    const { htmlText, text, html } = read('invitation', 'candidate');
    for (const body of [htmlText, text]) {
      expect(body).toContain(
        'Rita Recruiter has invited you to an interview for the Staff Engineer position at Acme Corp',
      );
      expect(body).toContain('Need a different time?');
      expect(body).toContain('Best of luck!');
      expect(body).toContain('The attached invitation adds this interview to your calendar.');
      expect(body).toContain('If you have Interview Desk');
      expect(body.indexOf('https://meet.google.com/abc-defg-hij')).toBeLessThan(
        body.indexOf('If you have Interview Desk'),
      );
    }
    expect(html.indexOf('Join Google Meet')).toBeLessThan(html.indexOf('interview-desk://'));
    expect(html).not.toMatch(/Open in Interview Desk/);
  });

  it('an update says what changed: "New time: … (was …)" in the reader\'s zone, and no "adds this interview"', () => {
    for (const body of read('update', 'candidate').both) {
      // The candidate reads Kolkata time: 09:00Z is 14:30, the earlier 13:00Z was 18:30.
      expect(body).toContain('New time: Tuesday, 15 January 2030 at 14:30 (was Monday, 14 January 2030 at 18:30)');
      expect(body).not.toContain('adds this interview');
    }
    for (const body of read('update', 'recruiter').both)
      expect(body).toContain('New time: Tuesday, 15 January 2030 at 10:00 (was Monday, 14 January 2030 at 14:00)');
    for (const body of read('update', 'candidate', acme, { startUtc: interview.startUtc, durationMinutes: 60 }).both)
      expect(body).toContain('New length: 45 minutes (was 60 minutes)');
    for (const body of read('update', 'candidate', acme, null).both)
      expect(body).toMatch(/New time: Tuesday, 15 January 2030 at 14:30(?! \(was)/);
  });

  it("the recruiter's copy says who else was told: the candidate, and the panel when there is one", () => {
    const withPanel = { ...interview, coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }] };
    const recruiterCopy = (kind: MailKind, which: typeof interview) =>
      String(
        composeInterviewMessage({
          interview: which,
          kind,
          recipient: 'recruiter',
          settings: acme,
          ...(kind === 'update' ? { previous } : {}),
          render,
          key: 'k',
          from: { name: 'Rita Recruiter', address: 'rita@example.com' },
          now: Date.parse(interview.startUtc) - 26 * 3_600_000,
        }).text,
      );
    expect(recruiterCopy('update', interview)).toContain('has moved; the candidate has been sent the new time.');
    expect(recruiterCopy('update', withPanel)).toContain(
      'has moved; the candidate and the panel have been sent the new time.',
    );
    expect(recruiterCopy('cancellation', withPanel)).toMatch(
      /has been cancelled and the candidate and the panel have been told\./,
    );
  });

  it('an update that changes only the panel says so: no "moved", no new time, the interviewers before and now', () => {
    const panelOnly: PreviousTime = {
      startUtc: interview.startUtc,
      durationMinutes: 45,
      interviewers: ['Rita Recruiter', 'Sam Outside'],
    };
    const candidate = read('update', 'candidate', acme, panelOnly);
    expect(candidate.subject).toBe('New interview panel: Staff Engineer at Acme Corp');
    for (const body of candidate.both) {
      expect(body).toContain('Your interviewers have changed');
      expect(body).toContain(
        'The interviewers for your interview for the Staff Engineer position at Acme Corp have changed. The time and the Meet link stay the same.',
      );
      expect(body).toContain('New panel: Rita Recruiter (was Rita Recruiter, Sam Outside)');
      expect(body).toContain('keeps this interview in your calendar, with the new panel');
      expect(body).not.toMatch(/has moved|New time|moves this interview|unchanged/);
    }
    for (const body of read('update', 'recruiter', acme, panelOnly).both)
      expect(body).toContain(
        'The panel for your interview with Ada Lovelace has changed; the candidate and the panel have been sent the update.',
      );
    // Moved and a new panel at once: both are said, in the subject and the words too.
    const both = read('update', 'candidate', acme, { ...previous, interviewers: ['Rita Recruiter', 'Sam Outside'] });
    expect(both.subject).toBe('New time and panel for your interview: Staff Engineer at Acme Corp');
    for (const body of both.both) {
      expect(body).toContain('New time: Tuesday, 15 January 2030 at 14:30 (was Monday, 14 January 2030 at 18:30)');
      expect(body).toContain('New panel: Rita Recruiter (was Rita Recruiter, Sam Outside)');
      expect(body).toContain('has moved, and your interviewers have changed.');
      expect(body).not.toContain('Everything else stays the same');
    }
    // An update about nothing in particular (a resend) never claims a new Meet link.
    const same = read('update', 'candidate', acme, { startUtc: interview.startUtc, durationMinutes: 45 });
    expect(same.subject).not.toMatch(/Meet link/);
  });

  it("a co-interviewer's notice that goes out after the interview was cancelled still says only that they are off the panel", () => {
    const cancelled = {
      ...interview,
      status: 'cancelled' as const,
      coInterviewers: [{ email: 'kim@example.com', name: 'Kim New' }],
    };
    const message = composeInterviewMessage({
      interview: cancelled,
      kind: 'cancellation',
      recipient: 'panel:sam@other.org',
      addressee: { name: 'Sam Outside', address: 'sam@other.org' },
      settings: acme,
      render,
      key: 'k',
      from: { name: 'Rita Recruiter', address: 'rita@example.com' },
      now: Date.parse(interview.startUtc) - 26 * 3_600_000,
    });
    expect(String(message.subject)).toMatch(/^No longer on the interview panel/);
    expect(String(message.text)).not.toContain('Kim');
  });

  it("each calendar file says whom to write to for whoever reads it: the recruiter's own copy does not point at the recruiter", () => {
    const ics = (recipient: Recipient) => {
      const message = composeInterviewMessage({
        interview: { ...interview, coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }] },
        kind: 'invitation',
        recipient,
        settings: acme,
        render,
        key: 'k',
        from: { name: 'Rita Recruiter', address: 'rita@example.com' },
        now: 0,
      });
      // Unfolded (RFC 5545 folds long lines with CRLF and a space or a tab).
      return String((message.icalEvent as { content: string }).content).replace(/\r\n[ \t]/g, '');
    };
    expect(ics('candidate')).toContain('To reschedule\\, reply to rita@example.com.');
    expect(ics('recruiter')).not.toContain('rita@example.com.');
    expect(ics('panel:pat@example.com')).toContain('Questions? Write to Rita Recruiter at rita@example.com.');
  });

  it('a cancellation has no join link, no "different time", no sign-off, no "adds", and says whom to contact', () => {
    for (const recipient of recipients) {
      const { html, both } = read('cancellation', recipient);
      expect(html).not.toContain('meet.google.com');
      expect(html).not.toContain('interview-desk://');
      for (const body of both) {
        for (const banned of [
          'Join Google Meet',
          'Need a different time?',
          'Best of luck!',
          'Looking forward',
          'adds this interview',
          'If you have Interview Desk',
        ])
          expect(body).not.toContain(banned);
        expect(body).toContain('has been cancelled');
      }
    }
    for (const body of read('cancellation', 'candidate').both) {
      expect(body).toContain('Questions? Contact Rita Recruiter at rita@example.com.');
      expect(body).toContain('The attached cancellation removes this interview from your calendar.');
    }
  });

  it('a reminder reminds, with the join links', () => {
    for (const body of read('reminder', 'candidate').both) {
      expect(body).toContain('Your interview for the Staff Engineer position at Acme Corp starts in 1 d 2 h');
      expect(body).toContain("Can't make it?");
      expect(body).toContain('https://meet.google.com/abc-defg-hij');
      expect(body).not.toContain('adds this interview');
    }
  });

  it("without a company the words need none, and the app's name is never the company", () => {
    // An old settings file still holds the former default, the app's name.
    const oldDefault = settingsSchema.parse({ companyName: 'Interview Desk' });
    expect(oldDefault.companyName).toBe('');
    for (const settings of [
      { ...acme, companyName: '' },
      { ...acme, companyName: oldDefault.companyName },
    ]) {
      for (const kind of kinds) {
        for (const recipient of recipients) {
          const { subject, both } = read(kind, recipient, settings);
          for (const body of [subject, ...both]) {
            expect(body).not.toMatch(/at Interview Desk|for Interview Desk|, Interview Desk/);
            expect(body).not.toMatch(/ at [.,)]|position at\s*$/);
          }
        }
      }
    }
    expect(read('invitation', 'candidate', { ...acme, companyName: '' }).text).toContain(
      'for the Staff Engineer position. It takes place on Google Meet.',
    );
  });

  it('the optional download link from Settings is offered to candidates, after the Meet link', () => {
    const settings = { ...acme, candidateDownloadUrl: 'https://acme.example/interview-desk' };
    const { html, both } = read('invitation', 'candidate', settings);
    expect(html).toContain('href="https://acme.example/interview-desk"');
    for (const body of both)
      expect(body.indexOf('meet.google.com')).toBeLessThan(body.indexOf('download Interview Desk'));
    expect(read('invitation', 'candidate').html).not.toContain('download Interview Desk');
    expect(read('cancellation', 'candidate', settings).html).not.toContain('acme.example');
    expect(settingsSchema.safeParse({ candidateDownloadUrl: 'http://acme.example/x' }).success).toBe(false);
    expect(settingsSchema.safeParse({ candidateDownloadUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(settingsSchema.safeParse({ candidateDownloadUrl: 'https://user:pw@acme.example/x' }).success).toBe(false);
  });

  it("each calendar entry is named for whose calendar it lands in: the candidate's not after the candidate", () => {
    const summaryOf = (recipient: Recipient) => {
      const message = composeInterviewMessage({
        interview,
        kind: 'invitation',
        recipient,
        settings: acme,
        render,
        key: 'k',
        from: { name: 'Rita Recruiter', address: 'rita@example.com' },
        now: 0,
      });
      const content = String((message.icalEvent as { content: string }).content);
      return /^SUMMARY:(.*)$/m.exec(content)?.[1];
    };
    expect(summaryOf('candidate')).toBe('Interview: Staff Engineer with Rita Recruiter');
    expect(summaryOf('recruiter')).toBe(`Interview: Staff Engineer — ${interview.candidate.name}`);
  });
});
