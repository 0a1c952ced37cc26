import { describe, expect, it } from 'vitest';
import { createWakeTimer, maxSleepMs } from '../../../main/shared/wake-timer';
import { simulatedTime } from '../../support/simulated-time';

const start = '2030-01-01T00:00:00.000Z';

describe('the timer of a schedule that re-reads the clock', () => {
  it('wakes at the next due moment, or within the hour when nothing is due sooner', () => {
    const time = simulatedTime(start);
    const woke: number[] = [];
    const t0 = time.clock.now();
    const timer = createWakeTimer(() => woke.push(time.clock.now()), time.timers);
    expect(timer.wakeAt()).toBeUndefined();
    timer.armFor(t0 + 10_000, t0);
    expect(timer.wakeAt()).toBe(t0 + 10_000);
    timer.armFor(t0 + 5 * maxSleepMs, t0);
    expect(timer.wakeAt()).toBe(t0 + maxSleepMs);
    timer.armFor(undefined, t0);
    expect(timer.wakeAt()).toBe(t0 + maxSleepMs);
    // Re-arming replaces the timer: one wake, not three.
    expect(time.pendingCount()).toBe(1);
    time.run(t0 + 3 * maxSleepMs);
    expect(woke).toEqual([t0 + maxSleepMs]);
  });

  it('a moment already past wakes at once (never a negative wait)', () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    let woke = 0;
    const timer = createWakeTimer(() => woke++, time.timers);
    timer.armFor(t0 - 60_000, t0);
    expect(time.run(t0)).toBe(1);
    expect(woke).toBe(1);
  });

  it('after dispose nothing is armed, even when asked', () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    let woke = 0;
    const timer = createWakeTimer(() => woke++, time.timers);
    timer.armFor(t0 + 1_000, t0);
    timer.dispose();
    expect(time.pendingCount()).toBe(0);
    timer.armFor(t0 + 1_000, t0);
    expect(time.pendingCount()).toBe(0);
    time.run(t0 + 2 * maxSleepMs);
    expect(woke).toBe(0);
  });
});
