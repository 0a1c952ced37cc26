import { singleFlight } from './single-flight';

/** Timers the worker arms (injected so tests run on simulated time). */
export interface WorkerTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const nodeTimers: WorkerTimers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What one queue tells the loop: how to drain it once, when it is next due, what wakes it. */
export interface QueueWorkerOptions {
  /** Works through what is due; `'paused'` when the queue cannot go on for now (no account, no server). */
  drainOnce(): Promise<'paused' | void>;
  /** When the next item is due (ms), or undefined when nothing waits on time; without it no timer is armed. */
  nextDue?(): number | undefined;
  /** Hooks whatever calls for a drain (a change committed, say); `wake` drains unless paused. Returns the unhook. */
  subscribe?(wake: () => void): () => void;
  now(): number;
  /** While paused, look again after this long (none: a paused queue waits to be drained by hand). */
  pausedRetryMs?: number;
  /** The longest single wait (a clock that jumps is seen within it). */
  maxWaitMs?: number;
  timers?: WorkerTimers;
}

/** The loop around one durable queue: one drain at a time, a timer for the next due item, pause and dispose. */
export interface QueueWorker {
  /** Drains now (after the drain running, if any); paused or not. */
  drain(): Promise<void>;
  /**
   * What is due changed: sets the timer again for the next due item without draining, and lifts a
   * pause (the next drain tries again); a drain under way sets it when done.
   */
  rearm(): void;
  /** Whether the last drain paused (until the next one starts). */
  readonly paused: boolean;
  /** Unhooks, disarms and drains no more; resolves with the drain running now (if any) to wait for. */
  dispose(): Promise<void> | undefined;
}

/** Creates the worker; it arms its first timer after its first drain. */
export function createQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const timers = options.timers ?? nodeTimers;
  const maxWaitMs = options.maxWaitMs ?? 60 * 60_000;
  let handle: unknown;
  let paused = false;
  let disposed = false;
  let running: Promise<unknown> | undefined;

  const disarm = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
  };

  const arm = () => {
    disarm();
    if (disposed || !options.nextDue) return;
    const next = options.nextDue();
    if (next === undefined) return;
    if (paused && options.pausedRetryMs === undefined) return;
    // Paused: look again now and then, not at every due item.
    const wait = paused ? options.pausedRetryMs! : Math.max(0, next - options.now());
    handle = timers.set(() => void drain(), Math.min(wait, maxWaitMs));
  };

  const drain = singleFlight(async () => {
    paused = false;
    if (disposed) return;
    running = options.drainOnce();
    try {
      if ((await running) === 'paused') paused = true;
    } finally {
      running = undefined;
    }
  }, arm);

  const unsubscribe = options.subscribe?.(() => {
    if (!paused && !disposed) void drain();
  });

  return {
    drain,
    rearm() {
      if (running !== undefined) return;
      paused = false;
      arm();
    },
    get paused() {
      return paused;
    },
    dispose() {
      disposed = true;
      unsubscribe?.();
      disarm();
      return running?.then(() => undefined);
    },
  };
}
