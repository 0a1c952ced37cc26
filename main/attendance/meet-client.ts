/**
 * A small typed client for the three Google Meet REST v2 list calls attendance needs: conference
 * records (filtered by meeting code and start time, or running), their participants, and each
 * participant's sessions. It follows every page, retries through the one Google retry policy and
 * turns failures into a GoogleRequestError the app can explain (scope missing, not allowed, reconnect…).
 */
import { google, type meet_v2 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { googleDefaults } from '../config/env-config';
import { withGoogleRetry, type RetryOptions } from '../google/api/retry-policy';
import { GoogleRequestError, toGoogleRequestError } from '../google/api/google-request-error';
import {
  parseConferenceRecord,
  parseParticipant,
  parseSession,
  type ConferenceRecord,
  type MeetParticipant,
  type MeetSession,
} from './meet-records';

/** The scope attendance asks for, incrementally, the first time it is needed. */
export const meetReadScope = 'https://www.googleapis.com/auth/meetings.space.readonly';

/** Conference records to ask for; every value is checked before it goes into Google's filter string. */
export interface ConferenceQuery {
  meetingCode?: string;
  spaceName?: string;
  /** Only conferences that started at or after this instant. */
  startedFrom?: string;
  /** Only conferences that started at or before this instant. */
  startedTo?: string;
  /** Only running conferences (`end_time IS NULL`). */
  running?: boolean;
}

const meetingCodePattern = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
const spacePattern = /^spaces\/[A-Za-z0-9_-]{1,128}$/;

/** The Meet filter for a query (`space.meeting_code = "…" AND start_time>="…" AND end_time IS NULL`). Throws on values that are not what they claim. */
export function conferenceFilter(query: ConferenceQuery): string {
  const parts: string[] = [];
  if (query.meetingCode !== undefined) {
    if (!meetingCodePattern.test(query.meetingCode))
      throw new GoogleRequestError(
        'invalid_request',
        `"${query.meetingCode}" is not a Meet meeting code (like abc-mnop-xyz).`,
        undefined,
        0,
      );
    parts.push(`space.meeting_code = "${query.meetingCode}"`);
  }
  if (query.spaceName !== undefined) {
    if (!spacePattern.test(query.spaceName))
      throw new GoogleRequestError('invalid_request', `"${query.spaceName}" is not a Meet space name.`, undefined, 0);
    parts.push(`space.name = "${query.spaceName}"`);
  }
  const time = (value: string, op: string) => {
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw new GoogleRequestError('invalid_request', `"${value}" is not a time.`, undefined, 0);
    parts.push(`start_time${op}"${new Date(at).toISOString()}"`);
  };
  if (query.startedFrom !== undefined) time(query.startedFrom, '>=');
  if (query.startedTo !== undefined) time(query.startedTo, '<=');
  if (query.running) parts.push('end_time IS NULL');
  return parts.join(' AND ');
}

/** What the client needs: an authorized OAuth client (or a way to get one), the API root and retry tuning. */
export interface MeetClientOptions {
  auth: OAuth2Client | (() => Promise<OAuth2Client>);
  /** `config.google.meetApiUrl`; Google's own root when absent. */
  rootUrl?: string;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  /** Items per page (Google caps conference records at 100, participants and sessions at 250). */
  pageSize?: number;
  /** A bound on pages per list, so a misbehaving server cannot keep the app looping. */
  maxPages?: number;
}

/** Per-request options: gaxios' own retry off (the one retry policy runs instead), a timeout. */
export function meetRequestOptions(options: Pick<MeetClientOptions, 'requestTimeoutMs'>) {
  return { retry: false, timeout: options.requestTimeoutMs ?? 20_000 } as const;
}

/**
 * Requests one piece of work may still make, shared by every list it walks: the page bound stops one
 * list, this stops the whole (records × participants × sessions) from growing without end.
 */
export interface RequestBudget {
  left: number;
}

/** The Meet v2 calls attendance uses; each takes the budget of the work it is part of. */
export interface MeetClient {
  listConferenceRecords(query: ConferenceQuery, budget?: RequestBudget): Promise<ConferenceRecord[]>;
  listParticipants(conferenceRecord: string, budget?: RequestBudget): Promise<MeetParticipant[]>;
  listSessions(participant: string, budget?: RequestBudget): Promise<MeetSession[]>;
}

/** One Meet v2 list page: its items (loose, parsed by the caller) and the next page's token. */
export type MeetPageFetch = (
  meet: meet_v2.Meet,
  page: { pageToken?: string; pageSize: number },
) => Promise<{ items: unknown[] | undefined; next: string | null | undefined }>;

/** How one list is walked: the page size asked for, the shared request budget, and an optional item cap. */
export interface PageWalk {
  pageSize: number;
  budget?: RequestBudget;
  /** Items kept at most; past it the walk stops asking and says it `cut`. */
  maxItems?: number;
}

/** What a walk found, and whether Google held more than `maxItems`. */
export interface WalkedList<T> {
  items: T[];
  cut: boolean;
}

/** The page walk every Meet list call uses (attendance's lists, Meet's artifacts). */
export interface MeetPages {
  list<T extends { name: string }>(
    fetchPage: MeetPageFetch,
    parse: (raw: unknown) => T | undefined,
    walk: PageWalk,
  ): Promise<WalkedList<T>>;
}

/** The Meet API with its one page walk, for any list call. */
export function createMeetPages(options: MeetClientOptions): MeetPages {
  const rootUrl = options.rootUrl ?? googleDefaults.meetApiUrl;
  const maxPages = options.maxPages ?? 50;
  const api = async (): Promise<meet_v2.Meet> =>
    google.meet({
      version: 'v2',
      auth: typeof options.auth === 'function' ? await options.auth() : options.auth,
      rootUrl,
    });

  /**
   * Follows nextPageToken, each page through the retry policy; drops entries Google sent malformed.
   * Google's answers are input: a page holds at most the `pageSize` asked for (more is dropped, never
   * kept: a server that ignores the size cannot grow one answer without end), a page token seen before
   * ends the walk (a loop would never end), and an entry already seen by its resource name is kept
   * once (a list newest-first can shift between pages, and a duplicate would be fetched again and
   * stored twice). With `maxItems`, the walk stops once it holds that many and says more was there.
   */
  const list: MeetPages['list'] = async (fetchPage, parse, walk) => {
    try {
      const meet = await api();
      const out = new Map<string, ReturnType<typeof parse> & object>();
      const tokens = new Set<string>();
      const max = walk.maxItems ?? Infinity;
      let token: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        if (walk.budget && walk.budget.left-- <= 0)
          throw new GoogleRequestError(
            'too_large',
            'Google Meet sent more than Interview Desk reads for one interview.',
            undefined,
            1,
          );
        const { items, next } = await withGoogleRetry(
          () => fetchPage(meet, { ...(token ? { pageToken: token } : {}), pageSize: walk.pageSize }),
          options.retry,
        );
        for (const raw of (items ?? []).slice(0, walk.pageSize)) {
          const parsed = parse(raw);
          if (!parsed || out.has(parsed.name)) continue;
          if (out.size >= max) return { items: [...out.values()], cut: true };
          out.set(parsed.name, parsed);
        }
        if (!next || tokens.has(next)) break;
        if (out.size >= max) return { items: [...out.values()], cut: true };
        tokens.add(next);
        token = next;
      }
      return { items: [...out.values()], cut: false };
    } catch (error) {
      throw toGoogleRequestError(error);
    }
  };
  return { list };
}

/** Creates the client. */
export function createMeetClient(options: MeetClientOptions): MeetClient {
  const requestOptions = meetRequestOptions(options);
  const pages = createMeetPages(options);
  const all = async <T extends { name: string }>(
    fetchPage: MeetPageFetch,
    parse: (raw: unknown) => T | undefined,
    pageSize: number,
    budget: RequestBudget | undefined,
  ) => (await pages.list(fetchPage, parse, { pageSize, ...(budget ? { budget } : {}) })).items;
  // A conference's participants and a participant's sessions are both listed under their parent, up
  // to 250 a page: one walk serves both, only the call and the parser differ.
  const under =
    <T extends { name: string }>(
      fetchUnder: (parent: string) => MeetPageFetch,
      parse: (raw: unknown) => T | undefined,
    ) =>
    (parent: string, budget?: RequestBudget) =>
      all(fetchUnder(parent), parse, Math.min(options.pageSize ?? 250, 250), budget);

  const client: MeetClient = {
    async listConferenceRecords(query, budget) {
      const filter = conferenceFilter(query);
      return all(
        async (meet, page) => {
          const res = await meet.conferenceRecords.list({ ...(filter ? { filter } : {}), ...page }, requestOptions);
          return { items: res.data.conferenceRecords, next: res.data.nextPageToken };
        },
        parseConferenceRecord,
        Math.min(options.pageSize ?? 100, 100),
        budget,
      );
    },
    listParticipants: under(
      (parent) => async (meet, page) => {
        const res = await meet.conferenceRecords.participants.list({ parent, ...page }, requestOptions);
        return { items: res.data.participants, next: res.data.nextPageToken };
      },
      parseParticipant,
    ),
    listSessions: under(
      (parent) => async (meet, page) => {
        const res = await meet.conferenceRecords.participants.participantSessions.list(
          { parent, ...page },
          requestOptions,
        );
        return { items: res.data.participantSessions, next: res.data.nextPageToken };
      },
      parseSession,
    ),
  };
  return client;
}
