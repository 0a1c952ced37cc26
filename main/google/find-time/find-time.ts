/**
 * "Find a time": the busy time the schedule form draws and checks. Google's free/busy for the
 * recruiter's primary calendar and each co-interviewer (one request for the whole range), and the
 * interviews stored in the app, which are known with or without Google. Without the free/busy scope,
 * a connection or Google itself, the answer says why and still carries the app's interviews.
 */
import type { AccountStatus, FreeBusyAnswer } from '../../../preload/shared/contract/ipc-contract';
import type { Logger } from '../../logging/logger';
import type { RetryOptions } from '../api/retry-policy';
import type { AccountService } from '../account/account-service';
import { freeBusyScope, queryFreeBusy } from './free-busy-client';
import { GoogleRequestError } from '../api/google-request-error';
import type { InterviewQueries } from '../../interviews/interview-queries';
import { DeskFailure } from '../../shared/desk-failure';

export interface FindTimeDeps {
  account: AccountService;
  /** `config.google.apiUrl`. */
  apiUrl: string;
  /** The app's own interviews: those overlapping the range are busy time too. */
  interviews: Pick<InterviewQueries, 'overlapping'>;
  now: () => number;
  log: Logger;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
}

/** What the form asks for. */
export interface BusyQuery {
  timeMin: string;
  timeMax: string;
  coInterviewers: string[];
  excludeId?: string;
}

/** Find a time's two calls: busy blocks, and the consent for them. */
export interface FindTime {
  busy(query: BusyQuery): Promise<FreeBusyAnswer>;
  /**
   * Busy time for a conflict check: an answer Google gave in the last two minutes that covers the
   * range and these people (what the form drew), else one request that gets `timeoutMs` in all.
   */
  checkBusy(query: BusyQuery, timeoutMs: number): Promise<FreeBusyAnswer>;
  /** Drops the answers kept for `checkBusy` (the app's own events just changed in Google). */
  forget(): void;
  /** Asks for the free/busy scope incrementally (include_granted_scopes keeps what was granted). */
  connect(): Promise<AccountStatus>;
}

const words = {
  disconnected:
    'Free/busy needs the Google connection: connect your Google account to see your calendar and your panel’s. Only interviews in Interview Desk are shown.',
  needs_consent:
    'To show your calendar’s busy times, allow Interview Desk to see free/busy in Google (it never sees event details). Only interviews in Interview Desk are shown until then.',
  needs_reconnect:
    'Google access has expired: reconnect your Google account to see free/busy. Only interviews in Interview Desk are shown.',
  unavailable:
    'Google did not answer for free/busy just now; only interviews in Interview Desk are shown. Try “Refresh” in a moment.',
} as const;

/** How long an answer Google gave is reused by the conflict check (as the form reuses it). */
const keptMs = 2 * 60_000;

/** Creates the Find a time service. */
export function createFindTime(deps: FindTimeDeps): FindTime {
  const { account, log } = deps;
  let kept: Array<{ from: number; to: number; people: Set<string>; atMs: number; answer: FreeBusyAnswer }> = [];
  const ask = async (
    query: BusyQuery,
    request: Pick<FindTimeDeps, 'retry' | 'requestTimeoutMs'>,
  ): Promise<FreeBusyAnswer> => {
    const from = Date.parse(query.timeMin);
    const to = Date.parse(query.timeMax);
    const appBusy = deps.interviews
      .overlapping(from, to, query.excludeId)
      .filter((i) => i.status === 'scheduled')
      .map((i) => ({
        id: i.id,
        candidateName: i.candidate.name,
        start: i.startUtc,
        end: new Date(Date.parse(i.startUtc) + i.durationMinutes * 60_000).toISOString(),
      }));
    const at = new Date(deps.now()).toISOString();
    const panel = [...new Set(query.coInterviewers.map((e) => e.toLowerCase()))];
    const unknown = (
      google: Exclude<FreeBusyAnswer['google'], 'ok'>,
      message: string = words[google],
    ): FreeBusyAnswer => ({
      google,
      message,
      people: [
        { who: 'recruiter', status: 'unknown', busy: [] },
        ...panel.map((who) => ({ who, status: 'unknown' as const, busy: [] })),
      ],
      appBusy,
      at,
    });
    const status = account.status();
    if (status.state === 'disconnected') return unknown('disconnected');
    if (status.state === 'needs_reconnect') return unknown('needs_reconnect');
    if (!account.hasScope(freeBusyScope)) return unknown('needs_consent');
    // The account's own trouble (keychain locked, token missing) is said as the account service words it.
    let auth;
    try {
      auth = await account.authClient();
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'needs_reconnect') return unknown('needs_reconnect');
      return unknown('unavailable', `${(error as Error).message} Only interviews in Interview Desk are shown.`);
    }
    try {
      const answers = await queryFreeBusy(
        {
          auth,
          apiUrl: deps.apiUrl,
          ...(request.retry ? { retry: request.retry } : {}),
          ...(request.requestTimeoutMs ? { requestTimeoutMs: request.requestTimeoutMs } : {}),
        },
        { timeMin: query.timeMin, timeMax: query.timeMax, calendars: ['primary', ...panel] },
      );
      const answer: FreeBusyAnswer = {
        google: 'ok',
        people: answers.map((a) => ({
          who: a.calendarId === 'primary' ? 'recruiter' : a.calendarId,
          status: a.status,
          busy: a.busy,
        })),
        appBusy,
        at,
      };
      kept = [...kept.slice(-4), { from, to, people: new Set(['recruiter', ...panel]), atMs: deps.now(), answer }];
      return answer;
    } catch (error) {
      const failure = error instanceof GoogleRequestError ? error : undefined;
      log.warn(`free/busy failed: ${(error as Error).message}`);
      if (failure?.kind === 'needs_reconnect') {
        account.markNeedsReconnect('Google refused the refresh token (free/busy)');
        return unknown('needs_reconnect');
      }
      // Granted once, then removed at myaccount.google.com: ask again.
      if (failure?.kind === 'scope_missing') return unknown('needs_consent');
      return unknown('unavailable');
    }
  };
  return {
    busy: (query) => ask(query, deps),
    async checkBusy(query, timeoutMs) {
      const from = Date.parse(query.timeMin);
      const to = Date.parse(query.timeMax);
      const people = ['recruiter', ...query.coInterviewers.map((e) => e.toLowerCase())];
      const now = deps.now();
      const fresh = kept.findLast(
        (k) => now - k.atMs < keptMs && k.from <= from && k.to >= to && people.every((p) => k.people.has(p)),
      );
      if (fresh) return fresh.answer;
      // One attempt within the limit: the person is waiting on Schedule, and "could not tell" is an answer.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      const answer = await Promise.race([
        ask(query, { retry: { ...deps.retry, maxAttempts: 1 }, requestTimeoutMs: timeoutMs }),
        late,
      ]).finally(() => clearTimeout(timer));
      if (answer !== 'late') return answer;
      log.warn(`free/busy did not answer within ${timeoutMs} ms for the conflict check`);
      return {
        google: 'unavailable',
        message: words.unavailable,
        people: [],
        appBusy: [],
        at: new Date(now).toISOString(),
      };
    },
    forget: () => void (kept = []),
    connect: () =>
      account.hasScope(freeBusyScope) ? Promise.resolve(account.status()) : account.connect([freeBusyScope]),
  };
}
