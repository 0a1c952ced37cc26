// Suggest times: the next free slots over a 14-day range for a panel of 5 calendars (recruiter,
// three panelists, the candidate), Los Angeles recruiter and Kolkata candidate, 30-minute slots on
// a 15-minute grid. Target from issue #13: under 20 ms per computation.
import { findFreeSlots, type IsoInterval } from '../../preload/shared/rules/slot-finder';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const start = Date.parse('2026-03-02T00:00:00Z'); // spans the US DST change of 8 March
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
// About 6 meetings a day per calendar, 15 to 120 minutes each, at quarter hours.
const calendars: IsoInterval[][] = Array.from({ length: 5 }, () =>
  Array.from({ length: 14 * 6 }, () => {
    const at = start + Math.floor(random() * 14 * 24 * 4) * 15 * 60_000;
    return {
      start: new Date(at).toISOString(),
      end: new Date(at + (1 + Math.floor(random() * 8)) * 15 * 60_000).toISOString(),
    };
  }),
);
const run = (count: number) =>
  findFreeSlots({
    busy: calendars,
    recruiter: { zone: 'America/Los_Angeles', start: '06:00', end: '18:00', days: [1, 2, 3, 4, 5] },
    candidate: { zone: 'Asia/Kolkata', start: '07:00', end: '22:00' },
    durationMinutes: 30,
    stepMinutes: 15,
    range: { start: new Date(start).toISOString(), end: new Date(start + 14 * 86_400_000).toISOString() },
    now: start,
    count,
  });

report('busy blocks in 5 calendars over 14 days', calendars.flat().length);
report('slots found over the whole range', run(10_000).length);
for (let i = 0; i < 20; i++) run(10_000); // warm-up
reportDurations('next 10 slots, 14 days, 5 calendars', await timeMany(200, () => run(10)));
reportDurations('every slot, 14 days, 5 calendars', await timeMany(200, () => run(10_000)));
