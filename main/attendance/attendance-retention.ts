/**
 * How long what was read from Google Meet is kept: until the retention period (Settings, days after
 * the interview's end) has passed. Pruned at start and then once a day while the app runs, on the
 * injected clock; also deletes anything left about an interview's earlier time or link.
 */
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { TimerApi } from '../reminders/reminder-scheduler';
import type { AttendanceRepository } from './attendance-repository';

const hour = 3_600_000;
const day = 24 * hour;

export interface AttendanceRetentionDeps {
  repository: Pick<AttendanceRepository, 'forget'>;
  /** The retention setting, in days after the interview's end. */
  days: () => number;
  clock: Clock;
  timers: TimerApi;
  log: Logger;
  /** Stored attendance of these interviews was deleted. */
  changed: (ids: string[]) => void;
  /** Deletes the rest of what was kept after the interview (transcripts, scorecards, panel forms) on the same schedule. */
  alsoForget?: (endedBeforeMs: number) => void;
}

/** The pruning schedule. */
export interface AttendanceRetention {
  /** Deletes what is past the period now and plans the next daily run; answers the interviews affected. */
  prune(): string[];
  dispose(): void;
}

/** Creates the schedule (not started: call `prune`). */
export function createAttendanceRetention(deps: AttendanceRetentionDeps): AttendanceRetention {
  let handle: unknown;
  let disposed = false;
  let lastRun = 0;
  // Wakes hourly and re-reads the clock: a timer does not count the hours a computer sleeps.
  const wake = () => {
    handle = deps.timers.set(() => {
      if (deps.clock.now() - lastRun >= day) retention.prune();
      else wake();
    }, hour);
  };
  const retention: AttendanceRetention = {
    prune() {
      if (disposed) return [];
      if (handle !== undefined) deps.timers.clear(handle);
      lastRun = deps.clock.now();
      wake();
      const endedBefore = deps.clock.now() - deps.days() * day;
      try {
        deps.alsoForget?.(endedBefore);
      } catch (error) {
        deps.log.error('after-interview data not deleted', error);
      }
      const ids = deps.repository.forget(endedBefore);
      if (ids.length > 0) {
        deps.log.info(
          `deleted Meet attendance of ${ids.length} interview(s): past the retention period or read for an earlier time or link`,
        );
        deps.changed(ids);
      }
      return ids;
    },
    dispose() {
      disposed = true;
      if (handle !== undefined) deps.timers.clear(handle);
    },
  };
  return retention;
}
