/**
 * The one wording of "how long until the interview" for every reminder (in-app banner, native
 * notification, tray, candidate email). Always computed from the real now and start, never from the
 * reminder's offset: a reminder shown late must still tell the truth. Shared by main and renderer.
 */
import { formatInstant, type TimeStyle } from './time-format';

const minute = 60_000;

/** "3 h 58 min", "1 d 2 h", "45 min": a duration rounded to the minute. */
export function formatTimeSpan(ms: number): string {
  const total = Math.round(Math.abs(ms) / minute);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/** "starts in 3 h 58 min", "is starting now" (under half a minute either way), "started 4 min ago". */
export function timeLeftPhrase(startMs: number, now: number): string {
  const left = startMs - now;
  if (Math.round(Math.abs(left) / minute) === 0) return 'is starting now';
  return left > 0 ? `starts in ${formatTimeSpan(left)}` : `started ${formatTimeSpan(left)} ago`;
}

// Building an Intl.DateTimeFormat costs far more than using one: every email and reminder asks this twice.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayOf(ms: number, zone: string): string {
  let f = dayFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(zone, f);
  }
  return f.format(ms);
}

/** The start as a clock time in `zone`: "14:30 CET", with the day when it is not today there ("Thu 16 Jan, 09:00 CET"). */
export function startClock(startMs: number, now: number, zone: string, style: TimeStyle): string {
  return formatInstant(startMs, zone, style, {
    date: dayOf(startMs, zone) !== dayOf(now, zone) ? 'weekday' : 'none',
    zoneName: 'short',
  });
}

/** The whole reminder phrase: "starts in 3 h 58 min (at 14:30 CET)", or "is starting now (14:30 CET)". */
export function reminderWhen(startMs: number, now: number, zone: string, style: TimeStyle): string {
  const phrase = timeLeftPhrase(startMs, now);
  return `${phrase} (${phrase.startsWith('starts in') ? 'at ' : ''}${startClock(startMs, now, zone, style)})`;
}
