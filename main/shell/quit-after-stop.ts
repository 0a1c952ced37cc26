import type { App } from 'electron';

export interface QuitOptions {
  /** Closes the app's windows first; answers false when the person chose to keep an unsaved edit. */
  closeWindows?: () => Promise<boolean>;
  /** The quit was called off (an unsaved edit kept): the app runs on as before. */
  onCancelled?: () => void;
}

/**
 * Quitting first closes the windows, so a screen with unsaved changes gets its question (`app.exit`
 * closes them without one), and is called off when the person keeps editing. Then it waits for the
 * services to stop (the outbox records the message being sent, so it is not sent again at the next
 * start), at most `limitMs`, and exits. The first `before-quit` is held; one that comes during the
 * wait is held too but stops nothing twice.
 */
export function quitAfterStop(
  app: Pick<App, 'on' | 'exit'>,
  stop: () => Promise<void> | undefined,
  limitMs = 6_000,
  options: QuitOptions = {},
): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    void (options.closeWindows?.() ?? Promise.resolve(true)).then((closed) => {
      if (!closed) {
        stopping = false;
        options.onCancelled?.();
        return;
      }
      let limit: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (limit = setTimeout(resolve, limitMs)));
      void Promise.race([Promise.resolve(stop()).catch(() => {}), waited]).finally(() => {
        clearTimeout(limit);
        app.exit(0);
      });
    });
  });
}
