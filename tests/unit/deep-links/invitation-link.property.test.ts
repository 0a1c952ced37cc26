import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeepLinkError, parseDeepLink } from '../../../main/deep-links/parse-deep-link';
import { invitationLink } from '../../../main/deep-links/invitation-link';
import { isMeetJoinUrl } from '../../../main/security/url-policy';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const now = Date.parse('2030-01-10T08:00:00.000Z');
const runs = 2000;
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const hostileFragment = fc.constantFrom(
  '\r',
  '\n',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u0000',
  '&',
  '=',
  '#',
  '%',
  '+',
  ' ',
  'é',
  '👩‍💻',
);
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.oneof(hostileFragment, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((p) => p.join('')),
);
const panelBase =
  'interview-desk://panel?meet=abc-defg-hij&start=2030-01-15T09%3A00%3A00.000Z&duration=45&title=Staff+Engineer+interview';

function interview(parts: { name: string; job: string; minutes: number; startMs: number }): Interview {
  return {
    id: '4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d',
    candidate: { name: parts.name, email: 'ada@example.com' },
    recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
    coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    jobTitle: parts.job,
    startUtc: new Date(parts.startMs).toISOString(),
    durationMinutes: parts.minutes,
    timeZone: 'Europe/Berlin',
    notes: 'private',
    candidateMessage: '',
    status: 'scheduled',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    origin: 'recruiter',
    ics: { uid: 'x', sequence: 0 },
    invitations: { candidate: { state: 'none' }, recruiter: { state: 'none' } },
    joins: [],
    reminders: { sent: [] },
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  };
}

describe('invitation links: the candidate a join link, a co-interviewer a panel link', () => {
  it("a panel link carries the candidate's name and opens as a panelist", () => {
    expect(parseDeepLink(`${panelBase}&candidate=Ada+Lovelace`, now)).toEqual({
      kind: 'panel',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      startUtc: '2030-01-15T09:00:00.000Z',
      durationMinutes: 45,
      title: 'Staff Engineer interview',
      candidateName: 'Ada Lovelace',
    });
  });

  it.each([
    [panelBase, /candidate's name/],
    [`${panelBase}&candidate=`, /candidate's name/],
    [`${panelBase}&candidate=Ada%0ALovelace`, /candidate's name in the invitation link contains line breaks/],
    [`${panelBase}&candidate=${'x'.repeat(101)}`, /at most 100/],
    ['interview-desk://panel?meet=https://evil.com&start=2030-01-15T09:00:00Z&candidate=Ada', /abc-defg-hij/],
    ['interview-desk://panel?meet=abc-defg-hij&start=tomorrow&candidate=Ada', /not a valid time/],
    [
      'interview-desk://panel?meet=abc-defg-hij&start=2030-01-15T09:00:00Z&duration=600&candidate=Ada',
      /5 to 480 minutes/,
    ],
  ])('refuses %s in words about the invitation', (link, message) => {
    expect(() => parseDeepLink(link, now)).toThrow(message);
  });

  it(`the builder's links read back as the same interview, for each role (${runs} runs)`, () => {
    const line = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0 && !forbidden.test(s));
    fc.assert(
      fc.property(
        line,
        line,
        fc.integer({ min: 5, max: 480 }),
        fc.integer({ min: now, max: now + 300 * 86_400_000 }),
        (name, job, minutes, startMs) => {
          const source = interview({ name, job, minutes, startMs });
          const forCandidate = parseDeepLink(invitationLink(source, 'candidate'), now);
          const forPanelist = parseDeepLink(invitationLink(source, 'panelist'), now);
          const shared = { meetLink: source.meetLink, startUtc: source.startUtc, durationMinutes: minutes };
          expect(forCandidate).toMatchObject({ kind: 'join', ...shared });
          expect(forCandidate).not.toHaveProperty('candidateName');
          expect(forPanelist).toMatchObject({ kind: 'panel', ...shared, candidateName: name.normalize('NFC').trim() });
          if (forPanelist.kind === 'panel')
            expect(forPanelist.title).toBe(forCandidate.kind === 'join' ? forCandidate.title : '');
        },
      ),
      { numRuns: runs },
    );
  });

  it(`arbitrary panel links are refused with a DeepLinkError or read as a clean name and a Meet URL (${runs} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant('abc-defg-hij'), hostileString),
        hostileString,
        fc.oneof(fc.constant('45'), hostileString),
        (meet, candidate, duration) => {
          const raw = `interview-desk://panel?${new URLSearchParams({ meet, start: '2030-01-12T09:00:00.000Z', duration, title: 'Panel', candidate }).toString()}`;
          try {
            const link = parseDeepLink(raw, now);
            expect(link.kind).toBe('panel');
            if (link.kind !== 'panel') return;
            expect(isMeetJoinUrl(link.meetLink)).toBe(true);
            expect(link.candidateName).not.toMatch(forbidden);
            expect(link.candidateName.length).toBeGreaterThan(0);
            expect(link.candidateName.length).toBeLessThanOrEqual(100);
          } catch (error) {
            expect(error).toBeInstanceOf(DeepLinkError);
          }
        },
      ),
      { numRuns: runs },
    );
  });
});
