import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../main/deep-links/parse-deep-link';
import { invitationLink } from '../../main/deep-links/invitation-link';
import { makeInterview } from '../support/interview-fixtures';

const now = Date.parse('2030-01-10T00:00:00.000Z');
const base =
  'interview-desk://join?meet=abc-defg-hij&start=2030-01-15T09%3A00%3A00.000Z&title=Staff+Engineer+interview';

describe('the invitation link carries the interview length', () => {
  it('the link the candidate receives round-trips through the parser with its length', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 480 }), (minutes) => {
        runs++;
        const interview = makeInterview({
          startUtc: '2030-01-15T09:00:00.000Z',
          durationMinutes: minutes,
          meetLink: 'https://meet.google.com/abc-defg-hij',
        });
        const parsed = parseDeepLink(invitationLink(interview, 'candidate'), now);
        expect(parsed).toMatchObject({ kind: 'join', durationMinutes: minutes, startUtc: '2030-01-15T09:00:00.000Z' });
      }),
      { numRuns: 500 },
    );
    console.log(`duration round-trip: ${runs} runs`);
  });

  it('any duration value outside whole minutes 5 to 480 is refused in the words of the invitation', () => {
    let runs = 0;
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.integer({ min: -1000, max: 4 }).map(String),
      fc.integer({ min: 481, max: 100_000 }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.constantFrom('', ' 45', '45 ', '+45', '45.0', '0x2d', '4_5', '045x', '1e2', 'NaN', 'Infinity', '0045'),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        runs++;
        const valid = /^\d{1,3}$/.test(value) && Number(value) >= 5 && Number(value) <= 480;
        const link = `${base}&duration=${encodeURIComponent(value)}`;
        if (valid) expect(parseDeepLink(link, now)).toMatchObject({ durationMinutes: Number(value) });
        else expect(() => parseDeepLink(link, now)).toThrow(/length in the invitation link must be 5 to 480 minutes/);
      }),
      { numRuns: 3000 },
    );
    console.log(`duration hostile values: ${runs} runs`);
  });

  it('an older link without a length parses with no length at all (never a guessed 60)', () => {
    const parsed = parseDeepLink(base, now);
    expect(parsed.kind).toBe('join');
    expect(parsed).not.toHaveProperty('durationMinutes');
  });
});
