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
 * the window opens or reloads after one), one per interview, until dismissed or no longer due. The
 * banner, the title's count and the browser's notification read them; the App shows none in
 * candidate mode. Recruiter words only: the event carries no scorecard content.
 *
 * Main's `dueNow` is the truth: when Meet attendance arrives (it may say the recruiter never joined)
 * or a shown interview's scorecards change (submitted here or in another window), it is read again
 * and what no longer stands goes; what newly stands comes in quietly, unless dismissed here.
 */
export function useScorecardsDue(): { due: DueScorecard[]; dismiss: (interviewId: string) => void } {
  const [due, setDue] = useState<DueScorecard[]>([]);
  // Read by the change listener: only changes to interviews shown as due ask main again.
  const shownIds = useRef(new Set<string>());
  useEffect(() => {
    shownIds.current = new Set(due.map((d) => d.interviewId));
  }, [due]);
  // Dismissed in this window: a read again does not bring them back (a new notice does).
  const dismissed = useRef(new Set<string>());
  // Each notice's number, per interview: one told after a read was asked outlives that read's answer.
  const notices = useRef(0);
  const toldAt = useRef(new Map<string, number>());
  // Only the newest read applies its answer (an older one may predate a submit).
  const reads = useRef(0);
  const dismiss = useCallback((interviewId: string) => {
    dismissed.current.add(interviewId);
    setDue((list) => list.filter((d) => d.interviewId !== interviewId));
  }, []);
  useEffect(
    () =>
      desk.on('scorecards:due', (notice) => {
        const at = Date.now();
        dismissed.current.delete(notice.interviewId);
        toldAt.current.set(notice.interviewId, ++notices.current);
        setDue((list) => [
          ...list.filter((d) => d.interviewId !== notice.interviewId),
          { ...notice, key: `scorecard-due-${notice.interviewId}-${at}`, toldAt: at, quiet: false },
        ]);
      }),
    [],
  );
  const readAgain = useCallback(() => {
    const mine = ++reads.current;
    const asked = notices.current;
    void desk.scorecards.dueNow().then((result) => {
      if (!result.ok || mine !== reads.current) return;
      const stands = new Set(result.value.map((d) => d.interviewId));
      const toldSince = (id: string) => (toldAt.current.get(id) ?? 0) > asked;
      const at = Date.now();
      setDue((list) => [
        ...result.value
          .filter(
            (now) => !dismissed.current.has(now.interviewId) && !list.some((d) => d.interviewId === now.interviewId),
          )
          .map((now) => ({ ...now, key: `scorecard-due-${now.interviewId}-read-${at}`, toldAt: at, quiet: true })),
        ...list.filter((d) => stands.has(d.interviewId) || toldSince(d.interviewId)),
      ]);
    });
  }, []);
  // A window opened after the due moment shows what stands; a notice that came meanwhile wins.
  useEffect(readAgain, [readAgain]);
  // Attendance may end what was due (Meet says the recruiter did not join) or bring it back.
  useEffect(() => desk.on('attendance:changed', readAgain), [readAgain]);
  // Submitted (in the room, maybe in another window) or gone (retention, cancel): no longer due.
  useEffect(
    () =>
      desk.on('scorecards:changed', ({ ids }) => {
        if (ids.some((id) => shownIds.current.has(id))) readAgain();
      }),
    [readAgain],
  );
  return { due, dismiss };
}
