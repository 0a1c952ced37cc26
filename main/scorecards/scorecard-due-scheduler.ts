/**
 * Shows "Scorecard due" on the injected clock and timers: at start, at every due moment, hourly (a
 * timer does not count the hours a computer sleeps) and whenever an interview, a scorecard or Meet
 * attendance changes. Each moment is recorded before it is shown, so a crash can lose one, never repeat it.
 * A moment skipped because Meet says the recruiter did not attend stays unrecorded: when a later report
 * finds them, the series resumes with the latest moment due. Meet's last word is recorded too, so a
 * report that is gone (purged, or read for an earlier time) does not let a skipped series resume.
 */
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import { createWakeTimer, type TimerApi } from '../shared/wake-timer';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { InterviewQueries } from '../interviews/interview-queries';
import {
  attendanceAllows,
  dailyDueCount,
  firstDueAfterEndMs,
  lastDueGraceMs,
  scorecardDueDecisions,
  recordedSeen,
  recruiterSeenKey,
  scorecardDueNow,
  wantsScorecard,
  type RecruiterSeen,
  type ScorecardDueSubject,
} from './scorecard-due-plan';
import type { DueSubjects } from './due-subjects';

const day = 86_400_000;
/** Interviews last at most 8 hours: one starting earlier than this has no moment left to show. */
const lookBackMs = 8 * 3_600_000 + firstDueAfterEndMs + dailyDueCount * day + lastDueGraceMs;

export interface ScorecardDueSchedulerDeps {
  subjects: DueSubjects;
  interviews: Pick<InterviewQueries, 'find'>;
  /** What a current Meet report says of the recruiter (absent: no scorecard is asked for). */
  recruiterSeen: (interviewId: string) => RecruiterSeen;
  /** Shows the notice (native in Electron, an event for the renderer in both). */
  notify: (interview: Interview, now: number) => void;
  clock: Clock;
  log: Logger;
  timers?: TimerApi;
}

/** The running schedule. */
export interface ScorecardDueScheduler {
  /** Re-reads the clock and shows what is due. */
  check(): void;
  /** The interviews whose scorecard is due now (shown or not), oldest first; nothing is shown or recorded. */
  dueNow(): Interview[];
  /** When it will next wake (tests). */
  nextWakeAt(): number | undefined;
  dispose(): void;
}

/** Creates and starts the schedule. */
export function createScorecardDueScheduler(deps: ScorecardDueSchedulerDeps): ScorecardDueScheduler {
  let disposed = false;

  // Every moment due before the next hourly wake belongs to an interview that has already ended.
  const subjectsAt = (now: number) => deps.subjects.between(now - lookBackMs, now);

  /**
   * Whether attendance lets each ended interview's notice stand now, recording Meet's word when it
   * changed: it holds after the report is gone. A report only grows (Meet adds sessions), so once it
   * found the recruiter it is read again only for a notice about to be shown: a look costs one
   * report per interview, not one per interview per change.
   */
  const allowedAt = (subjects: ScorecardDueSubject[], firing: Set<string>, now: number) => {
    const allowed = new Set<string>();
    for (const subject of subjects) {
      if (!wantsScorecard(subject) || Date.parse(subject.endUtc) > now) continue;
      if (!firing.has(subject.interviewId) && recordedSeen(subject) === 'present') continue;
      const seen = deps.recruiterSeen(subject.interviewId);
      const recorded = recordedSeen(subject);
      if (seen !== 'unknown' && seen !== recorded) {
        const replaced = recruiterSeenKey(seen === 'absent' ? 'present' : 'absent', subject.endUtc);
        deps.subjects.replaceMark(subject.interviewId, replaced, recruiterSeenKey(seen, subject.endUtc), now);
      }
      if (attendanceAllows(subject, seen)) allowed.add(subject.interviewId);
    }
    return allowed;
  };

  const check = () => {
    if (disposed) return;
    const now = deps.clock.now();
    const subjects = subjectsAt(now);
    const { fire, drop, nextAt } = scorecardDueDecisions(subjects, now);
    // While Meet says the recruiter stayed away a moment is neither shown nor recorded: a later read
    // that finds them there (the first was partial) shows the latest one then, once.
    const allowed = allowedAt(subjects, new Set(fire.map((m) => m.interviewId)), now);
    const shown = fire.filter((m) => allowed.has(m.interviewId));
    deps.subjects.mark([...shown, ...drop], now);
    for (const moment of shown) {
      const interview = deps.interviews.find(moment.interviewId);
      if (!interview) continue;
      try {
        deps.notify(interview, now);
      } catch (error) {
        deps.log.error('scorecard notice failed', error);
      }
    }
    wake.armFor(nextAt, now);
  };
  const wake = createWakeTimer(check, deps.timers);

  check();
  const dueNow = () => {
    const now = deps.clock.now();
    return subjectsAt(now)
      .filter(
        (subject) =>
          scorecardDueNow(subject, now) &&
          // Found there once, found for good (see allowedAt): the recorded word answers without a read.
          (recordedSeen(subject) === 'present' || attendanceAllows(subject, deps.recruiterSeen(subject.interviewId))),
      )
      .sort((a, b) => Date.parse(a.endUtc) - Date.parse(b.endUtc))
      .flatMap((subject) => deps.interviews.find(subject.interviewId) ?? []);
  };

  return {
    check,
    dueNow,
    nextWakeAt: () => wake.wakeAt(),
    dispose() {
      disposed = true;
      wake.dispose();
    },
  };
}
