/** How a paced walk waits and when it stops. */
export interface PacedWalkOptions {
  /** Pause between two items. */
  pauseMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Checked before each item and after each pause: true ends the walk (a job being disposed). */
  stopped: () => boolean;
}

/**
 * Works through `items` one after another with a pause between two, so a batch of reads never
 * bursts at a server, and never starts an item once stopped: the walk both Meet jobs (attendance,
 * Meet's artifacts) make over their due interviews. Answers false when it stopped before the end.
 */
export async function walkPaced<T>(
  items: readonly T[],
  options: PacedWalkOptions,
  step: (item: T) => Promise<unknown>,
): Promise<boolean> {
  for (const [index, item] of items.entries()) {
    if (options.stopped()) return false;
    if (index > 0) {
      await options.sleep(options.pauseMs);
      if (options.stopped()) return false;
    }
    await step(item);
  }
  return true;
}
