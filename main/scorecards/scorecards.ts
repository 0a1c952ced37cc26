/**
 * Scorecards as one capability for the composition root: templates, the recruiter's scorecard and
 * "Scorecard due", built from their dependencies.
 */
import type { Database } from '../database/database';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { EventHub } from '../shared/event-hub';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { TimerApi } from '../reminders/reminder-scheduler';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { InterviewChange } from '../interviews/interview-commands';
import type { ScorecardDue } from '../../preload/shared/contract/scorecard-schema';
import { createTemplateStore, type TemplateStore } from './template-store';
import { createScorecardRepository } from './scorecard-repository';
import { createScorecardService, type ScorecardService } from './scorecard-service';
import { createDueSubjects } from './due-subjects';
import { forgetScorecards } from './scorecard-retention';
import { createScorecardDueScheduler, type ScorecardDueScheduler } from './scorecard-due-scheduler';
import { recruiterSeenIn } from './scorecard-due-plan';
import type { AttendanceOutcomeOf } from '../../preload/shared/rules/recruiter-absent';

export interface ScorecardsDeps {
  database: Database;
  interviews: Pick<InterviewQueries, 'get' | 'find'>;
  /** Called on every interview change (a move, a cancel): the due schedule looks again. */
  onInterviewsChanged: (listener: (change?: InterviewChange) => void) => () => void;
  showOthersBeforeSubmit: () => boolean;
  recruiter: () => { name: string; email: string } | null;
  /** Meet's current attendance report of an interview; undefined while none is read (or it is purged or stale). */
  attendanceReport: (interviewId: string) => AttendanceOutcomeOf | undefined;
  /** Shows "Scorecard due" natively (Electron); the `scorecards:due` event goes out either way. */
  notifyDue?: (interview: Interview, now: number) => void;
  clock: Clock;
  log: Logger;
  events: EventHub;
  timers?: TimerApi;
}

/** What the composition root keeps. */
export interface Scorecards {
  templates: TemplateStore;
  service: ScorecardService;
  due: ScorecardDueScheduler;
  /** "Scorecard due" as it stands now, for a window opened after the notices (never a notification). */
  dueNow(): ScorecardDue[];
  /** Deletes scorecards and panel forms of interviews that ended before `endedBeforeMs` (the retention schedule). */
  forget(endedBeforeMs: number): void;
  dispose(): void;
}

/** What "Scorecard due" says of an interview: the event and `scorecards:dueNow` carry the same. */
function scorecardDueOf(interview: Interview): ScorecardDue {
  return {
    interviewId: interview.id,
    candidateName: interview.candidate.name,
    jobTitle: interview.jobTitle,
    endUtc: new Date(Date.parse(interview.startUtc) + interview.durationMinutes * 60_000).toISOString(),
  };
}

/** Builds the capability and starts the due schedule. */
export function createScorecards(deps: ScorecardsDeps): Scorecards {
  const templates = createTemplateStore({ database: deps.database, clock: deps.clock, log: deps.log });
  const repository = createScorecardRepository({ database: deps.database, log: deps.log });
  const service = createScorecardService({
    unitOfWork: deps.database,
    repository,
    templates,
    interviews: deps.interviews,
    showOthersBeforeSubmit: deps.showOthersBeforeSubmit,
    recruiter: deps.recruiter,
    clock: deps.clock,
    events: deps.events,
  });
  const due = createScorecardDueScheduler({
    subjects: createDueSubjects(deps.database),
    interviews: deps.interviews,
    recruiterSeen: (id) => recruiterSeenIn(deps.attendanceReport(id)),
    notify: (interview, now) => {
      deps.notifyDue?.(interview, now);
      deps.events.emit('scorecards:due', scorecardDueOf(interview));
    },
    clock: deps.clock,
    log: deps.log,
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  // Checked after the change commits: a cancel or a submit in the same action must count. Only an
  // interview that has started (now or before the change) can have a notice due; the hourly wake finds
  // the rest, so scheduling ahead never reads the days of interviews the check looks at.
  const started = (interview: Interview) => Date.parse(interview.startUtc) <= deps.clock.now();
  const unsubscribe = deps.onInterviewsChanged((change) => {
    if (change && !started(change.interview) && !('previous' in change && started(change.previous))) return;
    deps.database.afterCommit(() => due.check());
  });
  const unlisten = deps.events.listen((name) => {
    if (name === 'scorecards:changed' || name === 'attendance:changed') due.check();
  });
  return {
    templates,
    service,
    due,
    dueNow: () => due.dueNow().map(scorecardDueOf),
    forget(endedBeforeMs) {
      const ids = forgetScorecards(deps.database, endedBeforeMs);
      if (ids.length === 0) return;
      deps.log.info(`deleted scorecards and panel forms of ${ids.length} interview(s) past the retention period`);
      deps.events.emit('scorecards:changed', { ids });
    },
    dispose() {
      unsubscribe();
      unlisten();
      due.dispose();
    },
  };
}
