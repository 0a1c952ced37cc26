/**
 * Attendance from Google Meet, as the app uses it: whether it is connected (the Meet read scope,
 * asked for incrementally), the fetch job, the "candidate is waiting" watch, the room's view of one
 * interview, and the figures and CSV columns Analytics attaches. Without the scope nothing is asked
 * of Meet and the app keeps working on its own join history.
 */
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type {
  AttendanceConnection,
  AttendanceView,
  CandidateWaiting,
} from '../../preload/shared/contract/attendance-schema';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { JoinWindowSettings } from '../../preload/shared/rules/interview-timing';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { AccountService } from '../google/account/account-service';
import type { RetryOptions } from '../google/api/retry-policy';
import type { AnalyticsAttachments, MeetAttendance } from '../analytics/analytics';
import type { Database } from '../database/database';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { EventHub } from '../shared/event-hub';
import { realTimers, type TimerApi } from '../reminders/reminder-scheduler';
import { analyseAttendance, type AttendanceReport, type WaitingCandidate } from './attendance-analysis';
import { attendanceCsvCells, attendanceCsvHeader, attendanceFigures } from './attendance-figures';
import { createAttendanceJobs, type AttendancePacing } from './attendance-jobs';
import { createAttendanceRepository } from './attendance-repository';
import { createAttendanceRetention } from './attendance-retention';
import { attendanceSubject } from './attendance-subject';
import { createMeetClient, meetReadScope } from './meet-client';
import type { InterviewQueries } from '../interviews/interview-queries';
import { createWaitingWatch } from './waiting-watch';

export interface AttendanceServiceDeps {
  database: Database;
  account: AccountService;
  interviews: Pick<InterviewQueries, 'find' | 'startingBetween'>;
  /** Calls back after interviews change (scheduled, moved, cancelled); returns the unsubscribe. */
  onInterviewsChanged?: (listener: () => void) => () => void;
  settings: () => JoinWindowSettings & Pick<Settings, 'attendanceRetentionDays'>;
  meetApiUrl: string;
  clock: Clock;
  log: Logger;
  events: EventHub;
  /** A desktop notification (Electron); the room banner comes from the `attendance:waiting` event either way. */
  notifyWaiting?: (interview: Interview, waiting: WaitingCandidate, now: number) => void;
  /** Deletes everything else kept after an interview, on the retention schedule (the setting covers it all). */
  forgetAfterInterview?: (endedBeforeMs: number) => void;
  timers?: TimerApi;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  pacing?: Partial<AttendancePacing>;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Attendance for the app. */
export interface AttendanceService {
  connection(): AttendanceConnection;
  /** The room's view of one interview. */
  view(id: string): AttendanceView;
  /** Asks for the Meet read scope (incremental consent) unless granted, then reads what has ended. */
  connect(): Promise<AccountStatus>;
  /** What Analytics attaches: Meet's attendance of a period's interviews (figures, CSV cells, reports) and the CSV header. */
  analytics: Required<AnalyticsAttachments>;
  /** Candidates waiting in the Meet right now without their interviewer (the banner a new window shows). */
  waitingNow(): CandidateWaiting[];
  /** Starts the job (start-up catch-up), the waiting watch and the daily retention pruning. */
  start(): void;
  /** Reads one interview's attendance now, whatever its state (a failure is recorded in its state, not thrown). */
  refresh(id: string): Promise<void>;
  /** The fetch job's run (tests await it). */
  runJobs(): Promise<void>;
  /** One tick of the waiting watch (tests await it). */
  watchTick(): Promise<void>;
  dispose(): void;
}

/** What the room shows of a report (the contract's shape, nothing more). */
function roomReport(r: AttendanceReport): NonNullable<AttendanceView['report']> {
  return {
    conferences: r.records.length,
    people: r.people,
    ...(r.interviewerLateMinutes !== undefined ? { interviewerLateMinutes: r.interviewerLateMinutes } : {}),
    ...(r.candidateLateMinutes !== undefined ? { candidateLateMinutes: r.candidateLateMinutes } : {}),
    ...(r.together ? { together: r.together } : {}),
    outcome: r.outcome,
    final: r.final,
  };
}

/** Creates the service (call `start`). */
export function createAttendanceService(deps: AttendanceServiceDeps): AttendanceService {
  const { account } = deps;
  const repository = createAttendanceRepository(deps.database);
  const timers = deps.timers ?? realTimers;
  const client = createMeetClient({
    auth: () => account.authClient(),
    rootUrl: deps.meetApiUrl,
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  });
  const connection = (): AttendanceConnection => {
    const status = account.status();
    if (status.state === 'disconnected') return 'no_account';
    if (status.state === 'needs_reconnect') return 'needs_reconnect';
    return account.hasScope(meetReadScope) ? 'connected' : 'not_connected';
  };
  const canRead = () => connection() === 'connected';
  const identity = () => account.identity();
  const changed = (ids: string[]) => deps.events.emit('attendance:changed', { ids });
  const retention = createAttendanceRetention({
    repository,
    days: () => deps.settings().attendanceRetentionDays,
    clock: deps.clock,
    timers,
    log: deps.log,
    changed,
    ...(deps.forgetAfterInterview ? { alsoForget: deps.forgetAfterInterview } : {}),
  });
  const jobs = createAttendanceJobs({
    repository,
    interview: deps.interviews.find,
    client,
    canRead,
    identity,
    markNeedsReconnect: (reason) => account.markNeedsReconnect(reason),
    clock: deps.clock,
    timers,
    log: deps.log,
    changed,
    keepMs: () => deps.settings().attendanceRetentionDays * 86_400_000,
    ...(deps.pacing ? { pacing: deps.pacing } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  // Candidates waiting right now, as last raised: a window that opens (or reloads) later still shows them.
  const waitingNow = new Map<string, CandidateWaiting>();
  const watch = createWaitingWatch({
    client,
    startingBetween: deps.interviews.startingBetween,
    settings: deps.settings,
    canRead,
    identity,
    clock: deps.clock,
    timers,
    log: deps.log,
    ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
    raise: (interview, waiting) => {
      const now = deps.clock.now();
      deps.notifyWaiting?.(interview, waiting, now);
      const news: CandidateWaiting = {
        interviewId: interview.id,
        candidateName: interview.candidate.name,
        jobTitle: interview.jobTitle,
        waiting: true,
        displayName: waiting.displayName,
        since: waiting.since,
        identified: waiting.identified,
      };
      waitingNow.set(interview.id, news);
      deps.events.emit('attendance:waiting', news);
    },
    settle: (interview) => {
      waitingNow.delete(interview.id);
      deps.events.emit('attendance:waiting', {
        interviewId: interview.id,
        candidateName: interview.candidate.name,
        jobTitle: interview.jobTitle,
        waiting: false,
      });
    },
  });

  /**
   * Meet's attendance of a stored interview (its fetch state read by the caller), analysed at `now` for
   * `account`; undefined when none was read. `stored`: some conference of it is stored.
   */
  const analysed = (
    interview: Interview,
    state: ReturnType<typeof repository.fetchState>,
    account: ReturnType<typeof identity>,
    now: number,
  ): { report: AttendanceReport; stored: boolean } | undefined => {
    const subject = attendanceSubject(interview, account);
    // Read for the interview's earlier time or link: about another meeting, so not shown.
    if (!subject || !state?.current || state.fetchedMs === undefined) return undefined;
    const conferences = repository.conferences(interview.id);
    return { report: analyseAttendance(subject, conferences, { now }), stored: conferences.length > 0 };
  };
  /**
   * Meet's attendance of these interviews, each read and analysed once: the room's report of each (what
   * "Scorecard due" and the owed scorecards read), and the figures and CSV cells over the verdicts among them.
   */
  const attendanceOf = (interviews: Interview[]): MeetAttendance => {
    const account = identity();
    const now = deps.clock.now();
    const reports = new Map<string, AttendanceReport>();
    const verdicts = new Map<string, AttendanceReport>();
    for (const interview of interviews) {
      const state = repository.fetchState(interview.id);
      const found = analysed(interview, state, account, now);
      if (!found) continue;
      reports.set(interview.id, found.report);
      // An interview fetched with no conference at all is a verdict too ("nobody joined"), when it is final.
      if (found.stored || (state?.state === 'fetched' && state.final)) verdicts.set(interview.id, found.report);
    }
    const status = connection();
    return {
      report: (id) => reports.get(id),
      figures: (endedCount, ended) => attendanceFigures(endedCount, ended, verdicts, status),
      csvCells: (interview, ended) =>
        attendanceCsvCells(interview, ended ? verdicts.get(interview.id) : undefined, ended),
    };
  };

  // A shorter retention period takes effect when it is saved.
  const stopListening = deps.events.listen((name) => {
    if (name === 'settings:changed') retention.prune();
  });
  // A new or moved interview may end before the planned wake, or open its join window sooner.
  const unsubscribe = deps.onInterviewsChanged?.(() => {
    jobs.plan();
    void watch.tick();
  });

  // Connected (or reconnected) with the scope: read what is due, and look at open join windows now rather than at the next wake.
  account.onChange((status) => {
    if (status.state !== 'connected' || !account.hasScope(meetReadScope)) return;
    void jobs.resume();
    void watch.tick();
  });

  return {
    connection,
    view(id) {
      const interview = deps.interviews.find(id);
      const stored = repository.fetchState(id);
      const state = stored?.current ? stored : undefined;
      const report = interview ? analysed(interview, stored, identity(), deps.clock.now())?.report : undefined;
      return {
        connection: connection(),
        fetch: {
          state: state?.state ?? 'none',
          ...(state?.fetchedMs !== undefined ? { at: new Date(state.fetchedMs).toISOString() } : {}),
          ...(state?.reason && state.state !== 'fetched' ? { message: state.reason } : {}),
        },
        ...(report ? { report: roomReport(report) } : {}),
      };
    },
    async connect() {
      // Granted already: read what is due. Otherwise the account's change (connected with the scope) starts the job.
      if (connection() === 'connected') {
        void jobs.resume();
        return account.status();
      }
      return account.connect([meetReadScope]);
    },
    analytics: {
      attendanceOf,
      readBetween: (fromMs, toMs) => repository.readBetween(fromMs, toMs),
      csvHeader: attendanceCsvHeader,
    },
    waitingNow: () => [...waitingNow.values()],
    start() {
      retention.prune();
      void jobs.run();
      void watch.tick();
    },
    async refresh(id) {
      await jobs
        .fetchOne(id)
        .catch((error: unknown) => deps.log.warn(`attendance not read: ${(error as Error).message}`));
    },
    runJobs: () => jobs.run(),
    watchTick: () => watch.tick(),
    dispose() {
      unsubscribe?.();
      stopListening();
      retention.dispose();
      jobs.dispose();
      watch.dispose();
    },
  };
}
