import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskError, Result } from '../../preload/shared/contract/result';

/**
 * Loads a call's value on mount (and on `reload`), keeping the error for display. `run` may be a new
 * function every render: the latest one is kept in a ref, so callers need no memoising.
 *
 * `setValue` is how pushed news (an `account:changed` event, a call's own answer) replaces the value.
 * A load that was already under way when such news arrived may have read the state before it, so its
 * answer is dropped: otherwise a slow first load would put back what the push had just corrected
 * (the header said "Reconnect", then went back to "connected" a moment later).
 */
export function useCall<T>(run: () => Promise<Result<T>>) {
  const [value, setLoaded] = useState<T | undefined>(undefined);
  const [error, setError] = useState<DeskError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef(run);
  // Bumped by every push and every load start; a load applies its answer only if it is still the newest.
  const generation = useRef(0);
  // Bumped by every load start: only the newest load says loading is over.
  const loads = useRef(0);
  useEffect(() => {
    latest.current = run;
  });
  const load = useCallback(async (isLive: () => boolean) => {
    const mine = ++generation.current;
    const myLoad = ++loads.current;
    const result = await latest.current();
    if (!isLive()) return;
    if (mine === generation.current) {
      if (result.ok) {
        setLoaded(result.value);
        setError(undefined);
      } else setError(result.error);
    }
    if (myLoad === loads.current) setLoading(false);
  }, []);
  const reload = useCallback(() => {
    setLoading(true);
    return load(() => true);
  }, [load]);
  const setValue = useCallback((next: T) => {
    generation.current++;
    setLoaded(next);
    setError(undefined);
  }, []);
  useEffect(() => {
    let live = true;
    void load(() => live);
    return () => {
      live = false;
    };
  }, [load]);
  return { value, error, loading, reload, setValue };
}
