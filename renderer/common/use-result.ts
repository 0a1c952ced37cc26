import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskError, Result } from '../../preload/contract/result';

/**
 * Loads a call's value on mount (and on `reload`), keeping the error for display. `run` may be a new
 * function every render: the latest one is kept in a ref, so callers need no memoising.
 */
export function useCall<T>(run: () => Promise<Result<T>>) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<DeskError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const reload = useCallback(async () => {
    setLoading(true);
    const result = await latest.current();
    if (result.ok) {
      setValue(result.value);
      setError(undefined);
    } else setError(result.error);
    setLoading(false);
  }, []);
  useEffect(() => {
    let live = true;
    void latest.current().then((result) => {
      if (!live) return;
      if (result.ok) setValue(result.value);
      else setError(result.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, []);
  return { value, error, loading, reload, setValue };
}
