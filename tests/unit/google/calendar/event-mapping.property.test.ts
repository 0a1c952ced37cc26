import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetLinkOf, readMeetLink, withEventMeetLink } from '../../../../main/google/calendar/event-mapping';
import { isMeetJoinUrl } from '../../../../main/security/url-policy';
import { meetLinkPattern } from '../../../../preload/shared/contract/interview-schema';
import { makeInterview } from '../../../support/interview-fixtures';

const runs = 4000;

/** Links a hostile calendar edit could put on an event, next to real Meet links. */
const hostileLink = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    'http://evil.example/phish',
    'http://meet.google.com/abc-defg-hij',
    'https://meet.google.com.evil.example/abc-defg-hij',
    'https://meet.google.com@evil.example/abc-defg-hij',
    'https://user@meet.google.com/abc-defg-hij',
    'https://meet.google.com:444/abc-defg-hij',
    'https://meet.google.com/abc-defg-hij/../../x',
    'https://meet.google.com/abc-defg-hij#x',
    'https://meet.google.com/ABC-DEFG-HIJ',
    ' https://meet.google.com/abc-defg-hij\r\nBcc: x@evil.example',
    'javascript:alert(1)',
    'https://zoom.us/j/123456789',
  ),
);
const meetLink = fc
  .tuple(
    fc.stringMatching(/^[a-z]{3}$/),
    fc.stringMatching(/^[a-z]{4}$/),
    fc.stringMatching(/^[a-z]{3}$/),
    fc.constantFrom('', '?authuser=0', '?hs=122'),
  )
  .map(([a, b, c, q]) => `https://meet.google.com/${a}-${b}-${c}${q}`);
const anyLink = fc.oneof(hostileLink, meetLink, fc.jsonValue());

/** An event as Calendar could send it, with every conference field filled from the generators. */
const eventLike = fc.record(
  {
    id: fc.string(),
    hangoutLink: anyLink,
    conferenceData: fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          conferenceSolution: fc.record({
            key: fc.record({ type: fc.constantFrom('hangoutsMeet', 'addOn', 'eventHangout') }),
          }),
          entryPoints: fc.array(
            fc.record(
              { entryPointType: fc.constantFrom('video', 'phone', 'more', 'sip'), uri: anyLink },
              { requiredKeys: [] },
            ),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('Google event mapping (property-based)', () => {
  it(`never throws and never yields a link that is not a Meet URL (${runs} arbitrary JSON values, ${runs} event-shaped ones)`, () => {
    let meet = 0;
    let unusable = 0;
    const check = (event: unknown) => {
      const reading = readMeetLink(event);
      if (reading.kind === 'meet') {
        meet++;
        expect(isMeetJoinUrl(reading.link)).toBe(true);
        expect(reading.link).toMatch(meetLinkPattern);
      } else if (reading.kind === 'unusable') unusable++;
      const link = meetLinkOf(event as never);
      expect(link === undefined || isMeetJoinUrl(link)).toBe(true);
      const applied = withEventMeetLink(
        makeInterview({ startUtc: '2030-01-15T09:00:00.000Z', meetLink: 'https://meet.google.com/old-link-abc' }),
        reading,
      );
      expect(applied.meetLink === undefined || isMeetJoinUrl(applied.meetLink)).toBe(true);
      if (reading.kind === 'unusable') expect(applied).toMatchObject({ google: { unusableMeetLink: true } });
    };
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: runs });
    fc.assert(fc.property(eventLike, check), { numRuns: runs });
    console.log(`event mapping: ${2 * runs} events read, ${meet} gave a Meet link, ${unusable} an unusable link`);
    expect(meet).toBeGreaterThan(0);
    expect(unusable).toBeGreaterThan(0);
  });

  it(`a foreign link alone is "unusable"; a Meet link alongside wins (${runs} runs)`, () => {
    fc.assert(
      fc.property(
        hostileLink.filter((l) => l !== '' && !isMeetJoinUrl(l.replace(/\?.*$/, '').trim())),
        meetLink,
        (foreign, meet) => {
          expect(
            readMeetLink({ conferenceData: { entryPoints: [{ entryPointType: 'video', uri: foreign }] } }),
          ).toEqual({ kind: 'unusable' });
          expect(readMeetLink({ hangoutLink: foreign })).toEqual({ kind: 'unusable' });
          expect(
            readMeetLink({
              hangoutLink: foreign,
              conferenceData: { entryPoints: [{ entryPointType: 'video', uri: meet }] },
            }),
          ).toEqual({ kind: 'meet', link: meet.replace(/\?.*$/, '') });
        },
      ),
      { numRuns: runs },
    );
    console.log(`foreign-link cases: ${runs} runs`);
  });

  it("the emulator's add-on shape and no conference at all", () => {
    expect(
      readMeetLink({
        conferenceData: {
          conferenceSolution: { key: { type: 'addOn' } },
          entryPoints: [{ entryPointType: 'video', uri: 'http://evil.example/phish' }],
        },
      }),
    ).toEqual({ kind: 'unusable' });
    expect(readMeetLink({ summary: 'Lunch' })).toEqual({ kind: 'none' });
    expect(readMeetLink({ hangoutLink: 'https://meet.google.com/abc-defg-hij' })).toEqual({
      kind: 'meet',
      link: 'https://meet.google.com/abc-defg-hij',
    });
  });
});
