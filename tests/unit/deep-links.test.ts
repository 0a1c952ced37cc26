import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from '../../main/deep-links/parse-deep-link';

const now = Date.parse('2030-01-10T00:00:00.000Z');

describe('deep links', () => {
  it('parses the three kinds', () => {
    expect(parseDeepLink('interview-desk://interview/4B6F3C1E-9A0D-4C2B-8E57-0F5D1A2B3C4D', now)).toEqual({
      kind: 'interview',
      id: '4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d',
    });
    expect(parseDeepLink('interview-desk://device-check', now)).toEqual({ kind: 'device-check' });
    expect(
      parseDeepLink(
        'interview-desk://join?meet=abc-defg-hij&start=2030-01-15T09%3A00%3A00.000Z&title=Staff+Engineer+interview',
        now,
      ),
    ).toEqual({
      kind: 'join',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      startUtc: '2030-01-15T09:00:00.000Z',
      title: 'Staff Engineer interview',
    });
  });

  it.each([
    ['interview-desk://evil/whatever', /does not know/],
    ['interview-desk://interview/../../etc/passwd', /not valid/],
    ['interview-desk://interview/not-a-uuid', /not valid/],
    ['interview-desk://interview/4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d/extra', /not valid/],
    ['interview-desk://device-check/x', /not valid/],
    ['interview-desk://join?meet=https://evil.com&start=2030-01-15T09:00:00Z', /abc-defg-hij/],
    ['interview-desk://join?meet=abc-defg-hijk&start=2030-01-15T09:00:00Z', /abc-defg-hij/],
    ['interview-desk://join?meet=ABC-DEFG-HIJ&start=2030-01-15T09:00:00Z', /abc-defg-hij/],
    ['interview-desk://join?meet=abc-defg-hij&start=tomorrow', /not a valid time/],
    ['interview-desk://join?meet=abc-defg-hij&start=2020-01-15T09:00:00Z', /out of range/],
    ['interview-desk://join?meet=abc-defg-hij&start=2030-01-15T09:00:00Z&title=a%0D%0Ab', /title/],
    ['interview-desk://join?meet=abc-defg-hij&start=2030-01-15T09:00:00Z&title=%E2%80%AEevil', /title/],
    [`interview-desk://join?meet=abc-defg-hij&start=2030-01-15T09:00:00Z&title=${'x'.repeat(3000)}`, /too long/],
    ['https://meet.google.com/abc-defg-hij', /Only interview-desk/],
    ['javascript:alert(1)', /Only interview-desk/],
    ['interview-desk://user:pw@interview/4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d', /malformed/],
    ['', /empty/],
    ['not a url', /understands/],
  ])('refuses %s', (link, message) => {
    expect(() => parseDeepLink(link, now)).toThrow(message);
  });

  it('finds the link among process arguments', () => {
    expect(deepLinkFromArgv(['/usr/bin/interview-desk', '--no-sandbox', 'interview-desk://device-check'])).toBe(
      'interview-desk://device-check',
    );
    expect(deepLinkFromArgv(['/usr/bin/interview-desk'])).toBeUndefined();
  });
});
