// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCall } from '../../../../renderer/common/use-call';
import type { Result } from '../../../../preload/shared/contract/result';

/** A call whose answers the test releases by hand, in the order it chooses. */
function heldCall<T>() {
  const pending: Array<(result: Result<T>) => void> = [];
  return {
    run: () => new Promise<Result<T>>((resolve) => pending.push(resolve)),
    answer(index: number, value: T) {
      pending[index]!({ ok: true, value });
    },
    fail(index: number, message: string) {
      pending[index]!({ ok: false, error: { code: 'unavailable', message } });
    },
    get started() {
      return pending.length;
    },
  };
}

describe('useCall', () => {
  it('keeps pushed news when the first load, started before it, answers late', async () => {
    const call = heldCall<string>();
    const { result } = renderHook(() => useCall(call.run));
    expect(call.started).toBe(1);
    // The event says "needs reconnect" while the first status call is still on its way.
    act(() => result.current.setValue('needs_reconnect'));
    expect(result.current.value).toBe('needs_reconnect');
    await act(async () => call.answer(0, 'connected'));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toBe('needs_reconnect');
  });

  it('takes a load that starts after the push', async () => {
    const call = heldCall<string>();
    const { result } = renderHook(() => useCall(call.run));
    await act(async () => call.answer(0, 'first'));
    expect(result.current.value).toBe('first');
    act(() => result.current.setValue('pushed'));
    let reloaded: Promise<void> | undefined;
    act(() => {
      reloaded = result.current.reload();
    });
    await act(async () => {
      call.answer(1, 'fresh');
      await reloaded;
    });
    expect(result.current.value).toBe('fresh');
  });

  /** A hook whose first load answered, with two reloads now under way. */
  async function twoReloads() {
    const call = heldCall<string>();
    const hook = renderHook(() => useCall(call.run));
    await act(async () => call.answer(0, 'first'));
    act(() => {
      void hook.result.current.reload();
      void hook.result.current.reload();
    });
    return { call, result: hook.result };
  }

  it('lets only the newest of two overlapping reloads answer', async () => {
    const { call, result } = await twoReloads();
    await act(async () => call.answer(2, 'newest'));
    await act(async () => call.answer(1, 'older'));
    expect(result.current.value).toBe('newest');
  });

  it('stays loading until the newest of two reloads has answered', async () => {
    const { call, result } = await twoReloads();
    await act(async () => call.answer(1, 'older'));
    expect(result.current.loading).toBe(true);
    await act(async () => call.answer(2, 'newest'));
    expect(result.current.loading).toBe(false);
  });

  it('shows a failed load as an error and keeps the value it had', async () => {
    const call = heldCall<string>();
    const { result } = renderHook(() => useCall(call.run));
    await act(async () => call.answer(0, 'kept'));
    await act(async () => {
      const reloaded = result.current.reload();
      call.fail(1, 'Google did not answer.');
      await reloaded;
    });
    expect(result.current.value).toBe('kept');
    expect(result.current.error?.message).toBe('Google did not answer.');
    // News that arrives afterwards clears the error.
    act(() => result.current.setValue('pushed'));
    expect(result.current.error).toBeUndefined();
  });
});
