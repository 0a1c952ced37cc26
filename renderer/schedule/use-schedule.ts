import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { desk } from '../bridge/desk';
import { dayKey, startOfDay } from '../common/format';
import { createScheduleStore } from './schedule-store';

/**
 * The schedule's rows for a search, a page at a time from main; refreshed row by row when main
 * reports changed interviews, and afresh when the search or the day changes.
 */
export function useSchedule(query: string, zone: string, minute: number) {
  const store = useMemo(() => createScheduleStore(desk), []);
  const view = useSyncExternalStore(store.subscribe, store.get);
  const day = dayKey(minute * 60_000, zone);
  useEffect(() => {
    const now = Date.now();
    void store.open({ query, todayStartMs: startOfDay(now, zone), nowMs: now });
    // `day` is a dependency on purpose: a new day regroups the sections.
  }, [store, query, zone, day]);
  useEffect(() => desk.on('interviews:changed', ({ ids }) => void store.changed(ids)), [store]);
  // The countdown moves on when its interview ends.
  useEffect(() => void store.refreshNext(), [store, minute]);
  const ensure = useCallback((first: number, last: number) => store.ensure(first, last), [store]);
  return { view, ensure };
}
