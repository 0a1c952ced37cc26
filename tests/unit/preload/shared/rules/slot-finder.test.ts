import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  allDay,
  busyDuring,
  findFreeSlots,
  type DailyHours,
  type IsoInterval,
  type SlotQuery,
} from '../../../../../preload/shared/rules/slot-finder';

const la: DailyHours = { zone: 'America/Los_Angeles', start: '06:00', end: '17:00', days: [1, 2, 3, 4, 5] };
const kolkata = { zone: 'Asia/Kolkata' };
const ny: DailyHours = { zone: 'America/New_York', start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
const berlin = { zone: 'Europe/Berlin' };
const utcDay: DailyHours = { zone: 'UTC', start: '00:00', end: '24:00' };

const query = (over: Partial<SlotQuery> & Pick<SlotQuery, 'range'>): SlotQuery => ({
  busy: [],
  recruiter: la,
  candidate: kolkata,
  durationMinutes: 30,
  stepMinutes: 15,
  now: '2020-01-01T00:00:00Z',
  count: 100,
  ...over,
});
const starts = (slots: IsoInterval[]) => slots.map((s) => s.start.slice(11, 16));
const day = (date: string, days = 1): IsoInterval => ({
  start: `${date}T00:00:00.000Z`,
  end: DateTime.fromISO(`${date}T00:00:00Z`, { zone: 'UTC' }).plus({ days }).toISO()!,
});

describe('slot finder', () => {
  it('finds the overlap of a Los Angeles recruiter and a Kolkata candidate, moving with US DST in March', () => {
    // Friday 6 March 2026 (PST, UTC−8): 06:00 PST is 19:30 IST, so only 06:00–06:30 fits before 20:00 IST.
    expect(findFreeSlots(query({ range: day('2026-03-06') }))).toEqual([
      { start: '2026-03-06T14:00:00.000Z', end: '2026-03-06T14:30:00.000Z' },
    ]);
    // The weekend is not a working day; Monday 9 March is PDT (UTC−7): 06:00–07:30 PDT = 18:30–20:00 IST.
    expect(
      starts(findFreeSlots(query({ range: { start: '2026-03-07T00:00:00Z', end: '2026-03-10T00:00:00Z' } }))),
    ).toEqual(['13:00', '13:15', '13:30', '13:45', '14:00']);
  });

  it('moves back with US DST in November', () => {
    expect(starts(findFreeSlots(query({ range: day('2026-10-30') })))).toEqual([
      '13:00',
      '13:15',
      '13:30',
      '13:45',
      '14:00',
    ]);
    expect(starts(findFreeSlots(query({ range: day('2026-11-02') })))).toEqual(['14:00']);
  });

  it('follows European DST for a Berlin candidate and a New York recruiter (March and October)', () => {
    const last = (date: string) => {
      const slots = findFreeSlots(
        query({ recruiter: ny, candidate: berlin, durationMinutes: 60, stepMinutes: 30, range: day(date) }),
      );
      return { count: slots.length, first: slots[0]?.start, last: slots.at(-1)?.start };
    };
    // Both on standard time: 09:00 EST = 15:00 CET; the candidate's 20:00 is 14:00 in New York.
    expect(last('2026-03-06')).toEqual({
      count: 9,
      first: '2026-03-06T14:00:00.000Z',
      last: '2026-03-06T18:00:00.000Z',
    });
    // US on summer time, Europe not yet: one more hour together.
    expect(last('2026-03-27')).toEqual({
      count: 11,
      first: '2026-03-27T13:00:00.000Z',
      last: '2026-03-27T18:00:00.000Z',
    });
    // Both on summer time.
    expect(last('2026-03-30')).toEqual({
      count: 9,
      first: '2026-03-30T13:00:00.000Z',
      last: '2026-03-30T17:00:00.000Z',
    });
    expect(last('2026-10-23')).toEqual({
      count: 9,
      first: '2026-10-23T13:00:00.000Z',
      last: '2026-10-23T17:00:00.000Z',
    });
    // Europe back on standard time, the US not yet.
    expect(last('2026-10-26')).toEqual({
      count: 11,
      first: '2026-10-26T13:00:00.000Z',
      last: '2026-10-26T18:00:00.000Z',
    });
  });

  it('counts real hours on the DST night itself (00:00–06:00 Berlin is 5 hours in March, 7 in October)', () => {
    const night = (range: IsoInterval) =>
      findFreeSlots(
        query({
          recruiter: utcDay,
          candidate: { zone: 'Europe/Berlin', start: '00:00', end: '06:00' },
          durationMinutes: 60,
          stepMinutes: 60,
          range,
        }),
      );
    expect(starts(night({ start: '2026-03-28T22:00:00Z', end: '2026-03-29T08:00:00Z' }))).toEqual([
      '23:00',
      '00:00',
      '01:00',
      '02:00',
      '03:00',
    ]);
    expect(starts(night({ start: '2026-10-24T20:00:00Z', end: '2026-10-25T08:00:00Z' }))).toEqual([
      '22:00',
      '23:00',
      '00:00',
      '01:00',
      '02:00',
      '03:00',
      '04:00',
    ]);
  });

  it('merges touching and overlapping busy blocks across people, and fits a slot exactly into a gap', () => {
    const recruiter: DailyHours = { zone: 'UTC', start: '09:00', end: '12:00' };
    const base = { recruiter, candidate: { zone: 'UTC' }, range: day('2030-03-04'), count: 1 };
    const at = (h: string) => `2030-03-04T${h}:00.000Z`;
    expect(
      findFreeSlots(
        query({
          ...base,
          busy: [[{ start: at('09:00'), end: at('10:00') }], [{ start: at('10:00'), end: at('11:00') }]],
        }),
      )[0]!.start,
    ).toBe(at('11:00'));
    expect(
      findFreeSlots(
        query({
          ...base,
          busy: [[{ start: at('09:00'), end: at('10:30') }], [{ start: at('10:00'), end: at('11:00') }]],
        }),
      )[0]!.start,
    ).toBe(at('11:00'));
    expect(
      findFreeSlots(
        query({
          ...base,
          busy: [
            [
              { start: at('09:00'), end: at('10:00') },
              { start: at('10:30'), end: at('12:00') },
            ],
          ],
        }),
      ),
    ).toEqual([{ start: at('10:00'), end: at('10:30') }]);
  });

  it('treats an all-day block as the whole local day, 23 hours on the DST day', () => {
    expect(allDay('2026-03-08', 'America/Los_Angeles')).toEqual({
      start: '2026-03-08T08:00:00.000Z',
      end: '2026-03-09T07:00:00.000Z',
    });
    const slots = findFreeSlots(
      query({
        busy: [[allDay('2026-03-09', 'America/Los_Angeles')]],
        range: { start: '2026-03-09T00:00:00Z', end: '2026-03-11T00:00:00Z' },
        count: 1,
      }),
    );
    expect(slots).toEqual([{ start: '2026-03-10T13:00:00.000Z', end: '2026-03-10T13:30:00.000Z' }]);
  });

  it('returns nothing when the hours never meet, and nothing before now', () => {
    expect(findFreeSlots(query({ recruiter: { ...la, start: '09:00' }, range: day('2026-03-02', 14) }))).toEqual([]);
    const recruiter: DailyHours = { zone: 'UTC', start: '09:00', end: '12:00' };
    expect(
      findFreeSlots(
        query({
          recruiter,
          candidate: { zone: 'UTC' },
          range: day('2030-03-04'),
          now: '2030-03-04T10:07:00Z',
          count: 1,
        }),
      )[0]!.start,
    ).toBe('2030-03-04T10:15:00.000Z');
    expect(
      findFreeSlots(
        query({ recruiter, candidate: { zone: 'UTC' }, range: day('2030-03-04'), now: '2030-03-05T00:00:00Z' }),
      ),
    ).toEqual([]);
  });

  it("aligns starts to the recruiter's wall clock (Kolkata's half-hour offset)", () => {
    const slots = findFreeSlots(
      query({
        recruiter: { zone: 'Asia/Kolkata', start: '10:00', end: '12:00' },
        candidate: { zone: 'UTC', start: '00:00', end: '24:00' },
        stepMinutes: 60,
        range: day('2030-03-04'),
      }),
    );
    expect(starts(slots)).toEqual(['04:30', '05:30']);
  });

  it('names whose busy time a proposed slot overlaps (touching is not overlapping)', () => {
    const people = [
      { who: 'Rita', busy: [{ start: '2030-03-04T09:00:00Z', end: '2030-03-04T10:00:00Z' }] },
      { who: 'Pat', busy: [{ start: '2030-03-04T10:30:00Z', end: '2030-03-04T11:00:00Z' }] },
      { who: 'Lee', busy: [] },
    ];
    expect(busyDuring({ start: '2030-03-04T09:45:00Z', end: '2030-03-04T10:45:00Z' }, people)).toEqual(['Rita', 'Pat']);
    expect(busyDuring({ start: '2030-03-04T10:00:00Z', end: '2030-03-04T10:30:00Z' }, people)).toEqual([]);
  });

  it('refuses unknown zones and malformed hours with a clear message', () => {
    expect(() => findFreeSlots(query({ candidate: { zone: 'Mars/Olympus' }, range: day('2030-03-04') }))).toThrow(
      /time zone/,
    );
    expect(() => findFreeSlots(query({ recruiter: { ...la, start: '9am' }, range: day('2030-03-04') }))).toThrow(
      /09:00/,
    );
    expect(() => findFreeSlots(query({ recruiter: { ...la, start: '18:00' }, range: day('2030-03-04') }))).toThrow(
      /end after/,
    );
  });

  it('property: no slot overlaps a busy block, and every slot is inside both people’s hours and the range', () => {
    const zones = [
      'America/Los_Angeles',
      'America/New_York',
      'Europe/Berlin',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'UTC',
    ];
    const hhmm = (m: number) =>
      m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const hours = fc.record({
      zone: fc.constantFrom(...zones),
      from: fc.integer({ min: 0, max: 44 }),
      length: fc.integer({ min: 2, max: 24 }),
      days: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), {
        nil: undefined,
      }),
    });
    // Around the March and October/November changes of 2026.
    const rangeStart = fc.constantFrom(
      Date.UTC(2026, 2, 3),
      Date.UTC(2026, 2, 24),
      Date.UTC(2026, 9, 21),
      Date.UTC(2026, 9, 29),
      Date.UTC(2026, 3, 4),
    );
    const block = fc.tuple(fc.integer({ min: 0, max: 15 * 24 * 4 }), fc.integer({ min: 1, max: 4 * 30 }));
    let runs = 0;
    let found = 0;
    fc.assert(
      fc.property(
        hours,
        hours,
        rangeStart,
        fc.array(fc.array(block, { maxLength: 12 }), { maxLength: 5 }),
        fc.constantFrom(15, 30, 45, 60, 90),
        fc.constantFrom(15, 30),
        fc.integer({ min: 0, max: 3 * 24 * 4 }),
        (r, c, from, people, duration, step, nowQuarter) => {
          runs++;
          const toHours = (h: typeof r): DailyHours => ({
            zone: h.zone,
            start: hhmm(h.from * 30),
            end: hhmm(Math.min(1440, h.from * 30 + h.length * 30)),
            ...(h.days ? { days: h.days } : {}),
          });
          const recruiter = toHours(r);
          const candidate = toHours(c);
          const busy = people.map((blocks) =>
            blocks.map(([q, len]) => ({
              start: new Date(from + q * 15 * 60_000).toISOString(),
              end: new Date(from + (q + len) * 15 * 60_000).toISOString(),
            })),
          );
          const range = { start: new Date(from).toISOString(), end: new Date(from + 14 * 86_400_000).toISOString() };
          const now = from + nowQuarter * 15 * 60_000;
          const slots = findFreeSlots({
            busy,
            recruiter,
            candidate,
            durationMinutes: duration,
            stepMinutes: step,
            range,
            now,
            count: 40,
          });
          const inside = (h: DailyHours, s: number, e: number) => {
            const local = DateTime.fromMillis(s, { zone: h.zone });
            const edge = (t: string) =>
              (t === '24:00'
                ? local.startOf('day').plus({ days: 1 })
                : local.startOf('day').set({ hour: Number(t.slice(0, 2)), minute: Number(t.slice(3)) })
              ).toMillis();
            return (!h.days || h.days.includes(local.weekday)) && s >= edge(h.start) && e <= edge(h.end);
          };
          found += slots.length;
          let previous = -Infinity;
          for (const slot of slots) {
            const s = Date.parse(slot.start);
            const e = Date.parse(slot.end);
            expect(e - s).toBe(duration * 60_000);
            expect(s).toBeGreaterThan(previous);
            previous = s;
            expect(s).toBeGreaterThanOrEqual(Math.max(now, from));
            expect(e).toBeLessThanOrEqual(Date.parse(range.end));
            for (const b of busy.flat())
              expect(
                s < Date.parse(b.end) && Date.parse(b.start) < e,
                `${slot.start} overlaps ${b.start}–${b.end}`,
              ).toBe(false);
            expect(inside(recruiter, s, e), `${slot.start} outside recruiter hours ${JSON.stringify(recruiter)}`).toBe(
              true,
            );
            expect(inside(candidate, s, e), `${slot.start} outside candidate hours ${JSON.stringify(candidate)}`).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
    console.log(`slot finder property: ${runs} runs, ${found} slots checked`);
    expect(found).toBeGreaterThan(runs);
  });
});
