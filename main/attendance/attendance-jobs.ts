/**
 * The attendance job: after an interview ends (and at start-up for those that ended while the app
 * was closed), read its conferences from Google Meet and store them. Paced and bounded: a few
 * interviews per run, one after another with a pause, the most recent first, none older than Meet
 * keeps records. Failures follow the one retry policy inside each call; what still fails is
 * postponed with the same backoff (passing trouble), parked until the scope is granted or the
 * account reconnected (blocked), or recorded with its reason (Google will not give it). Nothing
 * stored is ever dropped by a failure.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { TimerApi } from '../reminders/reminder-scheduler';
import type { GoogleRequestError } from '../google/api/google-request-error';
import { planReadFailure } from '../google/api/read-failure-plan';
import { walkPaced } from '../shared/paced-walk';
import { createQueueWorker } from '../shared/queue-worker';
import { analyseAttendance } from './attendance-analysis';
import { defaultRequestsPerInterview, fetchInterviewConferences } from './attendance-fetch';
import type { AttendanceFetchState, AttendanceRepository } from './attendance-repository';
import { meetingNow, sameMeeting, type AccountIdentity } from './attendance-subject';
import { stateForNow } from './meet-fetch-bookkeeping';
import type { MeetClient } from './meet-client';

/** Meet keeps conference records for 30 days: nothing older is asked for. */
export const meetRetentionMs = 30 * 86_400_000;

/** How the job paces itself. */
export interface AttendancePacing {
  /** Interviews fetched per run (default 10). */
  batch: number;
  /** Pause between two interviews of a run (default 2 s). */
  paceMs: number;
  /** Pause before the next run when more are due (default 60 s). */
  restMs: number;
  /** A fetched but not yet final attendance (a conference still running) is read again after this (default 10 min). */
  refetchMs: number;
  /** Passing failures in a row before an interview is given up (default 8). */
  maxAttempts: number;
  /** Backoff between failed runs of one interview (default 1 min, doubling, at most 6 h). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Requests one interview's attendance may take in all (default 600; a normal one needs about ten). */
  maxRequests: number;
}

const defaultPacing: AttendancePacing = {
  batch: 10,
  paceMs: 2_000,
  restMs: 60_000,
  refetchMs: 10 * 60_000,
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  maxRequests: defaultRequestsPerInterview,
};

/** What a background job reading Google Meet for interviews needs from the app (attendance, Meet's artifacts). */
export interface MeetJobDeps {
  interview: (id: string) => Interview | undefined;
  client: MeetClient;
  /** True when the account is connected and holds the Meet read scope. */
  canRead: () => boolean;
  identity: () => AccountIdentity | undefined;
  /** Google answered invalid_grant or 401: the reconnect banner. */
  markNeedsReconnect: (reason: string) => void;
  clock: Clock;
  timers: TimerApi;
  log: Logger;
  /** What is stored for these interviews changed. */
  changed: (ids: string[]) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface AttendanceJobDeps extends MeetJobDeps {
  repository: AttendanceRepository;
  /** How long after an interview's end what is read from Meet is kept (the retention setting); nothing older is read. */
  keepMs?: () => number;
  pacing?: Partial<AttendancePacing>;
}

/** The running job. */
export interface AttendanceJobs {
  /** Fetches what is due now (bounded), then plans the next wake. Resolves when the run is over. */
  run(): Promise<void>;
  /** Reads one interview now; answers its new fetch state. */
  fetchOne(id: string): Promise<AttendanceFetchState | undefined>;
  /** Plans the next wake again (an interview was scheduled, moved or cancelled). */
  plan(): void;
  /** The scope was granted or the account reconnected: blocked interviews are due again, and a run starts. */
  resume(): Promise<void>;
  dispose(): void;
}

/** Words for a failure that will not pass by itself. */
function failureWords(error: GoogleRequestError, email: string | undefined): string {
  switch (error.kind) {
    case 'forbidden':
      return `Google Meet did not let ${email ?? 'this account'} read this meeting: only the meeting's owner and people who joined it can.`;
    case 'not_found':
      return 'Google Meet no longer has a record of this meeting.';
    case 'invalid_request':
      return 'Google Meet did not accept the request for this meeting.';
    case 'too_large':
      return 'Google Meet holds more records for this meeting than Interview Desk reads for one interview, so its attendance was not read.';
    default:
      return 'Google Meet could not be reached.';
  }
}

/** Creates the job (not started: call `run`). */
export function createAttendanceJobs(deps: AttendanceJobDeps): AttendanceJobs {
  const pacing = { ...defaultPacing, ...deps.pacing };
  // Nothing older than Meet keeps, nor older than the app may keep it.
  const oldestEnd = (now: number) => now - Math.min(meetRetentionMs, deps.keepMs?.() ?? meetRetentionMs);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => deps.timers.set(resolve, ms)));
  let disposed = false;
  // After a full batch with more due: the next run waits this long, not for the next end.
  let restUntil: number | undefined;

  /** One interview: fetch, store, record the state. Throws only a DeskFailure that stops the run (reconnect, keychain). */
  const fetchOne = async (id: string): Promise<AttendanceFetchState | undefined> => {
    const subject = meetingNow(deps, id);
    if (!subject) return undefined;
    const now = deps.clock.now();
    const before = stateForNow(deps.repository.fetchState(id));
    let state: AttendanceFetchState;
    try {
      const conferences = await fetchInterviewConferences(deps.client, subject, { maxRequests: pacing.maxRequests });
      // Moved, given a new link or cancelled while Meet was being read: what came back is about another meeting.
      if (!sameMeeting(meetingNow(deps, id, { scheduledOnly: true }), subject)) return undefined;
      const at = deps.clock.now();
      const final = analyseAttendance(subject, conferences, { now: at }).final;
      deps.repository.save(id, conferences);
      state = { state: 'fetched', final, attempts: 0, nextMs: final ? 0 : at + pacing.refetchMs, fetchedMs: at };
    } catch (caught) {
      const attempts = (before?.state === 'retry' ? before.attempts : 0) + 1;
      const keep = before?.fetchedMs !== undefined ? { fetchedMs: before.fetchedMs } : {};
      const plan = planReadFailure(caught, attempts, { ...pacing, random: deps.random ?? Math.random });
      if (plan.kind === 'person') {
        // No account, a revoked sign-in or no keychain: wait for the person, keep what is stored.
        if (plan.reconnect) deps.markNeedsReconnect(plan.reason);
        deps.repository.setFetchState(id, {
          ...(before ?? { final: false, attempts: 0 }),
          ...(plan.reconnect ? { final: false, attempts, ...keep } : {}),
          state: 'blocked',
          nextMs: now + pacing.maxDelayMs,
          reason: plan.reason,
        });
        throw plan.error;
      }
      const failure = plan.failure;
      if (plan.kind === 'scope_missing')
        state = {
          state: 'blocked',
          final: false,
          attempts,
          nextMs: now + pacing.maxDelayMs,
          reason: 'Google Meet is not connected: Google did not grant Interview Desk access to Meet attendance.',
          ...keep,
        };
      else if (plan.kind === 'retry')
        state = {
          state: 'retry',
          final: false,
          attempts,
          nextMs: now + plan.delayMs,
          reason: failureWords(failure, undefined),
          ...keep,
        };
      else
        state = {
          state: 'failed',
          final: false,
          attempts,
          nextMs: 0,
          reason: failureWords(failure, deps.identity()?.email),
          ...keep,
        };
      deps.log.warn(`attendance of one interview not read (${failure.kind}, attempt ${attempts}): ${failure.message}`);
    }
    deps.repository.setFetchState(id, state);
    deps.changed([id]);
    return state;
  };

  // The loop is the shared one (one run at a time, a timer for the next due moment, at most an hour
  // so the wall clock is re-read): only what a run does is attendance's.
  const worker = createQueueWorker({
    async drainOnce() {
      restUntil = undefined;
      if (!deps.canRead()) return 'paused';
      const now = deps.clock.now();
      const due = deps.repository.due(now, oldestEnd(now), pacing.batch);
      try {
        const walk = { pauseMs: pacing.paceMs, sleep, stopped: () => disposed };
        if (!(await walkPaced(due, walk, (item) => fetchOne(item.id)))) return;
      } catch (error) {
        // A reconnect or keychain problem: nothing more until the person acts (resume()).
        deps.log.warn(`attendance fetching paused: ${(error as Error).message}`);
        return 'paused';
      }
      const later = deps.clock.now();
      if (deps.repository.due(later, oldestEnd(later), 1).length > 0) restUntil = later + pacing.restMs;
    },
    nextDue: () => restUntil ?? deps.repository.nextDueAfter(deps.clock.now()),
    now: () => deps.clock.now(),
    timers: deps.timers,
  });

  // The run `run` or `resume` started, if under way: `run` joins it; `resume` runs once more after it.
  let current: Promise<void> | undefined;
  const drain = () => {
    const started = worker.drain();
    current = started;
    void started.finally(() => {
      if (current === started) current = undefined;
    });
    return started;
  };

  return {
    run: () => current ?? drain(),
    fetchOne,
    plan() {
      if (deps.canRead()) worker.rearm();
    },
    resume() {
      deps.repository.unblock();
      return drain();
    },
    dispose() {
      disposed = true;
      void worker.dispose();
    },
  };
}
