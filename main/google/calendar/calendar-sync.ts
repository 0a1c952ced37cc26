import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../../shared/desk-failure';
import type { EventHub } from '../../shared/event-hub';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../database/database';
import { createSyncState } from '../../database/sync-state';
import { createQueueWorker } from '../../shared/queue-worker';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { InterviewChange, InterviewCommands } from '../../interviews/interview-commands';
import type { AccountService } from '../account/account-service';
import type { RetryOptions } from '../api/retry-policy';
import { GoogleQueue } from './google-queue';
import { panelChanged } from '../../interviews/interview-rules';
import type { Withdrawn } from './calendar-change-mark';
import { createCalendarApi } from './calendar-api';
import { createCalendarPull } from './calendar-pull';
import { createCalendarPush } from './calendar-push';

export interface CalendarSyncDeps {
  apiUrl: string;
  /** The app database: the Calendar queue and the sync token live there. */
  db: Database;
  account: AccountService;
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'update' | 'updateQuietly' | 'onChange'>;
  events: EventHub;
  clock: Clock;
  log: Logger;
  retry?: Partial<RetryOptions>;
  /** Settings: let Google email the guests instead of the app (never both). */
  googleSendsInvites: () => boolean;
  /** Takes back the interview's messages still waiting to go out (a move or cancel made in Calendar made them stale). */
  withdrawUnsent?: (interviewId: string) => Withdrawn;
  /** How long to wait between checks of a pending Meet conference, and how many checks. */
  conferencePollMs?: number[];
  /** Events per list page (Google allows up to 2500). */
  syncPageSize?: number;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  /** After restoring a copy of the database: Calendar changes wait for one full read in which Google wins (restore-hold.ts). */
  restoreHold?: { calendarPending(): boolean; calendarRead(changed: string[]): void };
}

/** Creates, moves and deletes Calendar events for interviews, durably queued; and syncs changes back. */
export interface CalendarSync {
  /** Applies queued changes in order; stops at the first that must wait. */
  drain(): Promise<void>;
  /** Incremental sync with the stored sync token; returns how many interviews changed. */
  sync(): Promise<{ changed: number; requests: number }>;
  /** Drains then syncs, never throwing (timers, focus, wake). */
  runQuietly(reason: string): Promise<void>;
  /** Re-queues a failed create (after a Meet failure, say). */
  retry(interviewId: string): Interview;
  queue: GoogleQueue;
  dispose(): void;
}

/** Creates the Calendar sync service and hooks it to interview changes. */
export function createCalendarSync(deps: CalendarSyncDeps): CalendarSync {
  const { account, interviews, commands, clock, log } = deps;
  const queue = new GoogleQueue(deps.db, () => clock.now());
  const syncState = createSyncState(deps.db);
  const api = createCalendarApi({
    apiUrl: deps.apiUrl,
    account,
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.requestTimeoutMs !== undefined ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  });
  const calendarPending = () => deps.restoreHold?.calendarPending() ?? false;
  let stopped = false;
  const push = createCalendarPush({
    api,
    queue,
    account,
    interviews,
    commands,
    clock,
    log,
    googleSendsInvites: deps.googleSendsInvites,
    ...(deps.conferencePollMs ? { conferencePollMs: deps.conferencePollMs } : {}),
    calendarPending,
    stopped: () => stopped,
  });
  const markPending = push.markPending;
  /** Queues the Calendar change an interview change calls for; says whether it queued one. */
  const queueChange = (change: InterviewChange): boolean => {
    if (account.status().state === 'disconnected' || change.interview.origin !== 'recruiter') return false;
    if (change.kind === 'scheduled') {
      markPending(change.interview);
      queue.add(change.interview.id, 'create');
    } else if (change.kind === 'rescheduled') {
      markPending(change.interview);
      queue.add(change.interview.id, 'update');
    } else if (change.kind === 'relinked' && change.interview.google) {
      // No event yet (Google refused the first create): create it with this link; else put the link on it.
      markPending(change.interview);
      queue.add(change.interview.id, change.interview.google.iCalUID ? 'relink' : 'create');
    } else if (
      change.kind === 'updated' &&
      change.interview.google &&
      panelChanged(change.previous, change.interview)
    ) {
      // A panel changed after scheduling: the event's guests follow (or the pending create carries them).
      markPending(change.interview);
      queue.add(change.interview.id, change.interview.google.iCalUID ? 'guests' : 'create');
    } else if (change.kind === 'cancelled' && change.interview.google) {
      markPending(change.interview);
      queue.add(change.interview.id, 'cancel');
    } else return false;
    return true;
  };
  // No timer of its own: the Calendar queue drains on changes, on reconnecting and on the app's sync runs.
  const worker = createQueueWorker({
    drainOnce: push.drainOnce,
    now: () => clock.now(),
    subscribe: (wake) =>
      commands.onChange((change) => {
        // Only once the change is committed: a rolled-back action must never reach Google.
        if (queueChange(change)) deps.db.afterCommit(wake);
      }),
  });
  const drain = worker.drain;
  const { sync } = createCalendarPull({
    api,
    db: deps.db,
    queue,
    syncState,
    account,
    interviews,
    commands,
    events: deps.events,
    clock,
    log,
    googleSendsInvites: deps.googleSendsInvites,
    ...(deps.withdrawUnsent ? { withdrawUnsent: deps.withdrawUnsent } : {}),
    ...(deps.syncPageSize !== undefined ? { syncPageSize: deps.syncPageSize } : {}),
    ...(deps.restoreHold ? { restoreHold: deps.restoreHold } : {}),
    drain,
  });

  // After reconnecting, queued work resumes; after disconnecting, the next account starts with a full sync.
  const unsubscribeAccount = account.onChange((s) => {
    if (s.state === 'connected') void (calendarPending() ? runQuietly('connected') : drain());
    if (s.state === 'disconnected') syncState.delete('googleSyncToken');
  });

  async function runQuietly(reason: string): Promise<void> {
    try {
      // Held after a restore: read Calendar first (Google wins), then what is still queued may go.
      const readFirst = calendarPending();
      if (readFirst) await sync();
      await drain();
      if (!readFirst) await sync();
    } catch (error) {
      log.warn(`Google sync (${reason}) did not finish: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    queue,
    drain,
    sync,
    runQuietly,
    retry(interviewId) {
      const interview = interviews.get(interviewId);
      if (account.status().state === 'disconnected')
        throw new DeskFailure('needs_reconnect', 'Connect your Google account first.');
      markPending(interview);
      queue.add(interviewId, interview.status === 'cancelled' ? 'cancel' : 'create');
      void drain();
      return interviews.get(interviewId);
    },
    dispose() {
      stopped = true;
      void worker.dispose();
      unsubscribeAccount();
    },
  };
}
