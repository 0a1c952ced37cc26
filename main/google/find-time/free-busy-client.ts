/**
 * Busy time of the recruiter and each panelist from Calendar's `freeBusy.query`, one answer per
 * person: busy blocks, or why Google would not say (a colleague outside the Workspace answers
 * `notFound`, a calendar not shared answers `forbidden`) so the form can name them and carry on.
 * Large asks are split the way Google's limits require (50 calendars, long ranges per request).
 */
import { google, type calendar_v3 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { withGoogleRetry, type RetryOptions } from '../api/retry-policy';
import { GoogleRequestError, toGoogleRequestError } from '../api/google-request-error';

/** The narrow scope free/busy asks for, incrementally, the first time "Find a time" is used. */
export const freeBusyScope = 'https://www.googleapis.com/auth/calendar.freebusy';

/** Google answers at most 50 calendars per request. */
const calendarsPerRequest = 50;
/** Google refuses long ranges ("The requested time range is too long."); 60 days stays well inside. */
const rangePerRequestMs = 60 * 86_400_000;

/** One person's calendar: busy blocks (UTC ISO instants, in order), or why there are none. */
export interface CalendarBusy {
  calendarId: string;
  status: 'ok' | 'not_found' | 'forbidden' | 'error';
  /** Google's reason when status is not ok. */
  reason?: string;
  busy: Array<{ start: string; end: string }>;
}

/** What the query needs. */
export interface FreeBusyOptions {
  auth: OAuth2Client | (() => Promise<OAuth2Client>);
  /** `config.google.apiUrl`. */
  apiUrl: string;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
}

/** The calendars (ids or email addresses; `primary` for the connected account) and the range. */
export interface FreeBusyQuery {
  calendars: string[];
  timeMin: string;
  timeMax: string;
}

type Raw = Record<string, unknown>;

function statusOf(reason: string | undefined): CalendarBusy['status'] {
  return reason === 'notFound' ? 'not_found' : reason === 'forbidden' ? 'forbidden' : 'error';
}

/** Busy time per calendar, in the order asked. Throws GoogleRequestError (scope missing, reconnect, unavailable…). */
export async function queryFreeBusy(options: FreeBusyOptions, query: FreeBusyQuery): Promise<CalendarBusy[]> {
  const from = Date.parse(query.timeMin);
  const to = Date.parse(query.timeMax);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from)
    throw new GoogleRequestError(
      'invalid_request',
      'The free/busy range must be two times, the end after the start.',
      undefined,
      0,
    );
  const ids = [...new Set(query.calendars)];
  const results = new Map<string, CalendarBusy>(ids.map((id) => [id, { calendarId: id, status: 'ok', busy: [] }]));
  if (ids.length === 0) return [];
  try {
    const auth = typeof options.auth === 'function' ? await options.auth() : options.auth;
    const calendar: calendar_v3.Calendar = google.calendar({ version: 'v3', auth, rootUrl: options.apiUrl });
    for (let start = from; start < to; start += rangePerRequestMs) {
      const end = Math.min(to, start + rangePerRequestMs);
      for (let i = 0; i < ids.length; i += calendarsPerRequest) {
        const chunk = ids.slice(i, i + calendarsPerRequest);
        const res = await withGoogleRetry(
          () =>
            calendar.freebusy.query(
              {
                requestBody: {
                  timeMin: new Date(start).toISOString(),
                  timeMax: new Date(end).toISOString(),
                  items: chunk.map((id) => ({ id })),
                  calendarExpansionMax: chunk.length,
                },
              },
              { retry: false, timeout: options.requestTimeoutMs ?? 20_000 },
            ),
          options.retry,
        );
        const calendars = (res.data.calendars ?? {}) as Record<string, Raw | undefined>;
        for (const id of chunk) {
          const entry = results.get(id)!;
          const answer = calendars[id];
          const errors = Array.isArray(answer?.errors) ? (answer.errors as Raw[]) : [];
          if (!answer || errors.length) {
            const reason = typeof errors[0]?.reason === 'string' ? errors[0].reason : 'notFound';
            Object.assign(entry, { status: statusOf(reason), reason, busy: [] });
            continue;
          }
          if (entry.status !== 'ok') continue;
          for (const b of Array.isArray(answer.busy) ? (answer.busy as Raw[]) : []) {
            const s = typeof b.start === 'string' ? Date.parse(b.start) : NaN;
            const e = typeof b.end === 'string' ? Date.parse(b.end) : NaN;
            // Data from Google is input: a block without two valid, ordered instants is dropped.
            if (Number.isNaN(s) || Number.isNaN(e) || e <= s) continue;
            entry.busy.push({ start: new Date(s).toISOString(), end: new Date(e).toISOString() });
          }
        }
      }
    }
  } catch (error) {
    throw toGoogleRequestError(error);
  }
  for (const entry of results.values()) entry.busy.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return ids.map((id) => results.get(id)!);
}
