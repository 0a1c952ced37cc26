import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { InterviewCommands } from '../interviews/interview-commands';
import { reminderDecisions, startingNowGraceMs, type PlannedReminder } from './reminder-plan';
import { createWakeTimer, type TimerApi } from '../shared/wake-timer';

// The timer pieces live in main/shared (the scorecards' schedule wakes the same way); importers keep this path.
export { maxSleepMs, realTimers, type TimerApi } from '../shared/wake-timer';

export interface ReminderSchedulerDeps {
  /**
   * Read by start time: the timing facts of the interviews near now (an indexed range query), and the
   * earliest reminder moment not yet handled (one indexed query), so a check reads only what is due.
   */
  interviews: Pick<InterviewQueries, 'get' | 'timingsBetween' | 'nextReminderAt'>;
  commands: Pick<InterviewCommands, 'updateMany' | 'onChange'>;
  clock: Clock;
  log: Logger;
  settings: () => { reminderOffsetsMinutes: number[]; candidateReminderEmail: boolean };
  /** Shows the notification (Electron) or pushes it to the renderer (web mode); `now` words the time left. */
  notify: (reminder: PlannedReminder, interview: Interview, now: number) => void;
  /** Queues the candidate's reminder email through the outbox. */
  email: (interview: Interview) => void;
  timers?: TimerApi;
  /** Defers showing a reminder until the data change that triggered the check is committed. */
  afterCommit?: (effect: () => void) => void;
}

/** Durable reminders: sent state stored per interview, recomputed from the wall clock at every wake. */
export interface ReminderScheduler {
  /** Re-reads the clock and fires what is due (start, resume from sleep, clock change, any change). */
  check(): void;
  dispose(): void;
  /** When the scheduler will next wake (for tests and the benchmark). */
  nextWakeAt(): number | undefined;
}

/** Creates and starts the scheduler. */
export function createReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  let disposed = false;

  const record = (reminders: PlannedReminder[], now: number) => {
    const byInterview = new Map<string, PlannedReminder[]>();
    for (const r of reminders) byInterview.set(r.interviewId, [...(byInterview.get(r.interviewId) ?? []), r]);
    if (byInterview.size === 0) return;
    deps.commands.updateMany([...byInterview.keys()], (i) => ({
      ...i,
      reminders: {
        ...i.reminders,
        sent: [
          ...i.reminders.sent,
          ...(byInterview.get(i.id) ?? []).map((r) => ({ key: r.key, at: new Date(now).toISOString() })),
        ],
      },
    }));
  };

  const check = () => {
    if (disposed) return;
    const now = deps.clock.now();
    const settings = deps.settings();
    // Every reminder due now belongs to an interview that starts before now + the longest offset, and
    // long-past ones need nothing; the next one after now comes from its own indexed query.
    const longestOffset =
      Math.max(0, ...settings.reminderOffsetsMinutes, settings.candidateReminderEmail ? 1440 : 0) * 60_000;
    const from = now - startingNowGraceMs;
    const to = now + longestOffset + 1;
    const all = deps.interviews.timingsBetween(from, to);
    const decisions = reminderDecisions(all, settings.reminderOffsetsMinutes, settings.candidateReminderEmail, now);
    const { fire, drop } = decisions;
    const queried = deps.interviews.nextReminderAt(
      settings.reminderOffsetsMinutes,
      settings.candidateReminderEmail,
      now,
    );
    const nextAt =
      queried === undefined || (decisions.nextAt !== undefined && decisions.nextAt < queried)
        ? decisions.nextAt
        : queried;
    // Recorded before showing: a crash right after can only lose a reminder, never repeat one.
    record([...fire, ...drop], now);
    for (const reminder of fire) {
      const interview = deps.interviews.get(reminder.interviewId);
      const deliver = () => {
        try {
          if (reminder.channel === 'email') deps.email(interview);
          else deps.notify(reminder, interview, now);
        } catch (error) {
          deps.log.error('reminder delivery failed', error);
        }
      };
      // The email is queued in the same transaction as the marks; the notification waits for the commit.
      if (reminder.channel === 'email' || !deps.afterCommit) deliver();
      else deps.afterCommit(deliver);
    }
    wake.armFor(nextAt, now);
  };
  const wake = createWakeTimer(check, deps.timers);

  const unsubscribe = deps.commands.onChange(() => check());
  check();
  return {
    check,
    nextWakeAt: () => wake.wakeAt(),
    dispose() {
      disposed = true;
      unsubscribe();
      wake.dispose();
    },
  };
}
