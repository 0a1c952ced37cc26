import { timeStyleOf } from '../../preload/domain/time-format';
import type { AppConfig } from '../config/env-config';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../store/key-value-store';
import type { Database } from '../storage/database';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../platform/clock';
import type { AppInfo, Notice } from '../../preload/contract/ipc-contract';
import { isAllowedExternalUrl } from '../security/url-policy';
import { createEventHub, type EventHub } from '../shared/event-hub';
import { createNoticeBoard, type NoticeBoard } from './notices';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { DeskFailure } from '../shared/desk-failure';
import type { CallHandlers } from './dispatch-call';
import { createInterviewRepository } from '../storage/interview-repository';
import { unreadableNotice } from '../storage/unreadable-interviews';
import { createInterviewService, type InterviewService } from '../interviews/interview-service';
import { analyticsCsv, periodBounds, withAttendance } from '../analytics/analytics';
import { aggregateAnalytics } from '../analytics/analytics-sql';
import { joinPhase } from '../../preload/domain/interview-timing';
import { browserOnlyLauncher, type MeetLauncher } from '../meet/meet-launcher';
import { createJoinInterview } from '../meet/join-interview';
import { createAccountService, type AccountService } from '../google/account-service';
import { createCalendarSync, type CalendarSync } from '../google/calendar-sync';
import type { RetryOptions } from '../google/retry-policy';
import { createOutbox, type Outbox } from '../mail/outbox';
import { createEmailRenderer } from '../mail/render-email';
import { createMailSetup } from '../mail/mail-setup';
import { describeTransport, smtpOverrideFromUrl } from '../mail/transport-description';
import { gmailSendScope } from '../google/oauth-client';
import { checkNetwork, defaultNetcheckUrl, defaultStunServer } from '../device-check/network-check';
import type { MediaAccess, NavigateTarget } from '../../preload/contract/ipc-contract';
import { createReminderScheduler, type ReminderScheduler, type TimerApi } from '../reminders/reminder-scheduler';
import type { PlannedReminder } from '../reminders/reminder-plan';
import { createDeepLinkRouter } from '../deep-links/deep-link-router';
import { startInstant } from '../interviews/interview-rules';
import type { Interview } from '../../preload/contract/interview-schema';
import { createAttendanceService, type AttendanceService, type AttendanceServiceDeps } from '../attendance/attendance-service';
import { createFindTime } from '../google/find-time';
import { createCalendarBusyCheck } from '../google/calendar-busy-check';
import { restoreHoldState } from '../storage/restore-hold';
import { createRestoreReview } from '../mail/restore-review';

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
  /** Tests shorten the attendance job's pacing and the waiting poll. */
  attendance?: Pick<AttendanceServiceDeps, 'pacing' | 'pollMs' | 'sleep'>;
  /** Simulated timers for tests of the reminder scheduler. */
  timers?: TimerApi;
  /** The recruiter's locale: emails and notices write times in it. Node's own locale when absent. */
  locale?: string;
  /** Where the email templates live (templates/ at the app root). */
  templatesDir: string;
  /** Tests shorten the outbox's retry pauses. */
  mail?: { backoffMs?: number[]; maxAttempts?: number };
  /** Tests shorten the sign-in timeout and the Google retry pauses. */
  google?: { flowTimeoutMs?: number; retry?: Partial<RetryOptions>; conferencePollMs?: number[]; requestTimeoutMs?: number; syncIntervalMs?: number; syncPageSize?: number };
}

/** Everything a shell (Electron or web) needs to serve the contract. */
export interface DeskServices {
  handlers: CallHandlers;
  events: EventHub;
  notices: NoticeBoard;
  settings: SettingsService;
  interviews: InterviewService;
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
  const events = createEventHub();
  const notices = createNoticeBoard(events, deps.startupNotices);
  const settings = createSettingsService(deps.store, events, deps.log.scope('settings'));
  if (settings.problems().length) {
    notices.post({ id: 'settings-invalid', level: 'warning', message: 'Some saved settings are not valid and are not used until you fix them. Open Settings to see which.' });
  }

  const account = createAccountService({
    google: deps.config.google,
    store: deps.store,
    secrets: deps.secrets,
    events,
    log: deps.log.scope('google'),
    openBrowser: deps.openExternal,
    notify: (message) => notices.post({ id: `account-revoke-${deps.clock.now()}`, level: 'warning', message }),
    ...(deps.google?.flowTimeoutMs ? { flowTimeoutMs: deps.google.flowTimeoutMs } : {}),
  });
  const recruiter = () => {
    const status = account.status();
    if (status.state !== 'disconnected') return { name: status.name || status.email, email: status.email };
    const { recruiterName, recruiterEmail } = settings.get();
    return recruiterName && recruiterEmail ? { name: recruiterName, email: recruiterEmail } : null;
  };
  // A record found unreadable while running updates the one notice the open posted (same id).
  const repository = createInterviewRepository(deps.database, {
    onUnreadable: (count) => {
      const notice = unreadableNotice(count);
      if (notice) notices.post(notice);
    },
  });
  const recruiterLocale = deps.locale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  const timeStyle = timeStyleOf(recruiterLocale);
  const interviews = createInterviewService({
    timeStyle,
    repository,
    clock: deps.clock,
    events,
    log: deps.log.scope('interviews'),
    recruiter,
  });
  // After restoring a copy of the database its queues are held: Calendar changes until Google Calendar
  // is read in full, its mail until the person sends or drops it.
  const restoreHold = restoreHoldState(deps.database);
  const calendar = createCalendarSync({
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
    events,
    clock: deps.clock,
    log: deps.log.scope('calendar'),
    googleSendsInvites: () => settings.get().googleSendsInvites,
    // The outbox is made below; a sync only runs once both exist.
    withdrawUnsent: (id) => outbox.withdraw(id),
    ...(deps.google?.retry ? { retry: deps.google.retry } : {}),
    ...(deps.google?.conferencePollMs ? { conferencePollMs: deps.google.conferencePollMs } : {}),
    ...(deps.google?.requestTimeoutMs ? { requestTimeoutMs: deps.google.requestTimeoutMs } : {}),
    ...(deps.google?.syncPageSize ? { syncPageSize: deps.google.syncPageSize } : {}),
  });
  const mail = createMailSetup({
    settings,
    account,
    secrets: deps.secrets,
    config: { smtpUrl: deps.config.smtpUrl, googleApiUrl: deps.config.google.apiUrl },
    recruiter,
  });
  const outbox = createOutbox({
    db: deps.database,
    clock: deps.clock,
    log: deps.log.scope('mail'),
    interviews,
    settings: () => settings.get(),
    render: createEmailRenderer(deps.templatesDir),
    transport: () => mail.transport(),
    from: () => mail.from(),
    locale: recruiterLocale,
    ...(deps.mail?.backoffMs ? { backoffMs: deps.mail.backoffMs } : {}),
    ...(deps.mail?.maxAttempts ? { maxAttempts: deps.mail.maxAttempts } : {}),
    restoreHeldUpTo: () => restoreHold.current()?.upToSeq ?? 0,
  });
  const restoreReview = createRestoreReview({ db: deps.database, clock: deps.clock, log: deps.log.scope('mail'), interviews, hold: restoreHold, drain: () => void outbox.drain() });
  // After reconnecting (Gmail transport) or a change of mail settings, queued mail resumes.
  account.onChange((s) => {
    if (s.state === 'connected') void outbox.drain();
  });
  events.listen((name) => name === 'settings:changed' && void outbox.drain());
  const reminders = createReminderScheduler({
    interviews,
    clock: deps.clock,
    log: deps.log.scope('reminders'),
    settings: () => settings.get(),
    notify: (reminder, interview, now) => {
      const joinOpen = joinPhase(interview, settings.get(), now) === 'open';
      if (deps.notifier) deps.notifier(reminder, interview, joinOpen, now);
      events.emit('reminder:fired', { interviewId: interview.id, candidateName: interview.candidate.name, jobTitle: interview.jobTitle, startUtc: interview.startUtc, offsetMinutes: reminder.offsetMinutes, joinOpen });
    },
    email: (interview) => {
      outbox.enqueue(interview.id, 'reminder', ['candidate']);
      deps.database.afterCommit(() => void outbox.drain());
    },
    timingsBetween: (fromMs, toMs) => repository.timingsBetween(fromMs, toMs),
    nextReminderAt: (offsets, candidateEmail, now) => repository.nextReminderAt(offsets, candidateEmail, now),
    afterCommit: (effect) => deps.database.afterCommit(effect),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  const attendance = createAttendanceService({
    database: deps.database,
    account,
    interview: (id) => repository.get(id),
    startingBetween: (fromMs, toMs) => repository.startingBetween(fromMs, toMs),
    onInterviewsChanged: (listener) => interviews.onChange(listener),
    settings: () => settings.get(),
    meetApiUrl: deps.config.google.meetApiUrl,
    clock: deps.clock,
    log: deps.log.scope('attendance'),
    events,
    ...(deps.waitingNotifier ? { notifyWaiting: deps.waitingNotifier } : {}),
    ...(deps.timers ? { timers: deps.timers } : {}),
    ...(deps.google?.retry ? { retry: deps.google.retry } : {}),
    ...(deps.google?.requestTimeoutMs ? { requestTimeoutMs: deps.google.requestTimeoutMs } : {}),
    ...deps.attendance,
  });
  attendance.start();
  const deepLinks = createDeepLinkRouter({ clock: deps.clock, interviews, events });
  const syncTimer = setInterval(() => void calendar.runQuietly('interval'), deps.google?.syncIntervalMs ?? 5 * 60_000);
  syncTimer.unref();
  void calendar.runQuietly('start');
  const meet = deps.meetLauncher ?? browserOnlyLauncher(deps.openExternal);
  const findTime = createFindTime({
    account,
    apiUrl: deps.config.google.apiUrl,
    appInterviews: (fromMs, toMs, excludeId) => repository.overlapping(fromMs, toMs, excludeId),
    now: () => deps.clock.now(),
    log: deps.log.scope('find-time'),
    ...(deps.google?.retry ? { retry: deps.google.retry } : {}),
    ...(deps.google?.requestTimeoutMs ? { requestTimeoutMs: deps.google.requestTimeoutMs } : {}),
  });
  // An interview's Calendar event appeared, moved or went: an answer kept from before would misplace it.
  interviews.onChange((c) => {
    if (c.kind !== 'updated' && c.kind !== 'relinked') return findTime.forget();
    if (c.interview.startUtc !== c.previous.startUtc || c.interview.durationMinutes !== c.previous.durationMinutes || c.interview.status !== c.previous.status) findTime.forget();
  });
  const busyCheck = createCalendarBusyCheck({ busy: (query, timeoutMs) => findTime.checkBusy(query, timeoutMs), interview: (id) => repository.get(id), now: () => deps.clock.now() });
  const joinInterview = createJoinInterview({ interviews, settings: () => settings.get(), clock: deps.clock, launcher: meet, timeStyle });

  const handlers: CallHandlers = {
    'app:info': () => (deps.config.smtpUrl ? { ...deps.info, smtpOverride: smtpOverrideFromUrl(deps.config.smtpUrl) } : deps.info),
    'app:notices': () => notices.list(),
    'app:dismissNotice': (id) => {
      notices.dismiss(id);
      return null;
    },
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'settings:problems': () => settings.problems(),
    'account:status': () => account.status(),
    'account:connect': () => account.connect(),
    'account:reopenSignIn': async () => ({ reopened: await account.reopenSignIn() }),
    'account:cancelSignIn': () => account.cancelSignIn(),
    'account:disconnect': async () => {
      const result = await account.disconnect();
      if (!result.revoked) {
        notices.post({
          id: `revoke-failed-${deps.clock.now()}`,
          level: 'warning',
          message: 'Disconnected here, but Google could not be reached to revoke access. Remove Interview Desk at myaccount.google.com/permissions.',
        });
      }
      return result;
    },
    'google:syncNow': async () => {
      await calendar.drain();
      return { changed: (await calendar.sync()).changed };
    },
    'google:retry': (id) => calendar.retry(id),
    'shell:openExternal': async (url) => {
      if (!isAllowedExternalUrl(url)) {
        throw new DeskFailure(
          'forbidden',
          'That link was not opened: only secure Google Meet, Calendar and account pages, or an email address, can be opened from here.',
          'url',
        );
      }
      await deps.openExternal(url);
      return null;
    },
    'interviews:list': () => interviews.list(),
    'interviews:get': (id) => interviews.get(id),
    'interviews:page': ({ offset, limit, ...window }) => ({ items: interviews.page(window, offset, limit), ...(offset === 0 ? { total: interviews.count(window) } : {}) }),
    'interviews:count': (window) => interviews.count(window),
    'interviews:byIds': ({ ids, query }) => interviews.byIds(ids, query),
    'interviews:next': () => interviews.next(),
    'interviews:preview': (input) => interviews.preview(input),
    'interviews:schedule': async (input) => interviews.schedule(input, 'recruiter', await busyCheck.forSchedule(input)),
    'interviews:reschedule': async (input) => interviews.reschedule(input, await busyCheck.forReschedule(input)),
    'interviews:cancel': (id) => interviews.cancel(id),
    'interviews:setMeetLink': ({ id, meetLink }) => interviews.setMeetLink(id, meetLink),
    'interviews:join': ({ id, via }) => joinInterview(id, via),
    'mail:resend': ({ id, recipient }) => {
      outbox.resend(id, recipient);
      return interviews.get(id);
    },
    'mail:sendTest': async () => {
      const who = recruiter();
      if (!who) throw new DeskFailure('invalid_input', 'Add your name and email in Settings first: the test goes to you.', 'recruiterEmail');
      const response = await outbox.sendTest({ name: who.name, address: who.email });
      const current = settings.get();
      const status = account.status();
      const transport = describeTransport({
        transport: current.mailTransport,
        ...(status.state !== 'disconnected' ? { gmailAddress: status.email } : {}),
        ...(deps.config.smtpUrl ? { smtpUrl: deps.config.smtpUrl } : {}),
        smtpHost: current.smtp.host,
        smtpPort: current.smtp.port,
      });
      return { response, to: `${who.name} <${who.email}>`, transport };
    },
    'mail:setSmtpPassword': async (password) => {
      await mail.setSmtpPassword(password);
      void outbox.drain();
      return null;
    },
    'mail:useGmail': async () => {
      const status = account.hasScope(gmailSendScope) ? account.status() : await account.connect([gmailSendScope]);
      settings.update({ mailTransport: 'gmail' });
      void outbox.drain();
      return status;
    },
    'meet:setAlwaysOnTop': (flag) => {
      meet.setAlwaysOnTop(flag);
      deps.store.set('meetWindowOnTop', flag);
      return null;
    },
    'deeplink:open': (raw) => deepLinks.open(raw),
    'deeplink:preview': (raw) => deepLinks.preview(raw),
    'deeplink:confirmJoin': (raw) => deepLinks.confirmJoin(raw),
    'candidate:save': (input) => {
      const start = startInstant(input, deps.clock.now());
      return interviews.saveCandidateInterview({ meetLink: input.meetLink, startUtc: start.toISO()!, title: input.title || 'Interview', timeZone: input.timeZone });
    },
    'candidate:home': () => interviews.savedCopies(),
    'candidate:setNotes': ({ id, notes }) => interviews.setCandidateNotes(id, notes),
    'candidate:remove': (id) => {
      interviews.removeCandidateInterview(id);
      return null;
    },
    'devicecheck:network': () => {
      const current = settings.get();
      return checkNetwork({ url: current.netcheckUrl || deps.config.netcheckUrl || defaultNetcheckUrl, stunServer: current.stunServer || deps.config.stunServer || defaultStunServer });
    },
    'devicecheck:mediaAccess': () => deps.mediaAccess?.() ?? { camera: 'unknown', microphone: 'unknown' },
    // Counts come from SQL; the attendance figures load only the period's interviews Meet was read for.
    'analytics:report': (query) => {
      const { start, end } = periodBounds(query);
      const now = deps.clock.now();
      const read = repository.matching(attendance.analytics.readBetween(start, end + 1), '');
      return withAttendance(aggregateAnalytics(deps.database, query, now), read, now, attendance.analytics);
    },
    'analytics:exportCsv': (query) => {
      const { start, end } = periodBounds(query);
      return analyticsCsv(repository.startingBetween(start, end + 1), query, deps.clock.now(), attendance.analytics);
    },
    'attendance:get': (id) => attendance.view(interviews.get(id).id),
    'attendance:connect': () => attendance.connect(),
    'attendance:waitingNow': () => attendance.waitingNow(),
    'findTime:busy': (query) => findTime.busy(query),
    'findTime:connect': () => findTime.connect(),
    'interviews:sendCalendarChange': (id) => interviews.sendCalendarChange(id),
    'restore:pending': () => restoreReview.pending(),
    'restore:send': ({ keys }) => restoreReview.send(keys),
    'restore:drop': ({ keys }) => restoreReview.drop(keys),
    'interviews:setPanel': async ({ id, coInterviewers, acceptConflicts }) =>
      interviews.setPanel(id, coInterviewers, { acceptConflicts, calendars: acceptConflicts ? undefined : await busyCheck.forPanel(id, coInterviewers) }),
  };

  return {
    handlers,
    events,
    notices,
    settings,
    interviews,
    account,
    calendar,
    outbox,
    reminders,
    attendance,
    openDeepLink: (raw) => deepLinks.open(raw),
    async dispose() {
      reminders.dispose();
      attendance.dispose();
      clearInterval(syncTimer);
      calendar.dispose();
      await outbox.dispose();
    },
  };
}
