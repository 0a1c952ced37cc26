import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScorecardDue } from '../../preload/shared/contract/scorecard-schema';
import { desk } from '../bridge/desk';

/** A "Scorecard due" this window was told about; `key` is new at each notice (a daily one is told again). */
export interface DueScorecard extends ScorecardDue {
  key: string;
  /** When this window was told (ms). */
  toldAt: number;
  /** Read when the window opened (`scorecards:dueNow`): told before, so no browser notification. */
  quiet: boolean;
}

/**
 * The scorecards main says are due (`scorecards:due`, at each due moment, and `scorecards:dueNow` when
 * the window opens or reloads after one), one per interview, until dismissed or the recruiter's own is
 * submitted. The banner, the title's count and the browser's
 * notification read them; the App shows none in candidate mode. Recruiter words only: the event
 * carries no scorecard content.
 */
export function useScorecardsDue(): { due: DueScorecard[]; dismiss: (interviewId: string) => void } {
  const [due, setDue] = useState<DueScorecard[]>([]);
  // Read by the change listener: only interviews shown as due are asked about (retention names many).
  const shownIds = useRef(new Set<string>());
  useEffect(() => {
    shownIds.current = new Set(due.map((d) => d.interviewId));
  }, [due]);
  const dismiss = useCallback(
    (interviewId: string) => setDue((list) => list.filter((d) => d.interviewId !== interviewId)),
    [],
  );
  useEffect(
    () =>
      desk.on('scorecards:due', (notice) => {
        const toldAt = Date.now();
        setDue((list) => [
          ...list.filter((d) => d.interviewId !== notice.interviewId),
          { ...notice, key: `scorecard-due-${notice.interviewId}-${toldAt}`, toldAt, quiet: false },
        ]);
      }),
    [],
  );
  // A window opened after the due moment shows what stands; a notice that came meanwhile wins.
  useEffect(() => {
    void desk.scorecards.dueNow().then((result) => {
      if (!result.ok) return;
      const toldAt = Date.now();
      setDue((list) => [
        ...result.value
          .filter((now) => !list.some((d) => d.interviewId === now.interviewId))
          .map((now) => ({ ...now, key: `scorecard-due-${now.interviewId}-open`, toldAt, quiet: true })),
        ...list,
      ]);
    });
  }, []);
  // Submitted (in the room, maybe in another window) or gone (retention, cancel): no longer due.
  useEffect(
    () =>
      desk.on('scorecards:changed', ({ ids }) => {
        for (const id of ids.filter((i) => shownIds.current.has(i)))
          void desk.scorecards.get(id).then((result) => {
            if (!result.ok || result.value.own?.state === 'submitted') dismiss(id);
          });
      }),
    [dismiss],
  );
  return { due, dismiss };
}
