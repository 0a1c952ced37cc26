import type { App } from 'electron';

/**
 * Quitting waits for the services to stop (the outbox records the message being sent, so it is not
 * sent again at the next start), at most `limitMs`, then exits. The first `before-quit` is held;
 * one that comes during the wait is held too but stops nothing twice.
 */
export function quitAfterStop(
  app: Pick<App, 'on' | 'exit'>,
  stop: () => Promise<void> | undefined,
  limitMs = 6_000,
): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    let limit: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (limit = setTimeout(resolve, limitMs)));
    void Promise.race([Promise.resolve(stop()).catch(() => {}), waited]).finally(() => {
      clearTimeout(limit);
      app.exit(0);
    });
  });
}
