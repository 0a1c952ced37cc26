import { timeStyleOf } from '../../preload/shared/rules/time-format';
import type { AppConfig } from '../config/env-config';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../settings-file/key-value-store';
import type { Database } from '../database/database';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../platform/clock';
import type { AppInfo, Notice } from '../../preload/shared/contract/ipc-contract';
import { createEventHub, type EventHub } from '../shared/event-hub';
import { createNoticeBoard, type NoticeBoard } from './notices';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import type { CallHandlers } from './dispatch-call';
import { createInterviewRepository } from '../database/interview-repository';
import { unreadableNotice } from '../database/unreadable-interviews';
import { createInterviewCommands, type InterviewCommands } from '../interviews/interview-commands';
import { createInterviewQueries, type InterviewQueries } from '../interviews/interview-queries';
import { createTranscriptSearch } from '../meet-artifacts/transcript-search';
import { createCandidateCopies, type CandidateCopies } from '../interviews/candidate-copies';
import { joinPhase } from '../../preload/shared/rules/interview-timing';
import { browserOnlyLauncher, type MeetLauncher } from '../meet/meet-launcher';
import { createJoinInterview } from '../meet/join-interview';
import { createAccountService, type AccountService } from '../google/account/account-service';
import { createCalendarSync, type CalendarSync } from '../google/calendar/calendar-sync';
import { createOutbox, type Outbox } from '../mail/outbox/outbox';
import { createEmailRenderer } from '../mail/render-email';
import { createMailSetup } from '../mail/mail-setup';
import { currentRecruiter } from '../mail/current-recruiter';
import type { MediaAccess, NavigateTarget } from '../../preload/shared/contract/ipc-contract';
import { createReminderScheduler, type ReminderScheduler } from '../reminders/reminder-scheduler';
import type { PlannedReminder } from '../reminders/reminder-plan';
import { createDeepLinkRouter } from '../deep-links/deep-link-router';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import {
  createAttendanceService,
  type AttendanceService,
  type AttendanceServiceDeps,
} from '../attendance/attendance-service';
import { createFindTime } from '../google/find-time/find-time';
import { busyAnswerStaleAfter } from '../google/find-time/stale-after-change';
import { createCalendarBusyCheck } from '../google/find-time/calendar-busy-check';
import { restoreHoldState } from '../database/restore-hold';
import { createRestoreReview } from '../mail/restore-review';
import { createAnalyticsReports } from '../analytics/analytics-report';
import { createDisposableStore, disposableInterval } from '../shared/disposable-store';
import { tuned, type ServiceTuning } from './service-tuning';
import { composeAfterInterview } from './compose-after-interview';
import { appHandlers } from './handlers/app-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { accountHandlers } from './handlers/account-handlers';
import { googleHandlers } from './handlers/google-handlers';
import { shellHandlers } from './handlers/shell-handlers';
import { interviewsHandlers } from './handlers/interviews-handlers';
import { meetHandlers } from './handlers/meet-handlers';
import { mailHandlers } from './handlers/mail-handlers';
import { deeplinkHandlers } from './handlers/deeplink-handlers';
import { candidateHandlers } from './handlers/candidate-handlers';
import { devicecheckHandlers } from './handlers/devicecheck-handlers';
import { analyticsHandlers } from './handlers/analytics-handlers';
import { attendanceHandlers } from './handlers/attendance-handlers';
import { findTimeHandlers } from './handlers/find-time-handlers';
import { restoreHandlers } from './handlers/restore-handlers';
import type { SavedPdf } from '../../preload/shared/contract/debrief-schema';

/** What the composition root needs from the outside world; tests hand in real-but-local ones. */
export interface ServiceDeps {
  config: AppConfig;
  log: Logger;
  /** Settings, account status (no secret), window bounds, small flags. */
  store: KeyValueStore;
  /** Interviews, joins, deliveries, reminder marks, the Google and mail queues, sync state. */
  database: Database;
  secrets: SecretStore;
  clock: Clock;
  /** Opens a URL in the system browser (Electron's shell, or `$BROWSER` in web mode). */
  openExternal: (url: string) => Promise<void>;
  info: AppInfo;
  startupNotices?: Notice[];
  /** The Electron shell passes its Meet window; web mode and tests open the browser. */
  meetLauncher?: MeetLauncher;
  /** The OS media permission (Electron: systemPreferences on macOS/Windows); absent means unknown. */
  mediaAccess?: () => Promise<MediaAccess>;
  /** Shows a reminder natively (Electron), worded from `now`; without it, reminders are pushed to the renderer. */
  notifier?: (reminder: PlannedReminder, interview: Interview, joinOpen: boolean, now: number) => void;
  /** Shows "your candidate is waiting" natively (Electron); the room banner comes from the event either way. */
  waitingNotifier?: AttendanceServiceDeps['notifyWaiting'];
  /** Shows "Scorecard due" natively (Electron); web mode's browser notification comes from the event. */
  scorecardDueNotifier?: (interview: Interview, now: number) => void;
  /** Prints the main window to a PDF the person places (Electron); web mode prints from the browser. */
  savePdf?: (fileName: string) => Promise<SavedPdf>;
  /** The recruiter's locale: emails and notices write times in it. Node's own locale when absent. */
  locale?: string;
  /** Where the email templates live (templates/ at the app root). */
  templatesDir: string;
  /** What tests shorten or simulate (pauses, timeouts, timers). */
  tuning?: ServiceTuning;
}

/** Everything a shell (Electron or web) needs to serve the contract. */
export interface DeskServices {
  handlers: CallHandlers;
  events: EventHub;
  notices: NoticeBoard;
  settings: SettingsService;
  /** Every way to read interviews. */
  interviews: InterviewQueries;
  /** Every change to an interview. */
  commands: InterviewCommands;
  /** Candidate mode's copies saved from invitations. */
  copies: CandidateCopies;
  account: AccountService;
  calendar: CalendarSync;
  outbox: Outbox;
  reminders: ReminderScheduler;
  attendance: AttendanceService;
  /** Opens an interview-desk:// link (from the OS, a notification or a paste); answers where to go. */
  openDeepLink(raw: string): NavigateTarget;
  dispose(): Promise<void>;
}

/** The one composition root: builds every service from its dependencies and wires the contract's handlers. */
export function composeServices(deps: ServiceDeps): DeskServices {
  const tuning = deps.tuning ?? {};
  const disposables = createDisposableStore();
  const events = createEventHub();
  const notices = createNoticeBoard(events, deps.startupNotices);
  const settings = createSettingsService(deps.store, events, deps.log.scope('settings'));
  if (settings.problems().length) {
    notices.post({
      id: 'settings-invalid',
      level: 'warning',
      message: 'Some saved settings are not valid and are not used until you fix them. Open Settings to see which.',
    });
  }

  const account = createAccountService({
    google: deps.config.google,
    store: deps.store,
    secrets: deps.secrets,
    events,
    log: deps.log.scope('google'),
    openBrowser: deps.openExternal,
    notify: (message) => notices.post({ id: `account-revoke-${deps.clock.now()}`, level: 'warning', message }),
    ...tuned(tuning.google, ['flowTimeoutMs']),
  });
  const recruiter = () => currentRecruiter(account.status(), settings.get());
  // The schedule's search also looks through what was said (its index is built or repaired here, at start).
  const transcriptSearch = createTranscriptSearch(deps.database);
  // A record found unreadable while running updates the one notice the open posted (same id).
  const repository = createInterviewRepository(deps.database, {
    onUnreadable: (count) => {
      const notice = unreadableNotice(count);
      if (notice) notices.post(notice);
    },
    alsoSearch: transcriptSearch,
  });
  const recruiterLocale = deps.locale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  const timeStyle = timeStyleOf(recruiterLocale);
  const interviews = createInterviewQueries({ repository, clock: deps.clock, spokenLines: transcriptSearch.lines });
  const commands = createInterviewCommands({
    timeStyle,
    repository,
    clock: deps.clock,
    events,
    log: deps.log.scope('interviews'),
    recruiter,
  });
  const copies = createCandidateCopies({
    repository,
    queries: interviews,
    commands,
    clock: deps.clock,
    events,
    log: deps.log.scope('interviews'),
  });
  // After restoring a copy of the database its queues are held: Calendar changes until Google Calendar
  // is read in full, its mail until the person sends or drops it.
  const restoreHold = restoreHoldState(deps.database);
  const calendar = disposables.add(
    createCalendarSync({
      restoreHold: {
        calendarPending: () => restoreHold.current()?.calendarRead === false,
        calendarRead: (changed) => {
          restoreHold.calendarRead(changed);
          restoreReview.settle();
        },
      },
      apiUrl: deps.config.google.apiUrl,
      db: deps.database,
      account,
      interviews,
      commands,
      events,
      clock: deps.clock,
      log: deps.log.scope('calendar'),
      googleSendsInvites: () => settings.get().googleSendsInvites,
      // The outbox is made below; a sync only runs once both exist.
      withdrawUnsent: (id) => outbox.withdraw(id),
      ...tuned(tuning.google, ['retry', 'conferencePollMs', 'requestTimeoutMs', 'syncPageSize']),
    }),
  );
  const mail = createMailSetup({
    settings,
    account,
    secrets: deps.secrets,
    config: { smtpUrl: deps.config.smtpUrl, googleApiUrl: deps.config.google.apiUrl },
    recruiter,
  });
  const outbox = disposables.add(
    createOutbox({
      db: deps.database,
      clock: deps.clock,
      log: deps.log.scope('mail'),
      interviews,
      commands,
      settings: () => settings.get(),
      render: createEmailRenderer(deps.templatesDir),
      transport: () => mail.transport(),
      from: () => mail.from(),
      locale: recruiterLocale,
      ...tuned(tuning.mail, ['backoffMs', 'maxAttempts']),
      restoreHeldUpTo: () => restoreHold.current()?.upToSeq ?? 0,
    }),
  );
  const restoreReview = createRestoreReview({
    db: deps.database,
    clock: deps.clock,
    log: deps.log.scope('mail'),
    interviews,
    commands,
    hold: restoreHold,
    drain: () => void outbox.drain(),
    googleConnected: () => account.status().state === 'connected',
    // The panel's scorecard emails keep their own state: the review lists and decides them too.
    otherHeld: () => ({ ...after.panelForms.heldAfterRestore, wake: after.panelForms.wake }),
  });
  // After reconnecting (Gmail transport) or a change of mail settings, queued mail resumes.
  account.onChange((s) => {
    if (s.state === 'connected') void outbox.drain();
  });
  events.listen((name) => name === 'settings:changed' && void outbox.drain());
  const reminders = disposables.add(
    createReminderScheduler({
      interviews,
      commands,
      clock: deps.clock,
      log: deps.log.scope('reminders'),
      settings: () => settings.get(),
      notify: (reminder, interview, now) => {
        const joinOpen = joinPhase(interview, settings.get(), now) === 'open';
        if (deps.notifier) deps.notifier(reminder, interview, joinOpen, now);
        events.emit('reminder:fired', {
          interviewId: interview.id,
          candidateName: interview.candidate.name,
          jobTitle: interview.jobTitle,
          startUtc: interview.startUtc,
          offsetMinutes: reminder.offsetMinutes,
          joinOpen,
        });
      },
      email: (interview) => {
        outbox.enqueue(interview.id, 'reminder', ['candidate']);
        deps.database.afterCommit(() => void outbox.drain());
      },
      afterCommit: (effect) => deps.database.afterCommit(effect),
      ...tuned(tuning, ['timers']),
    }),
  );
  // One retention schedule (the attendance setting) deletes everything kept after an interview.
  const afterInterviewData: ((endedBeforeMs: number) => unknown)[] = [];
  const attendance = disposables.add(
    createAttendanceService({
      forgetAfterInterview: (endedBeforeMs) => afterInterviewData.forEach((forget) => forget(endedBeforeMs)),
      database: deps.database,
      account,
      interviews,
      onInterviewsChanged: commands.onChange,
      settings: () => settings.get(),
      meetApiUrl: deps.config.google.meetApiUrl,
      clock: deps.clock,
      log: deps.log.scope('attendance'),
      events,
      ...(deps.waitingNotifier ? { notifyWaiting: deps.waitingNotifier } : {}),
      ...tuned(tuning, ['timers']),
      ...tuned(tuning.google, ['retry', 'requestTimeoutMs']),
      ...tuning.attendance,
    }),
  );
  const deepLinks = createDeepLinkRouter({ clock: deps.clock, interviews, copies, events });
  const syncTimer = setInterval(
    () => void calendar.runQuietly('interval'),
    tuning.google?.syncIntervalMs ?? 5 * 60_000,
  );
  syncTimer.unref();
  disposables.add(disposableInterval(syncTimer));
  void calendar.runQuietly('start');
  const meet = deps.meetLauncher ?? browserOnlyLauncher(deps.openExternal);
  const findTime = createFindTime({
    account,
    apiUrl: deps.config.google.apiUrl,
    interviews,
    now: () => deps.clock.now(),
    log: deps.log.scope('find-time'),
    ...tuned(tuning.google, ['retry', 'requestTimeoutMs']),
  });
  commands.onChange((change) => busyAnswerStaleAfter(change) && findTime.forget());
  const busyCheck = createCalendarBusyCheck({
    busy: (query, timeoutMs) => findTime.checkBusy(query, timeoutMs),
    interviews,
    now: () => deps.clock.now(),
  });
  const joinInterview = createJoinInterview({
    interviews,
    commands,
    settings: () => settings.get(),
    clock: deps.clock,
    launcher: meet,
    timeStyle,
  });

  // After the interview: Meet's transcript and links, scorecards, the panel's forms, the debrief.
  const after = composeAfterInterview({
    database: deps.database,
    transcriptWordsIndexed: transcriptSearch.available,
    config: deps.config,
    clock: deps.clock,
    log: deps.log,
    templatesDir: deps.templatesDir,
    tuning,
    disposables,
    events,
    settings,
    account,
    interviews,
    commands,
    attendance,
    mail,
    recruiter,
    timeStyle,
    recruiterLocale,
    restoredAt: () => restoreHold.current()?.restoredAt,
    ...(deps.scorecardDueNotifier ? { scorecardDueNotifier: deps.scorecardDueNotifier } : {}),
    ...(deps.savePdf ? { savePdf: deps.savePdf } : {}),
  });
  afterInterviewData.push((before) => after.forget(before));
  // Started once everything it prunes exists: the first pruning runs now, at start.
  attendance.start();

  const handlers = {
    ...appHandlers({ info: deps.info, smtpUrl: deps.config.smtpUrl, notices }),
    ...settingsHandlers(settings),
    ...accountHandlers({ account, notices, clock: deps.clock }),
    ...googleHandlers(calendar),
    ...shellHandlers(deps.openExternal),
    ...interviewsHandlers({ interviews, commands, busyCheck, join: joinInterview }),
    ...meetHandlers({ meet, store: deps.store }),
    ...mailHandlers({ outbox, mail, account, settings, interviews, recruiter, smtpUrl: deps.config.smtpUrl }),
    ...deeplinkHandlers(deepLinks),
    ...candidateHandlers({ copies, clock: deps.clock }),
    ...devicecheckHandlers({ settings, config: deps.config, mediaAccess: deps.mediaAccess }),
    ...analyticsHandlers(
      createAnalyticsReports({
        database: deps.database,
        interviews,
        attendance: attendance.analytics,
        clock: deps.clock,
      }),
    ),
    ...attendanceHandlers({ attendance, interviews }),
    ...findTimeHandlers(findTime),
    ...restoreHandlers(restoreReview),
    ...after.handlers,
  } satisfies CallHandlers;

  return {
    handlers,
    events,
    notices,
    settings,
    interviews,
    commands,
    copies,
    account,
    calendar,
    outbox,
    reminders,
    attendance,
    openDeepLink: (raw) => deepLinks.open(raw),
    dispose: () => disposables.dispose(),
  };
}
