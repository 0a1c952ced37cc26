import type { AttendanceServiceDeps } from '../attendance/attendance-service';
import type { RetryOptions } from '../google/api/retry-policy';
import type { TimerApi } from '../reminders/reminder-scheduler';

/** What tests shorten or simulate; the app runs with none of it. */
export interface ServiceTuning {
  /** The outbox's retry pauses. */
  mail?: { backoffMs?: number[]; maxAttempts?: number };
  /** The sign-in timeout, the Google retry pauses and the sync's pacing. */
  google?: {
    flowTimeoutMs?: number;
    retry?: Partial<RetryOptions>;
    conferencePollMs?: number[];
    requestTimeoutMs?: number;
    syncIntervalMs?: number;
    syncPageSize?: number;
  };
  /** The attendance job's pacing and the waiting poll. */
  attendance?: Pick<AttendanceServiceDeps, 'pacing' | 'pollMs' | 'sleep'>;
  /** Simulated timers (reminders, the waiting watch). */
  timers?: TimerApi;
}

/** The tunings among `keys` that are set, ready to spread into a service's dependencies. */
export function tuned<T extends object, K extends keyof T>(
  source: T | undefined,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const picked: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const key of keys) {
    const value = source?.[key];
    if (value !== undefined) picked[key] = value as Exclude<T[K], undefined>;
  }
  return picked;
}
