/**
 * "Your candidate is waiting": while the app runs and an interview's join window is open, ask Meet
 * for its running conference at a modest interval (backing off when Google has trouble). When the
 * candidate is in and nobody from the interviewer side is, raise it once; stop watching that
 * interview when the interviewer is in or its window closes. Outside every window Meet is not asked.
 * Each poll reads sessions only for participants who are new or joined or left since the last one,
 * and makes at most `requestsPerPoll` requests per interview: a crowded call is read over several polls.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { joinWindow, type JoinWindowSettings } from '../../preload/shared/rules/interview-timing';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { TimerApi } from '../reminders/reminder-scheduler';
import { analyseAttendance, candidateWaiting, type WaitingCandidate } from './attendance-analysis';
import { fetchInterviewConferences, type SessionCache } from './attendance-fetch';
import { GoogleRequestError } from '../google/api/google-request-error';
import { attendanceSubject, type AccountIdentity } from './attendance-subject';
import type { MeetClient } from './meet-client';

export interface WaitingWatchDeps {
  client: MeetClient;
  /** Scheduled interviews starting in [fromMs, toMs) (an indexed range query). */
  startingBetween: (fromMs: number, toMs: number) => Interview[];
  settings: () => JoinWindowSettings;
  canRead: () => boolean;
  identity: () => AccountIdentity | undefined;
  clock: Clock;
  timers: TimerApi;
  log: Logger;
  /** The candidate is waiting (called once per interview). */
  raise: (interview: Interview, waiting: WaitingCandidate) => void;
  /** The wait is over for this interview (the interviewer joined, or the window closed). */
  settle: (interview: Interview) => void;
  /** Poll interval while a window is open (default 30 s). */
  pollMs?: number;
  /** The longest pause after failures (default 5 min). */
  maxBackoffMs?: number;
  /** Requests one poll of one interview may make (default 20). */
  requestsPerPoll?: number;
}

/** The watcher. */
export interface WaitingWatch {
  /** Polls what is in its window now and plans the next wake. */
  tick(): Promise<void>;
  dispose(): void;
}

/** Join windows are looked for among interviews starting this far around now (the longest interview the app allows, and a day ahead). */
const lookBehindMs = 24 * 3_600_000;
const lookAheadMs = 24 * 3_600_000;

/** Creates the watcher (not started: call `tick`). */
export function createWaitingWatch(deps: WaitingWatchDeps): WaitingWatch {
  const pollMs = deps.pollMs ?? 30_000;
  const maxBackoffMs = deps.maxBackoffMs ?? 5 * 60_000;
  const requestsPerPoll = deps.requestsPerPoll ?? 20;
  /** Sessions read so far, per watched interview (dropped when its watch ends). */
  const sessionCaches = new Map<string, SessionCache>();
  /** Interviews already raised (one notification each) and those settled (no more polling). */
  const raised = new Map<string, Interview>();
  const settled = new Set<string>();
  let failures = 0;
  let nextPollAt = 0;
  let handle: unknown;
  let disposed = false;
  let ticking: Promise<void> | undefined;

  const schedule = (ms: number) => {
    if (disposed) return;
    if (handle !== undefined) deps.timers.clear(handle);
    handle = deps.timers.set(() => void watch.tick(), Math.max(50, ms));
  };

  const settle = (interview: Interview) => {
    settled.add(interview.id);
    sessionCaches.delete(interview.id);
    if (raised.has(interview.id)) deps.settle(interview);
  };

  const poll = async (interview: Interview): Promise<void> => {
    const subject = attendanceSubject(interview, deps.identity());
    if (!subject) return settle(interview);
    const sessions = sessionCaches.get(interview.id) ?? new Map();
    sessionCaches.set(interview.id, sessions);
    const running = await fetchInterviewConferences(deps.client, subject, {
      running: true,
      maxRequests: requestsPerPoll,
      sessions,
    });
    const at = deps.clock.now();
    const interviewerIn = analyseAttendance(subject, running, { now: at }).people.some(
      (p) => p.side === 'interviewer' && p.inCallNow,
    );
    if (interviewerIn) return settle(interview);
    const waiting = candidateWaiting(subject, running, { now: at });
    if (waiting && !raised.has(interview.id)) {
      raised.set(interview.id, interview);
      deps.raise(interview, waiting);
    }
  };

  const watch: WaitingWatch = {
    tick() {
      if (ticking) return ticking;
      const current = (async () => {
        // Not connected: nothing to watch and no timer kept; connecting attendance ticks again.
        if (!deps.canRead()) {
          for (const [id, interview] of raised) if (!settled.has(id)) settle(interview);
          return;
        }
        const now = deps.clock.now();
        const settings = deps.settings();
        const near = deps
          .startingBetween(now - lookBehindMs, now + lookAheadMs)
          .filter((i) => i.status === 'scheduled' && i.origin === 'recruiter' && i.meetLink);
        const open: Interview[] = [];
        let nextOpen: number | undefined;
        for (const interview of near) {
          const w = joinWindow(interview, settings);
          if (now >= w.opensAt && now < w.closesAt) open.push(interview);
          else if (w.opensAt > now) nextOpen = Math.min(nextOpen ?? Infinity, w.opensAt);
          else if (now >= w.closesAt && raised.has(interview.id) && !settled.has(interview.id)) settle(interview);
        }
        // What was read for interviews no longer watched is not kept.
        for (const id of sessionCaches.keys()) if (!open.some((i) => i.id === id)) sessionCaches.delete(id);
        // A raised interview that left the list (cancelled, moved) is over too.
        for (const [id, interview] of raised) if (!settled.has(id) && !open.some((i) => i.id === id)) settle(interview);
        const watched = open.filter((i) => !settled.has(i.id));
        if (watched.length > 0) {
          // An early tick (an interview changed) does not poll sooner than the interval or the backoff allows.
          if (now < nextPollAt) return;
          // Each interview is checked on its own: one that keeps failing must not hide another
          // candidate who is really waiting. The backoff grows only when every check failed.
          let failed = 0;
          for (const interview of watched) {
            try {
              await poll(interview);
            } catch (error) {
              // Past one poll's bound is progress, not trouble: what was read is kept for the next poll.
              if (!(error instanceof GoogleRequestError && error.kind === 'too_large')) failed++;
              deps.log.warn(`waiting-candidate check failed for one interview: ${(error as Error).message}`);
            }
          }
          failures = failed === watched.length ? failures + 1 : 0;
          const delay = Math.min(maxBackoffMs, pollMs * 2 ** failures);
          nextPollAt = now + delay;
          return schedule(delay);
        }
        // Nothing to watch: sleep until the next window opens, re-reading the schedule at least every 5 minutes.
        schedule(Math.min(nextOpen !== undefined ? nextOpen - now : Infinity, 5 * 60_000));
      })();
      // Cleared after the body settles: a body that returns at once must not leave a stale promise behind.
      ticking = current;
      void current.finally(() => {
        if (ticking === current) ticking = undefined;
      });
      return current;
    },
    dispose() {
      disposed = true;
      if (handle !== undefined) deps.timers.clear(handle);
    },
  };
  return watch;
}
