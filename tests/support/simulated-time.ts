import type { TimerApi } from '../../main/reminders/reminder-scheduler';

/**
 * A simulated wall clock with timers: `run(untilMs)` advances time, firing due timers in order.
 * `sleep(ms)` moves the clock without firing anything (a laptop lid closed: timers do not run).
 */
export function simulatedTime(startIso: string) {
  let now = Date.parse(startIso);
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: TimerApi = {
    set(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    clock: { now: () => now },
    timers,
    pendingCount: () => pending.size,
    /** Runs timers up to `untilMs`, in time order; returns how many fired. */
    run(untilMs: number) {
      let fired = 0;
      for (;;) {
        const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > untilMs) break;
        pending.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].callback();
        fired++;
        if (fired > 100_000) throw new Error('runaway timers');
      }
      now = Math.max(now, untilMs);
      return fired;
    },
    sleep(ms: number) {
      now += ms;
    },
    set(iso: string) {
      now = Date.parse(iso);
    },
  };
}
