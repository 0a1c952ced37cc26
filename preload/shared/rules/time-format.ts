/**
 * The one way the app writes an instant for a person to read: screens, the room's delivery lines,
 * notifications, the tray and emails. The app's words are English, so the date's words are English
 * too; the reader's locale decides the rest: 12 or 24 hours, day-month order, "9:05 AM" or "09:05".
 * Shared by main and renderer.
 */

export type HourCycle = 'h12' | 'h23';

/** How one reader writes a time: an English locale of their region, and their clock. */
export interface TimeStyle {
  locale: string;
  hourCycle: HourCycle;
}

/** How much of the date goes with the clock time. */
export type DatePart =
  /** "13:00" */
  | 'none'
  /** "3 Mar, 13:00" */
  | 'dayMonth'
  /** "Thu 16 Jan, 13:00" */
  | 'weekday'
  /** "Tue 15 Jan 2030, 13:00" */
  | 'short'
  /** "Tuesday 15 January 2030 at 13:00" */
  | 'long';

const dateOptions: Record<DatePart, Intl.DateTimeFormatOptions> = {
  none: {},
  dayMonth: { day: 'numeric', month: 'short' },
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

function knownLocale(tag: string | undefined): Intl.Locale | undefined {
  if (!tag) return undefined;
  try {
    const locale = new Intl.Locale(tag);
    // "und" (no locale set at all) says nothing about the reader: read it as missing.
    return locale.baseName === 'und' || !locale.language ? undefined : locale;
  } catch {
    return undefined;
  }
}

/** The clock a locale uses by default ("en-US" 12 hours, "en-GB" and "de-DE" 24 hours). */
export function hourCycleOf(locale: string): HourCycle {
  const cycle = new Intl.DateTimeFormat(knownLocale(locale)?.toString() ?? 'en-GB', {
    hour: 'numeric',
  }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/**
 * The style for a reader with this locale: English words in the ways of their region ("de-DE"
 * writes "Tuesday, 15 January 2030 at 13:00"), and their clock unless a preference is given.
 * A missing or unreadable locale is read as British English (24 hours, day before month).
 */
export function timeStyleOf(locale: string | undefined, hourCycle?: HourCycle): TimeStyle {
  const parsed = knownLocale(locale);
  const region = parsed?.maximize().region;
  const english = parsed?.language === 'en' ? parsed.baseName : region ? `en-${region}` : 'en-GB';
  const supported = Intl.DateTimeFormat.supportedLocalesOf([english])[0] ?? 'en-GB';
  return { locale: supported, hourCycle: hourCycle ?? (parsed ? hourCycleOf(parsed.toString()) : 'h23') };
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(
  zone: string,
  style: TimeStyle,
  date: DatePart,
  zoneName: 'short' | 'long' | undefined,
): Intl.DateTimeFormat {
  const key = `${zone}|${style.locale}|${style.hourCycle}|${date}|${zoneName ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(style.locale, {
      timeZone: zone,
      ...dateOptions[date],
      // "09:05" on a 24-hour clock, "9:05 AM" on a 12-hour one: each as its readers write it.
      hour: style.hourCycle === 'h23' ? '2-digit' : 'numeric',
      minute: '2-digit',
      hourCycle: style.hourCycle,
      ...(zoneName ? { timeZoneName: zoneName } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

export interface InstantFormat {
  /** How much of the date comes with the time; "none" unless given. */
  date?: DatePart;
  /** Names the zone after the time: "CET" (short) or "Central European Standard Time" (long). */
  zoneName?: 'short' | 'long';
}

/** The pieces of an instant written for a reader in `zone`, for callers that join them their own way. */
export function formatInstantParts(
  ms: number | string,
  zone: string,
  style: TimeStyle,
  format: InstantFormat = {},
): Intl.DateTimeFormatPart[] {
  return formatter(zone, style, format.date ?? 'none', format.zoneName).formatToParts(
    typeof ms === 'string' ? Date.parse(ms) : ms,
  );
}

/**
 * An instant written for a reader in `zone`: "1:00 PM", "13:00 CET", "Tue 15 Jan 2030, 13:00". ICU's
 * narrow spaces (before "PM") become plain ones: every mail client shows those.
 */
export function formatInstant(ms: number | string, zone: string, style: TimeStyle, format: InstantFormat = {}): string {
  return formatInstantParts(ms, zone, style, format)
    .map((p) => (p.type === 'literal' ? p.value.replace(/[\u202f\u2009]/g, ' ') : p.value))
    .join('');
}

/** The zone's long name at that moment, as the style's locale writes it ("Central European Standard Time"). */
export function zoneLongName(ms: number | string, zone: string, style: TimeStyle): string {
  return (
    formatInstantParts(ms, zone, style, { zoneName: 'long' }).find((p) => p.type === 'timeZoneName')?.value ?? zone
  );
}

/**
 * A span in one zone, the zone named once: "Tue 15 Jan 2030, 13:00–14:00 CET" (the end's date too when
 * it falls on another day there).
 */
export function formatInstantRange(
  start: number | string,
  end: number | string,
  zone: string,
  style: TimeStyle,
): string {
  const day = (ms: number | string) =>
    formatInstantParts(ms, zone, style, { date: 'short' })
      .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
      .map((p) => p.value)
      .join(' ');
  const sameDay = day(start) === day(end);
  const from = formatInstant(start, zone, style, { date: 'short' });
  const to = formatInstant(end, zone, style, { date: sameDay ? 'none' : 'short', zoneName: 'short' });
  return `${from}–${to}`;
}
