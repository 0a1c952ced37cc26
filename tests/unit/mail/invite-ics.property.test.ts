import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildInviteIcs, icsParamText, icsPlainText } from '../../../main/mail/invite-ics';
import { makeInterview } from '../../support/interview-fixtures';
import { parseStrict } from '../../support/ics-strict';

const runs = 3000;

/** Any code point (controls, C1, surrogate halves, bidi) mixed with the characters iCalendar treats specially. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc
    .array(
      fc.constantFrom(
        '\r',
        '\n',
        '\r\n',
        '\u0085',
        '\u2028',
        '\u0000',
        '\u001b',
        '\u007f',
        '\u009b',
        '\u202e',
        '\t',
        ';',
        ',',
        '\\',
        '"',
        ':',
        'ATTENDEE:mailto:x@evil.test',
        'END:VEVENT',
        'é',
        '日本',
        '👩‍💻',
        'a',
        ' ',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
);

function readBack(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  const event = events[0]!;
  return {
    vevents: events.length,
    summary: String(event.getFirstPropertyValue('summary') ?? ''),
    description: String(event.getFirstPropertyValue('description') ?? ''),
    attendees: event
      .getAllProperties('attendee')
      .map((p) => ({ address: String(p.getFirstValue()), cn: String(p.getParameter('cn')) })),
    // The URI scheme is case-insensitive (RFC 3986); `ics` writes the organizer's as MAILTO:.
    organizer: String(event.getFirstPropertyValue('organizer')).replace(/^mailto:/i, 'mailto:'),
    organizerCn: String(event.getFirstProperty('organizer')?.getParameter('cn')),
  };
}

describe('iCalendar text escaping (property-based)', () => {
  it(`generated text → invite → ical.js and a strict RFC 5545 reader read back the sanitized text; attendees unchanged (${runs} runs)`, () => {
    let changed = 0;
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (candidate, recruiter, job) => {
        const interview = makeInterview({
          startUtc: '2030-01-15T09:00:00.000Z',
          meetLink: 'https://meet.google.com/abc-defg-hij',
          candidate: { name: candidate, email: 'ada@example.com' },
          recruiter: { name: recruiter, email: 'rita@example.com' },
          jobTitle: job,
        });
        const ics = buildInviteIcs(interview, 'invitation', Date.parse('2030-01-01T00:00:00Z'));
        const parsed = readBack(ics);
        expect(parsed.vevents).toBe(1);
        expect(parsed.summary).toBe(icsPlainText(`Interview: ${job} — ${candidate}`));
        expect(parsed.description.startsWith(icsPlainText(`Interview for ${job} with ${recruiter}.`))).toBe(true);
        // A name with nothing left after sanitizing is written as the `ics` package's "Unnamed attendee"
        // (and the organizer as "Organizer"; the app never has one: names are required), still never anything an attacker chose.
        const cn = (name: string, fallback: string) => icsParamText(name) || fallback;
        expect(parsed.attendees).toEqual([
          { address: 'mailto:ada@example.com', cn: cn(candidate, 'Unnamed attendee') },
        ]);
        expect(parsed.organizer).toBe('mailto:rita@example.com');
        expect(parsed.organizerCn).toBe(cn(recruiter, 'Organizer'));
        const strict = parseStrict(ics);
        expect({ ...strict, organizer: strict.organizer?.replace(/^mailto:/i, 'mailto:') }).toMatchObject({
          vevents: 1,
          attendees: ['mailto:ada@example.com'],
          organizer: 'mailto:rita@example.com',
          summary: parsed.summary,
          description: parsed.description,
        });
        if (icsPlainText(candidate) !== candidate) changed++;
      }),
      { numRuns: runs },
    );
    console.log(
      `.ics escaping: ${runs} invites built and read back by two parsers; ${changed} candidate names needed sanitizing`,
    );
    expect(changed).toBeGreaterThan(0);
  });

  it(`the sanitized text holds no control character but TAB and newline, and no direction override (${runs} runs)`, () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        // eslint-disable-next-line no-control-regex
        expect(icsPlainText(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\r]/);
        // The whole invite: no control character but the CRLF line ends (and TAB) anywhere in the file.
        const ics = buildInviteIcs(
          makeInterview({
            startUtc: '2030-01-15T09:00:00.000Z',
            jobTitle: text,
            candidate: { name: text, email: 'ada@example.com' },
          }),
          'invitation',
          0,
        );
        // eslint-disable-next-line no-control-regex
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\n\r\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: runs },
    );
    console.log(`.ics text rule: ${runs} strings checked`);
  });

  it('a bare CR in a name cannot start a new property (the reported attack)', () => {
    const interview = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      recruiter: { name: 'Rita\rATTENDEE:mailto:attacker@evil.test', email: 'rita@example.com' },
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const ics = buildInviteIcs(interview, 'invitation', 0);
    expect(ics).not.toMatch(/\rATTENDEE/);
    expect(parseStrict(ics).attendees).toEqual([`mailto:${interview.candidate.email}`]);
    // It stays text: an escaped line break inside DESCRIPTION, never a property of its own.
    expect(readBack(ics).description).toContain('Rita\nATTENDEE:mailto:attacker@evil.test');
    expect(readBack(ics).attendees.map((a) => a.address)).toEqual([`mailto:${interview.candidate.email}`]);
  });
});
