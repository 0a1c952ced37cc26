/**
 * The timer of a schedule that re-reads the wall clock at every wake (reminders, "Scorecard due"):
 * one timer at a time, set for the next due moment but never longer than `maxSleepMs`, so a clock
 * that jumps or hours a computer slept are seen within the hour.
 */

/** Timers, injected so tests can run a simulated week in milliseconds. */
export interface TimerApi {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unreferenced: a waiting schedule never keeps the process alive. */
export const realTimers: TimerApi = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Never sleep longer than this in one timer: setTimeout overflows past 24.8 days, and a machine
 * clock can jump; waking at least hourly re-reads the wall clock.
 */
export const maxSleepMs = 60 * 60_000;

/** The one timer of a schedule. */
export interface WakeTimer {
  /** Replaces the timer: `wake` runs at `nextAt` (none: nothing due) or `maxSleepMs` after `now`, whichever is first. */
  armFor(nextAt: number | undefined, now: number): void;
  /** When it will next wake (tests and the benchmark). */
  wakeAt(): number | undefined;
  /** Clears the timer for good: arming afterwards does nothing. */
  dispose(): void;
}

/** Creates the timer; nothing is armed until `armFor`. */
export function createWakeTimer(wake: () => void, timers: TimerApi = realTimers): WakeTimer {
  let handle: unknown;
  let wakeAt: number | undefined;
  let disposed = false;
  return {
    armFor(nextAt, now) {
      if (disposed) return;
      if (handle !== undefined) timers.clear(handle);
      wakeAt = Math.min(nextAt ?? Infinity, now + maxSleepMs);
      handle = timers.set(wake, Math.max(0, wakeAt - now));
    },
    wakeAt: () => wakeAt,
    dispose() {
      disposed = true;
      if (handle !== undefined) timers.clear(handle);
    },
  };
}
