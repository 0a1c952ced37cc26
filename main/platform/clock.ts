/** Wall-clock time, injected so tests can move it (sleep, clock jumps, DST). */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
