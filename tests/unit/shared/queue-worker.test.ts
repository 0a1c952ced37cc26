import { describe, expect, it } from 'vitest';
import { createQueueWorker, type QueueWorkerOptions } from '../../../main/shared/queue-worker';
import { simulatedTime } from '../../support/simulated-time';

const start = '2030-03-04T09:00:00Z';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A queue of due times the worker drains: each drain takes what is due at the simulated now. */
function queueAt(time: ReturnType<typeof simulatedTime>, dueTimes: number[]) {
  const due = [...dueTimes];
  const drained: number[] = [];
  let result: 'paused' | void = undefined;
  const options = (extra: Partial<QueueWorkerOptions> = {}): QueueWorkerOptions => ({
    async drainOnce() {
      // Paused: nothing goes (no account, no server), everything keeps its place.
      if (result === 'paused') return result;
      const now = time.clock.now();
      for (const at of due.filter((d) => d <= now)) {
        due.splice(due.indexOf(at), 1);
        drained.push(at);
      }
    },
    nextDue: () => (due.length ? Math.min(...due) : undefined),
    now: time.clock.now,
    timers: time.timers,
    ...extra,
  });
  return { due, drained, options, pauseNext: (paused: boolean) => void (result = paused ? 'paused' : undefined) };
}

describe('queue worker', () => {
  it('arms a timer for the next due item and drains it when it fires', async () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    const queue = queueAt(time, [t0 + 5_000, t0 + 60_000]);
    const worker = createQueueWorker(queue.options());
    await worker.drain();
    expect(queue.drained).toEqual([]);
    expect(time.pendingCount()).toBe(1);
    time.run(t0 + 4_999);
    await settle();
    expect(queue.drained).toEqual([]);
    time.run(t0 + 5_000);
    await settle();
    expect(queue.drained).toEqual([t0 + 5_000]);
    time.run(t0 + 60_000);
    await settle();
    expect(queue.drained).toEqual([t0 + 5_000, t0 + 60_000]);
    expect(time.pendingCount()).toBe(0);
  });

  it('rearm sets the timer for a new due item without draining, and waits for a drain under way', async () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    const queue = queueAt(time, []);
    let drains = 0;
    const options = queue.options();
    const worker = createQueueWorker({ ...options, drainOnce: () => (drains++, options.drainOnce()) });
    await worker.drain();
    expect(time.pendingCount()).toBe(0);
    // Something new is due later: one timer, no drain now.
    queue.due.push(t0 + 10_000);
    worker.rearm();
    expect(drains).toBe(1);
    expect(time.pendingCount()).toBe(1);
    time.run(t0 + 10_000);
    await settle();
    expect(queue.drained).toEqual([t0 + 10_000]);
    expect(drains).toBe(2);
    // During a drain it leaves the timer to the drain's end.
    queue.due.push(t0 + 20_000);
    const running = worker.drain();
    worker.rearm();
    expect(time.pendingCount()).toBe(0);
    await running;
    expect(time.pendingCount()).toBe(1);
    // Paused (no account, say): no timer, until what is due changes and the next drain tries again.
    queue.pauseNext(true);
    time.run(t0 + 20_000);
    await settle();
    expect(worker.paused).toBe(true);
    expect(time.pendingCount()).toBe(0);
    queue.pauseNext(false);
    worker.rearm();
    expect(worker.paused).toBe(false);
    expect(time.pendingCount()).toBe(1);
    time.run(t0 + 20_001);
    await settle();
    expect(queue.drained).toContain(t0 + 20_000);
  });

  it('never waits longer than maxWaitMs in one timer', async () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    const queue = queueAt(time, [t0 + 5 * 3600_000]);
    const worker = createQueueWorker(queue.options({ maxWaitMs: 3600_000 }));
    await worker.drain();
    expect(time.run(t0 + 3600_000)).toBe(1);
    await settle();
    expect(time.pendingCount()).toBe(1);
    expect(queue.drained).toEqual([]);
  });

  it('runs one drain at a time: calls during a drain wait, then run once more', async () => {
    const time = simulatedTime(start);
    let running = 0;
    let most = 0;
    let runs = 0;
    const worker = createQueueWorker({
      async drainOnce() {
        running++;
        most = Math.max(most, running);
        runs++;
        await settle();
        running--;
      },
      now: time.clock.now,
      timers: time.timers,
    });
    await Promise.all([worker.drain(), worker.drain(), worker.drain()]);
    expect(most).toBe(1);
    expect(runs).toBe(3);
  });

  it('pause stops arming for the due item and ignores wakes until the next drain', async () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    const queue = queueAt(time, [t0 + 5_000]);
    let wake = () => {};
    let drains = 0;
    const options = queue.options();
    const worker = createQueueWorker({
      ...options,
      drainOnce: () => (drains++, options.drainOnce()),
      subscribe: (w) => ((wake = w), () => {}),
    });
    queue.pauseNext(true);
    await worker.drain();
    expect(worker.paused).toBe(true);
    expect(time.pendingCount()).toBe(0);
    wake();
    await settle();
    expect(drains).toBe(1);
    queue.pauseNext(false);
    await worker.drain();
    expect(worker.paused).toBe(false);
    expect(time.pendingCount()).toBe(1);
    wake();
    await settle();
    expect(drains).toBe(3);
  });

  it('paused with pausedRetryMs, looks again after that long instead of at the due time', async () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    const queue = queueAt(time, [t0]);
    const worker = createQueueWorker(queue.options({ pausedRetryMs: 60_000 }));
    queue.pauseNext(true);
    await worker.drain();
    expect(time.run(t0 + 59_999)).toBe(0);
    queue.pauseNext(false);
    expect(time.run(t0 + 60_000)).toBe(1);
    await settle();
    expect(worker.paused).toBe(false);
  });

  it('dispose clears the timer, unhooks and drains no more', async () => {
    const time = simulatedTime(start);
    const t0 = time.clock.now();
    const queue = queueAt(time, [t0 + 5_000]);
    let hooked = false;
    const worker = createQueueWorker(
      queue.options({ subscribe: () => ((hooked = true), () => void (hooked = false)) }),
    );
    await worker.drain();
    expect(time.pendingCount()).toBe(1);
    expect(hooked).toBe(true);
    expect(worker.dispose()).toBeUndefined();
    expect(time.pendingCount()).toBe(0);
    expect(hooked).toBe(false);
    time.run(t0 + 10_000);
    await worker.drain();
    expect(queue.drained).toEqual([]);
    expect(time.pendingCount()).toBe(0);
  });

  it('dispose hands back the drain running now, to wait for', async () => {
    const time = simulatedTime(start);
    let finish = () => {};
    let finished = false;
    const worker = createQueueWorker({
      drainOnce: () => new Promise<void>((resolve) => (finish = () => ((finished = true), resolve()))),
      now: time.clock.now,
      timers: time.timers,
    });
    void worker.drain();
    await settle();
    const running = worker.dispose();
    expect(running).toBeDefined();
    finish();
    await running;
    expect(finished).toBe(true);
  });
});
