/**
 * The artifact job: after an interview's call ends, look at Meet on the schedule (+2, +10, +30, +60
 * minutes, then hourly up to 6 hours) while the app runs; at start, catch up on interviews that
 * ended while it was closed, the most recent first, a few at a time with a pause between. It runs on
 * the one queue worker (timer, single flight, pause, dispose). Failures follow the one retry policy
 * inside each call; what still fails is looked at again with the same backoff (passing trouble),
 * parked until the scope is granted or the account reconnected (blocked), or recorded with its
 * reason (Google will not give it). Nothing stored is dropped by a failure, and no transcript text
 * is ever logged.
 */
import type { GoogleRequestError } from '../google/api/google-request-error';
import { planReadFailure } from '../google/api/read-failure-plan';
import { walkPaced } from '../shared/paced-walk';
import { createQueueWorker } from '../shared/queue-worker';
import { meetingNow, sameMeeting } from '../attendance/attendance-subject';
import { stateForNow } from '../attendance/meet-fetch-bookkeeping';
import type { MeetJobDeps } from '../attendance/attendance-jobs';
import type { ArtifactClient } from './artifact-client';
import { readMeetArtifacts } from './artifact-fetch';
import { judgeLook } from './artifact-outcome';
import type { ArtifactFetchState, ArtifactRepository } from './artifact-repository';
import { meetKeepsMs } from './artifact-schedule';
import { transcriptLinesKept } from '../../preload/shared/contract/transcript-schema';

/** How the job paces itself. */
export interface ArtifactPacing {
  /** Interviews looked at per run (default 3). */
  batch: number;
  /** Pause between two interviews of a run (default 2 s). */
  paceMs: number;
  /** Pause before the next run when more are due (default 60 s). */
  restMs: number;
  /** Failed looks in a row before an interview is given up (default 8). */
  maxAttempts: number;
  /** Backoff between failed looks (default 1 min, doubling, at most 1 h). */
  baseDelayMs: number;
  maxDelayMs: number;
}

const defaultPacing: ArtifactPacing = {
  batch: 3,
  paceMs: 2_000,
  restMs: 60_000,
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 3_600_000,
};

/** While blocked, an interview waits for the person (a grant or reconnect makes it due again). */
const blockedMs = 6 * 3_600_000;

export interface ArtifactJobDeps extends MeetJobDeps {
  repository: ArtifactRepository;
  /** Meet's artifact calls (`client` is the conference records' and participants'). */
  artifacts: ArtifactClient;
  /** Calls back after interviews change (scheduled, moved, cancelled); returns the unsubscribe. */
  onInterviewsChanged?: (listener: () => void) => () => void;
  pacing?: Partial<ArtifactPacing>;
  /** Transcript lines kept per interview (default `transcriptLinesKept`). */
  linesKept?: number;
}

/** The running job. */
export interface ArtifactJobs {
  /** Looks at what is due now (bounded), then plans the next wake. */
  drain(): Promise<void>;
  /** Looks at one interview now, whatever its state; answers its new state. Throws a DeskFailure when the account needs the person. */
  lookNow(id: string): Promise<ArtifactFetchState | undefined>;
  /** The scope was granted or the account reconnected: blocked interviews are due again, and a run starts. */
  resume(): Promise<void>;
  dispose(): Promise<void> | undefined;
}

/** The reason kept for a failure that will not pass by itself. */
function failedState(failure: GoogleRequestError, pastKeeping: boolean): Pick<ArtifactFetchState, 'state' | 'reason'> {
  switch (failure.kind) {
    case 'forbidden':
      return { state: 'failed', reason: 'not_participant' };
    case 'not_found':
      return pastKeeping ? { state: 'expired' } : { state: 'failed', reason: 'no_conference' };
    case 'too_large':
      return { state: 'failed', reason: 'too_large' };
    case 'invalid_request':
      return { state: 'failed', reason: 'invalid' };
    default:
      return { state: 'failed', reason: 'unavailable' };
  }
}

/** Creates the job (not started: call `drain`). */
export function createArtifactJobs(deps: ArtifactJobDeps): ArtifactJobs {
  const pacing = { ...defaultPacing, ...deps.pacing };
  const pause = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => deps.timers.set(resolve, ms)));
  // A pause between two interviews ends at once on dispose: quitting never waits for it.
  const sleeping = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      sleeping.add(resolve);
      void pause(ms).then(() => {
        sleeping.delete(resolve);
        resolve();
      });
    });
  const inFlight = new Map<string, Promise<ArtifactFetchState | undefined>>();
  let restUntil: number | undefined;
  let disposed = false;

  const look = async (id: string): Promise<ArtifactFetchState | undefined> => {
    const subject = meetingNow(deps, id);
    if (!subject) return undefined;
    const now = deps.clock.now();
    const before = stateForNow(deps.repository.fetchState(id));
    const keep = {
      notesOffered: before?.notesOffered ?? true,
      ...(before?.checkedMs !== undefined ? { checkedMs: before.checkedMs } : {}),
      ...(before?.endedMs !== undefined ? { endedMs: before.endedMs } : {}),
      ...(before?.expireMs !== undefined ? { expireMs: before.expireMs } : {}),
    };
    const read = new Set((before ? deps.repository.artifacts(id) : []).filter((a) => a.entriesRead).map((a) => a.name));
    const linesKept = deps.linesKept ?? transcriptLinesKept;
    const linesStored = deps.repository.entryCount(id);
    let state: ArtifactFetchState;
    try {
      const found = await readMeetArtifacts(
        deps.client,
        deps.artifacts,
        subject,
        read,
        Math.max(0, linesKept - linesStored),
      );
      // Moved or given a new link while Meet was being read: what came back is about another meeting.
      if (!sameMeeting(meetingNow(deps, id), subject)) return undefined;
      const at = deps.clock.now();
      const judged = judgeLook({
        now: at,
        scheduledEndMs: Date.parse(subject.scheduledEnd),
        conferences: found.conferences.map((c) => ({
          ...(c.endTime ? { endMs: Date.parse(c.endTime) } : {}),
          ...(c.expireTime ? { expireMs: Date.parse(c.expireTime) } : {}),
        })),
        artifacts: found.artifacts,
      });
      // Cut now, or full from an earlier look: said while there is nothing more pressing to say.
      const cut = found.cut || linesStored >= linesKept;
      const reason =
        judged.reason ??
        (cut && (judged.state === 'complete' || judged.state === 'waiting') ? 'transcript_too_long' : undefined);
      state = {
        state: judged.state,
        ...(reason ? { reason } : {}),
        attempts: 0,
        nextMs: judged.nextMs,
        checkedMs: at,
        endedMs: judged.endedMs,
        expireMs: judged.expireMs,
        notesOffered: found.notesOffered,
      };
      deps.repository.saveLook(id, found.artifacts, found.entries, state);
      deps.log.info(
        `Meet artifacts of one interview: ${found.artifacts.length} found, ${found.entries.length} new transcript entries, ${state.state}`,
      );
      deps.changed([id]);
      return state;
    } catch (caught) {
      const attempts = (before?.state === 'waiting' && before.reason === 'unavailable' ? before.attempts : 0) + 1;
      const plan = planReadFailure(caught, attempts, { ...pacing, random: deps.random ?? Math.random });
      if (plan.kind === 'person') {
        // No account, a revoked sign-in or no keychain: wait for the person, keep what is stored.
        if (plan.reconnect) deps.markNeedsReconnect(plan.reason);
        deps.repository.setFetchState(id, {
          ...keep,
          state: 'blocked',
          reason: 'reconnect',
          attempts,
          nextMs: now + blockedMs,
        });
        deps.changed([id]);
        throw plan.error;
      }
      const failure = plan.failure;
      if (plan.kind === 'scope_missing')
        state = { ...keep, state: 'blocked', reason: 'scope_missing', attempts, nextMs: now + blockedMs };
      else if (plan.kind === 'retry')
        state = {
          ...keep,
          state: 'waiting',
          reason: 'unavailable',
          attempts,
          nextMs: now + Math.max(plan.delayMs, 1_000),
        };
      else {
        const pastKeeping = now > Date.parse(subject.scheduledEnd) + meetKeepsMs;
        state = { ...keep, ...failedState(failure, pastKeeping), attempts, nextMs: 0 };
      }
      deps.log.warn(`Meet artifacts of one interview not read (${failure.kind}, attempt ${attempts})`);
      deps.repository.setFetchState(id, state);
      deps.changed([id]);
      return state;
    }
  };

  /** One look per interview at a time: a press of "Check Meet now" during the scheduled look joins it. */
  const lookNow = (id: string) => {
    const running = inFlight.get(id);
    if (running) return running;
    const started = look(id).finally(() => inFlight.delete(id));
    inFlight.set(id, started);
    return started;
  };

  const worker = createQueueWorker({
    async drainOnce() {
      restUntil = undefined;
      if (!deps.canRead()) return 'paused';
      const now = deps.clock.now();
      const due = deps.repository.due(now, now - meetKeepsMs, pacing.batch);
      try {
        if (!(await walkPaced(due, { pauseMs: pacing.paceMs, sleep, stopped: () => disposed }, lookNow))) return;
      } catch (error) {
        // A reconnect or keychain problem: nothing more until the person acts (resume()).
        deps.log.warn(`Meet artifacts paused: ${(error as Error).message}`);
        return 'paused';
      }
      const later = deps.clock.now();
      if (deps.repository.due(later, later - meetKeepsMs, 1).length > 0) restUntil = later + pacing.restMs;
    },
    nextDue: () => restUntil ?? deps.repository.nextDueAfter(deps.clock.now()),
    ...(deps.onInterviewsChanged ? { subscribe: deps.onInterviewsChanged } : {}),
    now: () => deps.clock.now(),
    timers: deps.timers,
  });

  return {
    drain: () => worker.drain(),
    lookNow,
    resume() {
      deps.repository.unblock();
      return worker.drain();
    },
    dispose() {
      disposed = true;
      for (const wake of sleeping) wake();
      return worker.dispose();
    },
  };
}
