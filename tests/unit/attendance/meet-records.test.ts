import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanDisplayName,
  displayNameMax,
  parseConferenceRecord,
  parseParticipant,
  parseSession,
} from '../../../main/attendance/meet-records';

describe('Meet record parsers (data from Google is input)', () => {
  it('reads the documented shapes', () => {
    expect(
      parseConferenceRecord({
        name: 'conferenceRecords/a',
        startTime: '2030-01-01T10:00:00.123456Z',
        space: 'spaces/s',
      }),
    ).toEqual({ name: 'conferenceRecords/a', startTime: '2030-01-01T10:00:00.123Z', space: 'spaces/s' });
    expect(
      parseParticipant({
        name: 'conferenceRecords/a/participants/p',
        phoneUser: { displayName: '+1 ***' },
        earliestStartTime: '2030-01-01T10:00:00Z',
      }),
    ).toEqual({
      name: 'conferenceRecords/a/participants/p',
      identity: { kind: 'phone', displayName: '+1 ***' },
      earliestStartTime: '2030-01-01T10:00:00.000Z',
    });
    expect(
      parseParticipant({
        name: 'conferenceRecords/a/participants/p',
        signedinUser: { user: 'users/1', displayName: 'Rita' },
      })!.identity,
    ).toEqual({ kind: 'signedin', user: 'users/1', displayName: 'Rita' });
    expect(
      parseSession({ name: 's', startTime: '2030-01-01T10:00:00Z', endTime: '2030-01-01T09:00:00Z' }),
    ).toBeUndefined();
    expect(parseConferenceRecord({ name: 'conferenceRecords/a', startTime: 'yesterday' })).toBeUndefined();
    expect(parseParticipant({ name: 'conferenceRecords/a/participants/p' })).toBeUndefined();
  });

  it('property: a name that goes back to Google as a request parent is only ever the documented shape', () => {
    const idChar = fc.constantFrom(...'abcXYZ019_-'.split(''));
    const id = fc.string({ unit: idChar, minLength: 1, maxLength: 12 });
    const hostile = fc.constantFrom(
      '/',
      '..',
      '?',
      '#',
      '%2F',
      '%',
      ' ',
      '\n',
      '.',
      ':',
      '@',
      'é',
      '/participants/',
      '/../spaces/x',
    );
    // Well-formed ids with hostile pieces spliced in anywhere, or arbitrary strings.
    const spliced = fc
      .tuple(id, fc.array(fc.oneof(id, hostile), { maxLength: 4 }))
      .map(([a, rest]) => a + rest.join(''));
    const recordNames = fc.oneof(
      id.map((a) => `conferenceRecords/${a}`),
      spliced.map((a) => `conferenceRecords/${a}`),
      fc.string(),
    );
    const participantNames = fc.oneof(
      fc.tuple(id, id).map(([a, b]) => `conferenceRecords/${a}/participants/${b}`),
      fc.tuple(spliced, spliced).map(([a, b]) => `conferenceRecords/${a}/participants/${b}`),
      fc.string(),
    );
    const shape = /^conferenceRecords\/[A-Za-z0-9_-]+(\/participants\/[A-Za-z0-9_-]+)?$/;
    let runs = 0;
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(recordNames, participantNames, (recordName, participantName) => {
        runs++;
        const record = parseConferenceRecord({ name: recordName, startTime: '2030-01-01T10:00:00Z' });
        const participant = parseParticipant({ name: participantName, anonymousUser: { displayName: 'Guest' } });
        expect(Boolean(record)).toBe(/^conferenceRecords\/[A-Za-z0-9_-]+$/.test(recordName));
        expect(Boolean(participant)).toBe(
          /^conferenceRecords\/[A-Za-z0-9_-]+\/participants\/[A-Za-z0-9_-]+$/.test(participantName),
        );
        for (const kept of [record?.name, participant?.name]) if (kept) expect(kept).toMatch(shape);
        accepted += Number(Boolean(record)) + Number(Boolean(participant));
        refused += Number(!record) + Number(!participant);
      }),
      { numRuns: 500 },
    );
    console.log(`Meet names property: ${runs} runs, ${accepted} accepted, ${refused} refused`);
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(
      parseConferenceRecord({ name: 'conferenceRecords/a/../../spaces/x', startTime: '2030-01-01T10:00:00Z' }),
    ).toBeUndefined();
    expect(
      parseParticipant({ name: 'conferenceRecords/a/participants/b?alt=media', anonymousUser: {} }),
    ).toBeUndefined();
  });

  it('property: never throws on any JSON, and what it returns has a name and valid instants', () => {
    const iso = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    const field = fc.oneof(iso, fc.string(), fc.constant(null), fc.integer(), fc.jsonValue());
    const raw = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          name: fc.oneof(fc.string(), fc.constant('conferenceRecords/x')),
          startTime: field,
          endTime: field,
          space: field,
        },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          name: fc.string(),
          signedinUser: fc.oneof(fc.record({ user: field, displayName: field }, { requiredKeys: [] }), field),
          anonymousUser: field,
          phoneUser: field,
          earliestStartTime: field,
          latestEndTime: field,
        },
        { requiredKeys: [] },
      ),
    );
    let runs = 0;
    let parsed = 0;
    fc.assert(
      fc.property(raw, (value) => {
        runs++;
        const valid = (s: string | undefined) => s === undefined || !Number.isNaN(Date.parse(s));
        const record = parseConferenceRecord(value);
        const participant = parseParticipant(value);
        const session = parseSession(value);
        if (record)
          expect(record.name.startsWith('conferenceRecords/') && valid(record.startTime) && valid(record.endTime)).toBe(
            true,
          );
        if (participant)
          expect(
            participant.name.length > 0 &&
              typeof participant.identity.displayName === 'string' &&
              valid(participant.earliestStartTime),
          ).toBe(true);
        if (session)
          expect(!session.endTime || Date.parse(session.endTime) >= Date.parse(session.startTime)).toBe(true);
        parsed += Number(Boolean(record || participant || session));
      }),
      { numRuns: 500 },
    );
    console.log(`Meet record parsers property: ${runs} runs, ${parsed} parsed`);
    expect(parsed).toBeGreaterThan(0);
  });

  it("a display name (chosen by whoever joins) loses what could hide or reorder it, and is cut to a name's length", () => {
    const p = (displayName: string) =>
      parseParticipant({ name: 'conferenceRecords/a/participants/p', anonymousUser: { displayName } })!.identity
        .displayName;
    expect(p('Ada\u202eecalovoL')).toBe('AdaecalovoL');
    expect(p('Ada\nLovelace\u200b\u2066')).toBe('Ada Lovelace');
    expect(p('x'.repeat(600))).toHaveLength(displayNameMax);
    expect(p('Ame\u0301lie')).toBe('Amélie');
    // eslint-disable-next-line no-control-regex -- the characters a display name must never keep
    const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/;
    let runs = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        runs++;
        const clean = cleanDisplayName(raw);
        return !unsafe.test(clean) && [...clean].length <= displayNameMax && clean === clean.trim();
      }),
      { numRuns: 500 },
    );
    console.log(`display names: ${runs} runs`);
  });

  it('property: invisible characters (Hangul fillers, word joiner and invisible operators, tag characters) go with the rest, wherever they sit', () => {
    expect(cleanDisplayName('Bob\u3164Panel')).toBe('BobPanel');
    expect(cleanDisplayName('\u2060Ada\u2064 Lovelace\u{e0041}\u{e007f}')).toBe('Ada Lovelace');
    expect(cleanDisplayName('\u3164')).toBe('');
    const invisible = [
      0x00ad, 0x115f, 0x1160, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x3164, 0xfeff,
      0xffa0, 0xe0000, 0xe0001, 0xe0020, 0xe007f,
    ];
    const unit = fc.oneof(
      fc.constantFrom(...invisible.map((c) => String.fromCodePoint(c))),
      fc.constantFrom(...'Ada Lovelace-é'.split('')),
      fc.integer({ min: 0xe0000, max: 0xe007f }).map((c) => String.fromCodePoint(c)),
    );
    const shows = /[\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]/u;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (parts) => {
        runs++;
        const raw = parts.join('');
        const clean = cleanDisplayName(raw);
        expect(clean).not.toMatch(shows);
        // Nothing visible is lost: the name is what was there without the invisible characters.
        expect(clean).toBe(raw.replace(new RegExp(shows.source, 'gu'), '').replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
    console.log(`invisible characters: ${runs} runs`);
  });

  it('every format or default-ignorable character goes, also those no list names; a long name is never cut inside a character', () => {
    const hidden = [0x034f, 0xfe0f, 0x206a, 0x206f, 0x180b, 0x1d173, 0xfff9, 0x0600, 0x13430, 0x1bca0, 0x2065, 0x2800];
    for (const c of hidden)
      expect(cleanDisplayName(`Ada${String.fromCodePoint(c)} Lovelace`), c.toString(16)).toBe('Ada Lovelace');
    const long = `${'a'.repeat(1023)}😀tail`;
    expect([...cleanDisplayName(long)].every((ch) => ch.codePointAt(0)! < 0xd800 || ch.codePointAt(0)! > 0xdfff)).toBe(
      true,
    );
  });

  it("times must be RFC 3339 as Google sends them (a bare local date-time is refused, not read in the machine's zone)", () => {
    expect(parseSession({ name: 's', startTime: '2030-01-01T10:00:00' })).toBeUndefined();
    expect(parseSession({ name: 's', startTime: 'Jan 1 2030 10:00' })).toBeUndefined();
    expect(parseSession({ name: 's', startTime: '2030-01-01T10:00:00+05:30' })).toEqual({
      name: 's',
      startTime: '2030-01-01T04:30:00.000Z',
    });
  });
});
