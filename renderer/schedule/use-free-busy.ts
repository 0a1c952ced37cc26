import { useCallback, useEffect, useRef, useState } from 'react';
import { DateTime } from 'luxon';
import type { FreeBusyAnswer } from '../../preload/shared/contract/ipc-contract';
import { desk } from '../bridge/desk';

/** How many days one request covers from the chosen day: the timeline and "Suggest times" both read it. */
export const rangeDays = 14;
/** How long an answer is reused before the form asks Google again (Refresh asks at once). */
const freshMs = 2 * 60_000;

interface Entry {
  from: number;
  to: number;
  people: string;
  at: number;
  answer: FreeBusyAnswer;
}

/**
 * What the form shows: the answer covering the chosen day (if any; while a changed panel is asked
 * about, the one before), whether one is on its way, and the range the current panel's answer covers.
 */
export interface FreeBusyState {
  answer?: FreeBusyAnswer;
  range?: { start: string; end: string };
  loading: boolean;
  error?: string;
  /** Asks again now (after "Refresh", or after consent was given). */
  refresh: () => void;
}

/**
 * Busy time for the schedule form. One request per form session per day range: the answer for 14
 * days from the chosen day is kept (briefly) and reused while the chosen day stays inside it and the
 * panel is the same; typing never asks, since `panel` holds only the addresses the person has finished.
 */
export function useFreeBusy(date: string, zone: string, panel: string[], excludeId?: string): FreeBusyState {
  // Per form session: a new form starts with nothing cached.
  const cache = useRef<Entry[]>([]);
  const [state, setState] = useState<{ entry?: Entry; loading: boolean; error?: string }>({ loading: false });
  const [nonce, setNonce] = useState(0);
  const forced = useRef(false);
  const people = [...new Set(panel.map((p) => p.toLowerCase()))].sort().join(',');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone }) : undefined;
  const dayStart = day?.isValid ? day.startOf('day').toMillis() : undefined;
  const dayEnd = day?.isValid ? day.startOf('day').plus({ days: 1 }).toMillis() : undefined;

  useEffect(() => {
    if (dayStart === undefined || dayEnd === undefined) return;
    const now = Date.now();
    const fresh = forced.current
      ? undefined
      : cache.current.find((e) => e.people === people && e.from <= dayStart && e.to >= dayEnd && now - e.at < freshMs);
    forced.current = false;
    if (fresh) {
      setState({ entry: fresh, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    // A short pause: a date typed digit by digit settles before anything is asked.
    const timer = setTimeout(() => {
      const to = DateTime.fromMillis(dayStart, { zone }).plus({ days: rangeDays }).toMillis();
      const coInterviewers = people ? people.split(',') : [];
      void desk.findTime
        .busy({
          timeMin: new Date(dayStart).toISOString(),
          timeMax: new Date(to).toISOString(),
          coInterviewers,
          ...(excludeId ? { excludeId } : {}),
        })
        .then((result) => {
          if (!live) return;
          if (!result.ok) return setState({ loading: false, error: result.error.message });
          const entry: Entry = { from: dayStart, to, people, at: Date.now(), answer: result.value };
          cache.current = [...cache.current.filter((e) => !(e.people === people && e.from === dayStart)), entry];
          setState({ entry, loading: false });
        });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [dayStart, dayEnd, people, zone, excludeId, nonce]);

  const refresh = useCallback(() => {
    forced.current = true;
    setNonce((n) => n + 1);
  }, []);
  const covering =
    state.entry && dayStart !== undefined && state.entry.from <= dayStart && state.entry.to >= (dayEnd ?? 0)
      ? state.entry
      : undefined;
  // While a changed panel is asked about, the timeline keeps what it showed (nothing jumps under the
  // pointer); suggestions wait for the answer that covers everyone.
  const entry = covering?.people === people ? covering : undefined;
  return {
    loading: state.loading,
    refresh,
    ...(state.error ? { error: state.error } : {}),
    ...(covering ? { answer: covering.answer } : {}),
    ...(entry
      ? {
          range: {
            start: new Date(Math.max(entry.from, dayStart ?? entry.from)).toISOString(),
            end: new Date(entry.to).toISOString(),
          },
        }
      : {}),
  };
}
