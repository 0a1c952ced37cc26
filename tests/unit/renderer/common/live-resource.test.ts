// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createLiveResource } from '../../../../renderer/common/live-resource';
import type { Result } from '../../../../preload/shared/contract/result';

/** A source like main: loads answer what it holds now; `push` changes it and tells the subscribers. */
function source(initial: string) {
  let held = initial;
  const subscribers = new Set<(value: string) => void>();
  let loads = 0;
  return {
    load: async (): Promise<Result<string>> => {
      loads++;
      return { ok: true, value: held };
    },
    subscribe(onPush: (value: string) => void) {
      subscribers.add(onPush);
      return () => void subscribers.delete(onPush);
    },
    push(value: string) {
      held = value;
      for (const s of subscribers) s(value);
    },
    get loads() {
      return loads;
    },
    get subscribers() {
      return subscribers.size;
    },
  };
}

describe('createLiveResource', () => {
  it('gives every reader the pushed value, over one subscription and one load', async () => {
    const main = source('09:00');
    const live = createLiveResource(main.load, (onPush) => main.subscribe(onPush));
    const first = renderHook(() => live.use());
    const second = renderHook(() => live.use());
    await waitFor(() => expect(first.result.current.value).toBe('09:00'));
    expect(second.result.current.value).toBe('09:00');
    expect(main.subscribers).toBe(1);
    expect(main.loads).toBe(1);
    act(() => main.push('10:00'));
    expect(first.result.current.value).toBe('10:00');
    expect(second.result.current.value).toBe('10:00');
  });

  it('keeps a push that arrives while the first load is on its way', async () => {
    let answer: (r: Result<string>) => void = () => {};
    const live = createLiveResource(
      () => new Promise<Result<string>>((resolve) => (answer = resolve)),
      (onPush) => {
        pushed = onPush;
        return () => {};
      },
    );
    let pushed: (value: string) => void = () => {};
    const reader = renderHook(() => live.use());
    act(() => pushed('needs_reconnect'));
    await act(async () => answer({ ok: true, value: 'connected' }));
    expect(reader.result.current.value).toBe('needs_reconnect');
  });

  it('lets go of the subscription when the last reader goes, and reads afresh when one comes back', async () => {
    const main = source('a');
    const live = createLiveResource(main.load, (onPush) => main.subscribe(onPush));
    const reader = renderHook(() => live.use());
    await waitFor(() => expect(reader.result.current.value).toBe('a'));
    reader.unmount();
    expect(main.subscribers).toBe(0);
    main.push('b');
    const again = renderHook(() => live.use());
    await waitFor(() => expect(again.result.current.value).toBe('b'));
  });

  it('shows a failed read as an error and keeps the value it had', async () => {
    let fail = false;
    const live = createLiveResource<string>(
      async () =>
        fail
          ? { ok: false, error: { code: 'unavailable', message: 'Interview Desk is not running.' } }
          : { ok: true, value: 'kept' },
      () => () => {},
    );
    const reader = renderHook(() => live.use());
    await waitFor(() => expect(reader.result.current.value).toBe('kept'));
    fail = true;
    await act(() => live.reload());
    expect(reader.result.current.value).toBe('kept');
    expect(reader.result.current.error?.message).toBe('Interview Desk is not running.');
  });
});
