import { useEffect, useRef } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';

/**
 * Calls `reload` each time `key` changes after the first render (the first load is already under
 * way then). A screen that must follow something without being rebuilt uses it: rebuilding would
 * drop what the person typed and has not saved.
 */
export function useReloadOnChange(key: string, reload: () => unknown): void {
  const loadedFor = useRef(key);
  useEffect(() => {
    if (loadedFor.current === key) return;
    loadedFor.current = key;
    void reload();
  }, [key, reload]);
}

/** What main's answers about an interview's after-part follow: its status and its time (a cancel, a move). */
export const statusAndTime = (interview: Pick<Interview, 'status' | 'startUtc' | 'durationMinutes'>): string =>
  `${interview.status} ${interview.startUtc} ${interview.durationMinutes}`;
