import { useCallback, useEffect, useState } from 'react';
import type { DeskError, Result } from '../../preload/contract/result';

/** Loads a call's value once (and on `reload`), keeping the error for display. */
export function useCall<T>(run: () => Promise<Result<T>>, deps: unknown[] = []) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<DeskError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(async () => {
    setLoading(true);
    const result = await run();
    if (result.ok) {
      setValue(result.value);
      setError(undefined);
    } else setError(result.error);
    setLoading(false);
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, loading, reload, setValue };
}
