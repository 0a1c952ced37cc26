import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron } from '../../fakes/electron';
import { quitAfterStop } from '../../../main/shell/quit-after-stop';

/** Emits before-quit as Electron does and reports whether the quit was held. */
const beforeQuit = () => {
  let held = false;
  app.emit('before-quit', { preventDefault: () => (held = true) });
  return held;
};

describe('quitting the desktop app', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('holds the quit until the services have stopped, stops them once, then exits', async () => {
    let finishStop = () => {};
    const stop = vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve)));
    quitAfterStop(app as never, stop);
    expect(beforeQuit()).toBe(true);
    // A second quit (tray, Cmd-Q again) while the message being sent is recorded: held, not stopped twice.
    expect(beforeQuit()).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.exited).toEqual([]);
    finishStop();
    await vi.advanceTimersByTimeAsync(0);
    expect(app.exited).toEqual([0]);
  });

  it('closes the windows first; a kept unsaved edit calls the quit off, and the next quit goes through', async () => {
    const stop = vi.fn(async () => {});
    const answers = [false, true];
    const closeWindows = vi.fn(async () => answers.shift() ?? true);
    const onCancelled = vi.fn();
    quitAfterStop(app as never, stop, 6_000, { closeWindows, onCancelled });
    expect(beforeQuit()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    // "Keep editing": nothing stopped, nothing exited, the app runs on.
    expect(onCancelled).toHaveBeenCalledTimes(1);
    expect(stop).not.toHaveBeenCalled();
    expect(app.exited).toEqual([]);
    expect(beforeQuit()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(closeWindows).toHaveBeenCalledTimes(2);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.exited).toEqual([0]);
  });

  it('exits after the limit when stopping hangs', async () => {
    quitAfterStop(app as never, () => new Promise<void>(() => {}), 6_000);
    expect(beforeQuit()).toBe(true);
    await vi.advanceTimersByTimeAsync(5_900);
    expect(app.exited).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(app.exited).toEqual([0]);
  });

  it('exits at once when the services never started', async () => {
    quitAfterStop(app as never, () => undefined);
    expect(beforeQuit()).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(app.exited).toEqual([0]);
  });
});
