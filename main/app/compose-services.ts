import type { AppConfig } from '../config/env-config';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../store/key-value-store';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../platform/clock';
import type { AccountStatus, AppInfo, Notice } from '../../preload/contract/ipc-contract';
import { isAllowedExternalUrl } from '../security/url-policy';
import { createEventHub, type EventHub } from './event-hub';
import { createNoticeBoard, type NoticeBoard } from './notices';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { DeskFailure } from './desk-failure';
import type { CallHandlers } from './dispatch-call';
import { createInterviewRepository } from '../interviews/interview-repository';
import { createInterviewService, type InterviewService } from '../interviews/interview-service';
import { analyticsCsv, computeAnalytics } from '../analytics/analytics';
import { joinPhase, joinWindow } from '../../preload/domain/interview-timing';
import { browserOnlyLauncher, type MeetLauncher } from '../meet/meet-launcher';
import { createAccountService, type AccountService } from '../google/account-service';
import { createCalendarSync, type CalendarSync } from '../google/calendar-sync';
import type { RetryOptions } from '../google/retry-policy';

/** What the composition root needs from the outside world; tests hand in real-but-local ones. */
export interface ServiceDeps {
  config: AppConfig;
  log: Logger;
  store: KeyValueStore;
  secrets: SecretStore;
  clock: Clock;
  /** Opens a URL in the system browser (Electron's shell, or `$BROWSER` in web mode). */
  openExternal: (url: string) => Promise<void>;
  info: AppInfo;
  startupNotices?: Notice[];
  /** The Electron shell passes its Meet window; web mode and tests open the browser. */
  meetLauncher?: MeetLauncher;
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
  dispose(): Promise<void>;
}

/** The one composition root: builds every service from its dependencies and wires the contract's handlers. */
export function composeServices(deps: ServiceDeps): DeskServices {
  const events = createEventHub();
  const notices = createNoticeBoard(events, deps.startupNotices);
  const settings = createSettingsService(deps.store, events, deps.log.scope('settings'));

  const account = createAccountService({
    google: deps.config.google,
    store: deps.store,
    secrets: deps.secrets,
    events,
    log: deps.log.scope('google'),
    openBrowser: deps.openExternal,
    ...(deps.google?.flowTimeoutMs ? { flowTimeoutMs: deps.google.flowTimeoutMs } : {}),
  });
  const accountStatus = (): AccountStatus => account.status();
  const recruiter = () => {
    const account = accountStatus();
    if (account.state !== 'disconnected') return { name: account.name || account.email, email: account.email };
    const { recruiterName, recruiterEmail } = settings.get();
    return recruiterName && recruiterEmail ? { name: recruiterName, email: recruiterEmail } : null;
  };
  const interviews = createInterviewService({
    repository: createInterviewRepository(deps.store),
    clock: deps.clock,
    events,
    log: deps.log.scope('interviews'),
    recruiter,
  });
  const calendar = createCalendarSync({
    apiUrl: deps.config.google.apiUrl,
    store: deps.store,
    account,
    interviews,
    events,
    clock: deps.clock,
    log: deps.log.scope('calendar'),
    googleSendsInvites: () => settings.get().googleSendsInvites,
    ...(deps.google?.retry ? { retry: deps.google.retry } : {}),
    ...(deps.google?.conferencePollMs ? { conferencePollMs: deps.google.conferencePollMs } : {}),
    ...(deps.google?.requestTimeoutMs ? { requestTimeoutMs: deps.google.requestTimeoutMs } : {}),
    ...(deps.google?.syncPageSize ? { syncPageSize: deps.google.syncPageSize } : {}),
  });
  const syncTimer = setInterval(() => void calendar.runQuietly('interval'), deps.google?.syncIntervalMs ?? 5 * 60_000);
  syncTimer.unref();
  void calendar.runQuietly('start');
  const meet = deps.meetLauncher ?? browserOnlyLauncher(deps.openExternal);
  const formatTime = (ms: number, zone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(ms);

  const handlers: CallHandlers = {
    'app:info': () => deps.info,
    'app:notices': () => notices.list(),
    'app:dismissNotice': (id) => {
      notices.dismiss(id);
      return null;
    },
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'account:status': () => accountStatus(),
    'account:connect': () => account.connect(),
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
    'interviews:preview': (input) => interviews.preview(input),
    'interviews:schedule': (input) => interviews.schedule(input),
    'interviews:reschedule': (input) => interviews.reschedule(input),
    'interviews:cancel': (id) => interviews.cancel(id),
    'interviews:setMeetLink': ({ id, meetLink }) => interviews.setMeetLink(id, meetLink),
    'interviews:join': async ({ id, via }) => {
      const interview = interviews.get(id);
      const current = settings.get();
      const phase = joinPhase(interview, current, deps.clock.now());
      if (interview.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      if (phase === 'before') {
        throw new DeskFailure('invalid_input', `Joining opens ${current.joinOpensMinutesBefore} minutes before the start, at ${formatTime(joinWindow(interview, current).opensAt, interview.timeZone)}.`, 'join');
      }
      if (phase === 'after') throw new DeskFailure('invalid_input', 'This interview has ended. Reschedule it to meet again.', 'join');
      if (!interview.meetLink) throw new DeskFailure('invalid_input', 'There is no Meet link yet. Paste one or wait for Google.', 'meetLink');
      if (via === 'app' && (await meet.openInApp(interview, () => interviews.recordLeave(id)))) {
        interviews.recordJoin(id, 'app');
        return { via: 'app' as const };
      }
      await meet.openInBrowser(interview.meetLink);
      interviews.recordJoin(id, 'browser');
      return { via: 'browser' as const };
    },
    'meet:setAlwaysOnTop': (flag) => {
      meet.setAlwaysOnTop(flag);
      deps.store.set('meetWindowOnTop', flag);
      return null;
    },
    'analytics:report': (query) => computeAnalytics(interviews.listFull(), query, settings.get(), deps.clock.now()),
    'analytics:exportCsv': (query) => analyticsCsv(interviews.listFull(), query, settings.get(), deps.clock.now()),
  };

  return {
    handlers,
    events,
    notices,
    settings,
    interviews,
    account,
    calendar,
    async dispose() {
      clearInterval(syncTimer);
      calendar.dispose();
    },
  };
}
