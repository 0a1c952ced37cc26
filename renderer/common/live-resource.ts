import { useSyncExternalStore } from 'react';
import type { DeskError, Result } from '../../preload/shared/contract/result';

/** What a screen reads of a live resource: the newest value main gave, or why it could not be read. */
export interface LiveSnapshot<T> {
  value?: T;
  error?: DeskError;
  /** Nothing read yet and a read under way. */
  loading: boolean;
}

export interface LiveResource<T> {
  /** The current snapshot, kept fresh by main's pushes for as long as any component reads it. */
  use(): LiveSnapshot<T>;
  /** Reads it again from main now (after a save that answers no value, or after an error). */
  reload(): Promise<void>;
  /** Takes a value a call has just answered, as a push would. */
  set(value: T): void;
}

/**
 * One copy of something main owns and pushes (settings, the account), shared by every component that
 * reads it: loaded once when the first reader appears, replaced by every push, one subscription in all.
 * A load that started before a push may have read the state before it, so its answer is dropped.
 */
export function createLiveResource<T>(
  load: () => Promise<Result<T>>,
  subscribe: (onPush: (value: T) => void) => () => void,
): LiveResource<T> {
  let snapshot: LiveSnapshot<T> = { loading: true };
  const readers = new Set<() => void>();
  let stopPushes: (() => void) | undefined;
  // Bumped by every push and every load start: a load applies its answer only if it is still the newest.
  let generation = 0;

  const publish = (next: LiveSnapshot<T>) => {
    snapshot = next;
    for (const reader of [...readers]) reader();
  };
  const set = (value: T) => {
    generation++;
    publish({ value, loading: false });
  };
  const reload = async () => {
    const mine = ++generation;
    const result = await load();
    if (mine !== generation) return;
    publish(
      result.ok
        ? { value: result.value, loading: false }
        : { ...(snapshot.value !== undefined ? { value: snapshot.value } : {}), error: result.error, loading: false },
    );
  };
  const listen = (reader: () => void) => {
    readers.add(reader);
    if (!stopPushes) {
      stopPushes = subscribe(set);
      // Pushes were missed while nobody listened: what was kept may be stale, so it is read again.
      void reload();
    }
    return () => {
      readers.delete(reader);
      if (readers.size === 0) {
        stopPushes?.();
        stopPushes = undefined;
      }
    };
  };
  const read = () => snapshot;
  return { use: () => useSyncExternalStore(listen, read), reload, set };
}
