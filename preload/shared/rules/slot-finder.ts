/**
 * "Suggest times": the next free interview slots for a recruiter (and panel) and a candidate in
 * another zone. Pure and shared by main and the renderer. Working hours are wall-clock times in
 * each person's own zone, laid out day by day with Luxon so DST changes in either zone move them
 * correctly; busy blocks are instants, merged across everyone before the free time is cut.
 */
import { DateTime, IANAZone } from 'luxon';
import { intersectSpans, mergeSpans, subtractSpans, type Span } from './time-spans';

/** A busy (or free) interval as ISO 8601 instants; `end` is exclusive. */
export interface IsoInterval {
  start: string;
  end: string;
}

/** Wall-clock hours on some weekdays in a zone. `end` may be "24:00" (midnight at the end of the day). */
export interface DailyHours {
  zone: string;
  /** "HH:mm" */
  start: string;
  /** "HH:mm", after `start`. */
  end: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday); every day when absent. */
  days?: number[];
}

/** What to search for. */
export interface SlotQuery {
  /** Busy blocks per person (recruiter, each panelist, the candidate if known). */
  busy: IsoInterval[][];
  /** The recruiter's working hours and days (Settings). */
  recruiter: DailyHours;
  /** The candidate's zone and reasonable hours; 08:00–20:00 every day unless given. */
  candidate: { zone: string; start?: string; end?: string; days?: number[] };
  durationMinutes: number;
  /** Slot starts fall on multiples of this many minutes of the recruiter's wall clock. */
  stepMinutes: number;
  range: IsoInterval;
  /** Nothing starting before now is offered. */
  now: string | number;
  /** How many slots to return at most. */
  count: number;
}

/** The default "reasonable hours" for a candidate, in their own zone. */
export const candidateDefaultHours = { start: '08:00', end: '20:00' } as const;

const minute = 60_000;

function minutesOf(hhmm: string, what: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || value > 24 * 60)
    throw new RangeError(`${what} must be a time like 09:00 (got "${hhmm}")`);
  return value;
}

function checkZone(zone: string, what: string): void {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`${what} is not a known time zone (got "${zone}")`);
}

/** The instants of `hours` on every local day that touches [from, to), in order. */
export function dailyWindows(hours: DailyHours, from: number, to: number): Span[] {
  checkZone(hours.zone, 'The time zone');
  const startMin = minutesOf(hours.start, 'The start of the hours');
  const endMin = minutesOf(hours.end, 'The end of the hours');
  if (endMin <= startMin) throw new RangeError(`The hours must end after they start (${hours.start}–${hours.end})`);
  const days = hours.days ? new Set(hours.days) : undefined;
  const windows: Span[] = [];
  // One local day before `from`, so a window that began yesterday evening (far zone) is included.
  let day = DateTime.fromMillis(from, { zone: hours.zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(to, { zone: hours.zone }).startOf('day');
  while (day <= last) {
    if (!days || days.has(day.weekday)) {
      // Wall-clock arithmetic from the local midnight: Luxon skips a nonexistent time forward and keeps the offset of the hour that applies.
      const at = (m: number) =>
        (m === 24 * 60 ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(m / 60), minute: m % 60 })).toMillis();
      const span = { start: at(startMin), end: at(endMin) };
      if (span.end > from && span.start < to && span.end > span.start)
        windows.push({ start: Math.max(span.start, from), end: Math.min(span.end, to) });
    }
    day = day.plus({ days: 1 });
  }
  return windows;
}

/** A whole local calendar day in a zone as an interval (23 or 25 hours on DST days): an all-day busy block. */
export function allDay(date: string, zone: string): IsoInterval {
  checkZone(zone, 'The time zone');
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  if (!start.isValid) throw new RangeError(`The date must look like 2030-03-04 (got "${date}")`);
  return { start: start.toUTC().toISO()!, end: start.plus({ days: 1 }).toUTC().toISO()! };
}

/** The next `count` free slots for everyone, inside both people's hours, as UTC ISO instants; empty when there is none. */
export function findFreeSlots(query: SlotQuery): IsoInterval[] {
  const duration = query.durationMinutes * minute;
  const step = query.stepMinutes * minute;
  if (!(query.durationMinutes > 0) || !(query.stepMinutes > 0))
    throw new RangeError('The duration and the step must be positive numbers of minutes');
  const now = typeof query.now === 'number' ? query.now : Date.parse(query.now);
  const from = Math.max(Date.parse(query.range.start), now);
  const to = Date.parse(query.range.end);
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('The search range must be two valid instants');
  if (to <= from || query.count <= 0) return [];

  checkZone(query.candidate.zone, "The candidate's time zone");
  const candidate: DailyHours = {
    zone: query.candidate.zone,
    start: query.candidate.start ?? candidateDefaultHours.start,
    end: query.candidate.end ?? candidateDefaultHours.end,
    ...(query.candidate.days ? { days: query.candidate.days } : {}),
  };
  const busy = mergeSpans(
    query.busy
      .flat()
      .map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }))
      .filter((b) => !Number.isNaN(b.start) && !Number.isNaN(b.end)),
  );
  const open = subtractSpans(
    intersectSpans(dailyWindows(query.recruiter, from, to), dailyWindows(candidate, from, to)),
    busy,
  );

  const zone = IANAZone.create(query.recruiter.zone);
  // The first start at or after `t` on the recruiter's wall-clock grid (whole steps from local midnight).
  const aligned = (t: number) => {
    const offset = zone.offset(t) * minute;
    return Math.ceil((t + offset) / step) * step - offset;
  };
  const slots: IsoInterval[] = [];
  for (const span of open) {
    for (let s = aligned(span.start); s + duration <= span.end; s = aligned(s + step)) {
      slots.push({ start: new Date(s).toISOString(), end: new Date(s + duration).toISOString() });
      if (slots.length >= query.count) return slots;
    }
  }
  return slots;
}

/** Whose busy time a proposed slot overlaps (for "Pat Panel is busy then"), in the order given; empty when everyone is free. */
export function busyDuring<T>(slot: IsoInterval, people: Array<{ who: T; busy: IsoInterval[] }>): T[] {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  return people
    .filter((p) => p.busy.some((b) => Date.parse(b.start) < end && Date.parse(b.end) > start))
    .map((p) => p.who);
}
