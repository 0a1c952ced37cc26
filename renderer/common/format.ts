/**
 * Display formatting with Intl (no time-zone arithmetic: main resolves wall times to instants).
 */
import { formatInstantParts, timeStyleOf, type DatePart, type TimeStyle } from '../../preload/shared/rules/time-format';

/** The system's zone: the recruiter's default. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every IANA zone the engine knows, for the searchable zone fields. */
export function allTimeZones(): string[] {
  const withIntl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return withIntl.supportedValuesOf?.('timeZone') ?? [systemTimeZone()];
}

/** True when the engine knows the zone (aliases such as Asia/Kolkata included, which the list may spell Asia/Calcutta). */
export function isKnownZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { timeZone: zone, ...options });
    cache.set(key, f);
  }
  return f;
}

let screenStyle: TimeStyle | undefined;
/** How this screen's reader writes a time: the system's locale and its 12- or 24-hour clock. */
export function screenTimeStyle(): TimeStyle {
  screenStyle ??= timeStyleOf(Intl.DateTimeFormat().resolvedOptions().locale);
  return screenStyle;
}

/**
 * A time for the screen, held together: the space before "PM" or the zone becomes a no-break space,
 * so a line never ends between "3:17" and "PM" at any width.
 */
export function formatClock(
  ms: number | string,
  zone: string,
  date: DatePart = 'none',
  zoneName?: 'short',
  style: TimeStyle = screenTimeStyle(),
): string {
  const parts = formatInstantParts(ms, zone, style, { date, ...(zoneName ? { zoneName } : {}) });
  return parts
    .map((part, i) =>
      part.type === 'literal' && (parts[i + 1]?.type === 'dayPeriod' || parts[i + 1]?.type === 'timeZoneName')
        ? part.value.replace(/\s/g, '\u00a0')
        : part.value,
    )
    .join('');
}

/** "Tue 15 Jan 2030, 10:00 CET" (or "Tue, Jan 15, 2030, 10:00 AM EST"). */
export function formatDateTime(ms: number | string, zone: string): string {
  return formatClock(ms, zone, 'short', 'short');
}

/** "10:00" (or "3:17 PM", never broken across lines). */
export function formatTime(ms: number | string, zone: string): string {
  return formatClock(ms, zone);
}

/** "14:30" always on a 24-hour clock, for `<input type="time">` values. */
export function formatInputTime(ms: number | string, zone: string): string {
  const parts = formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    typeof ms === 'string' ? Date.parse(ms) : ms,
  );
  return `${parts.find((p) => p.type === 'hour')?.value ?? '00'}:${parts.find((p) => p.type === 'minute')?.value ?? '00'}`;
}

/** "Tuesday 15 January 2030". */
export function formatDay(ms: number | string, zone: string): string {
  return formatter(zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    typeof ms === 'string' ? Date.parse(ms) : ms,
  );
}

/** "Tuesday 15 January" (or "Tuesday, January 15"): a day of the next weeks, in the reader's order. */
export function formatDayOfYear(ms: number | string, zone: string): string {
  return formatter(zone, { weekday: 'long', day: 'numeric', month: 'long' }).format(
    typeof ms === 'string' ? Date.parse(ms) : ms,
  );
}

/** "Tue 15 Jan" (or "Tue, Jan 15"). */
export function formatShortDay(ms: number | string, zone: string): string {
  return formatter(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    typeof ms === 'string' ? Date.parse(ms) : ms,
  );
}

/** "2030-01-15": the calendar day in the zone, for grouping. */
export function dayKey(ms: number | string, zone: string): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof ms === 'string' ? Date.parse(ms) : ms,
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The first instant (ms) of the day `ms` falls on in the zone (found by halving: no zone arithmetic here). */
export function startOfDay(ms: number, zone: string): number {
  const day = dayKey(ms, zone);
  // A day is at most 26 hours long somewhere (DST); search whole minutes in the hours before `ms`.
  let low = Math.floor((ms - 27 * 3600_000) / 60_000);
  let high = Math.floor(ms / 60_000);
  while (low + 1 < high) {
    const mid = Math.floor((low + high) / 2);
    if (dayKey(mid * 60_000, zone) === day) high = mid;
    else low = mid;
  }
  return high * 60_000;
}

/** The zone's short name at that moment, e.g. "CET" or "GMT+5:30". */
export function zoneName(ms: number | string, zone: string): string {
  const parts = formatter(zone, { timeZoneName: 'long' }).formatToParts(typeof ms === 'string' ? Date.parse(ms) : ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
