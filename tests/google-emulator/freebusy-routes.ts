import type { IncomingMessage, ServerResponse } from 'node:http';
import { DateTime, IANAZone } from 'luxon';
import { googleError, json, readJson } from './http-helpers';
import type { OAuthEmulator } from './oauth-routes';
import type { CalendarEmulator } from './calendar-routes';

type Json = Record<string, unknown>;

/** freeBusy.query accepts any of these; `calendar.events` alone is not enough. */
export const freeBusyScopes = [
  'https://www.googleapis.com/auth/calendar.freebusy',
  'https://www.googleapis.com/auth/calendar.events.freebusy',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.readonly',
];

/** Google's documented maximum for `calendarExpansionMax` (also the default) and `groupExpansionMax`. */
const calendarExpansionLimit = 50;
const groupExpansionLimit = 100;
/** Longer ranges get "The requested time range is too long." (scheduling tools split queries at 90 days). */
const maxRangeMs = 90 * 86_400_000;

interface Busy {
  start: number;
  end: number;
}

/** Per-calendar error reasons Google puts in `calendars[id].errors` instead of failing the request. */
export type CalendarErrorReason =
  'notFound' | 'forbidden' | 'internalError' | 'groupTooBig' | 'tooManyCalendarsRequested';

/** Calendar v3 `POST /freeBusy`: the primary calendar from the emulated events, others set by tests. */
export class FreeBusyEmulator {
  /** The primary calendar's zone, which all-day events are read in. */
  primaryTimeZone = 'UTC';
  private others = new Map<string, Busy[]>();
  private errors = new Map<string, CalendarErrorReason>();

  constructor(
    private readonly oauth: OAuthEmulator,
    private readonly calendar: CalendarEmulator,
  ) {}

  /** Test API: the busy blocks of another person's calendar (a colleague in the same Workspace). */
  setBusy(calendarId: string, blocks: Array<{ start: string; end: string }>): void {
    this.errors.delete(calendarId);
    this.others.set(
      calendarId,
      blocks.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })),
    );
  }

  /** Test API: the calendar answers a per-calendar error (unknown outside the Workspace, not shared…). */
  setError(calendarId: string, reason: CalendarErrorReason): void {
    this.errors.set(calendarId, reason);
  }

  /** Test API: forgets other calendars. */
  clear(): void {
    this.others.clear();
    this.errors.clear();
  }

  /** Busy time of the connected user's events: confirmed or tentative, opaque, not declined by them. */
  private primaryBusy(): Busy[] {
    const blocks: Busy[] = [];
    for (const event of this.calendar.all()) {
      if (event.status === 'cancelled' || event.transparency === 'transparent') continue;
      const self = (event.attendees as Json[] | undefined)?.find((a) => a.self === true);
      if (self?.responseStatus === 'declined') continue;
      const edge = (value: unknown): number | undefined => {
        const v = value as { dateTime?: string; date?: string } | undefined;
        if (v?.dateTime) return Date.parse(v.dateTime);
        if (v?.date) return DateTime.fromISO(v.date, { zone: this.primaryTimeZone }).toMillis();
        return undefined;
      };
      const start = edge(event.start);
      const end = edge(event.end);
      if (start !== undefined && end !== undefined && end > start) blocks.push({ start, end });
    }
    return blocks;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== '/calendar/v3/freeBusy') return false;
    if (req.method !== 'POST')
      return (json(res, 405, googleError(405, 'httpMethodNotAllowed', 'Method Not Allowed')), true);
    const grant = this.oauth.authenticate(req);
    if (!grant) return (json(res, 401, googleError(401, 'authError', 'Invalid Credentials')), true);
    if (!freeBusyScopes.some((s) => grant.scopes.has(s))) {
      return (
        json(res, 403, googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.')),
        true
      );
    }
    const body = await readJson(req);
    if (!body) return (json(res, 400, googleError(400, 'parseError', 'Parse Error')), true);
    const bad = (reason: string, message: string, domain = 'global') => (
      json(res, 400, googleError(400, reason, message, domain)),
      true
    );

    for (const field of ['timeMin', 'timeMax'] as const) {
      if (body[field] === undefined) return bad('required', `Missing ${field} parameter.`);
      if (
        typeof body[field] !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(body[field]) ||
        Number.isNaN(Date.parse(body[field]))
      ) {
        return bad('invalid', `Invalid value for: ${field}`);
      }
    }
    const timeMin = Date.parse(body.timeMin as string);
    const timeMax = Date.parse(body.timeMax as string);
    if (timeMax <= timeMin) return bad('timeRangeEmpty', 'The specified time range is empty.', 'calendar');
    if (timeMax - timeMin > maxRangeMs)
      return bad('timeRangeTooLong', 'The requested time range is too long.', 'calendar');
    const zone = body.timeZone === undefined ? 'UTC' : body.timeZone;
    if (typeof zone !== 'string' || !IANAZone.isValidZone(zone))
      return bad('invalid', 'Invalid time zone definition for timeZone.');
    const expansion = body.calendarExpansionMax ?? calendarExpansionLimit;
    if (!Number.isInteger(expansion) || (expansion as number) < 1 || (expansion as number) > calendarExpansionLimit)
      return bad('invalid', 'Invalid value for: calendarExpansionMax');
    const groupExpansion = body.groupExpansionMax ?? groupExpansionLimit;
    if (
      !Number.isInteger(groupExpansion) ||
      (groupExpansion as number) < 1 ||
      (groupExpansion as number) > groupExpansionLimit
    )
      return bad('invalid', 'Invalid value for: groupExpansionMax');
    if (!Array.isArray(body.items)) return bad('required', 'Missing items parameter.');
    const ids: string[] = [];
    for (const item of body.items as unknown[]) {
      const id = (item as Json | null)?.id;
      if (typeof id !== 'string' || id.length === 0) return bad('required', 'Missing id in items.');
      ids.push(id);
    }
    // More calendars than the request allows is refused as a whole (not answered partially).
    if (ids.length > (expansion as number))
      return bad(
        'tooManyCalendarsRequested',
        'The number of calendars requested is too large for a single query.',
        'calendar',
      );

    const format = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
    const calendars: Record<string, Json> = {};
    for (const id of ids) {
      const error = this.errors.get(id);
      const source = id === 'primary' || id === grant.email ? this.primaryBusy() : this.others.get(id);
      if (error || !source) {
        calendars[id] = { errors: [{ domain: 'global', reason: error ?? 'notFound' }], busy: [] };
        continue;
      }
      calendars[id] = {
        busy: clipAndMerge(source, timeMin, timeMax).map((b) => ({ start: format(b.start), end: format(b.end) })),
      };
    }
    json(res, 200, { kind: 'calendar#freeBusy', timeMin: format(timeMin), timeMax: format(timeMax), calendars });
    return true;
  }
}

/** Busy periods inside [min, max), overlapping ones merged, in order — the way Google answers them. */
function clipAndMerge(blocks: Busy[], min: number, max: number): Busy[] {
  const clipped = blocks
    .map((b) => ({ start: Math.max(b.start, min), end: Math.min(b.end, max) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);
  const merged: Busy[] = [];
  for (const b of clipped) {
    const last = merged.at(-1);
    if (last && b.start < last.end) last.end = Math.max(last.end, b.end);
    else merged.push({ ...b });
  }
  return merged;
}
