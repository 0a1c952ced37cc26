/**
 * One drain at a time: a call during a drain waits for it, then runs once more (so work added
 * meanwhile is seen). `settled` runs after each drain (e.g. to set the next wake-up).
 */
export function singleFlight(run: () => Promise<void>, settled?: () => void): () => Promise<void> {
  let current: Promise<void> | undefined;
  return async () => {
    while (current) await current;
    current = run().finally(() => {
      current = undefined;
      settled?.();
    });
    return current;
  };
}
