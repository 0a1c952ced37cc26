import { useEffect, useRef, useState } from 'react';
import type { EventPayload, Notice } from '../../preload/shared/contract/ipc-contract';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { liveAccount, liveSettings, useAccount, useSettings } from '../bridge/live-copies';
import { ErrorMessage } from '../common/ErrorMessage';
import { routeHref, useHashRoute, type Route } from './use-hash-route';
import { WelcomeScreen } from '../welcome/WelcomeScreen';
import { JoinPreviewScreen } from '../welcome/JoinPreviewScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { DeviceCheckScreen } from '../device-check/DeviceCheckScreen';
import { ScheduleScreen } from '../schedule/ScheduleScreen';
import { ScheduleForm } from '../schedule/ScheduleForm';
import { InterviewRoom } from '../interview-room/InterviewRoom';
import { AnalyticsScreen } from '../analytics/AnalyticsScreen';
import { DebriefScreen } from '../debrief/DebriefScreen';
import { ReminderBanner } from './ReminderBanner';
import { WaitingBanner } from './WaitingBanner';
import { RestoreReview } from './RestoreReview';
import { AccountMenu } from './AccountMenu';
import { useDocumentTheme } from './use-document-theme';
import { useScreenFocus } from './use-screen-focus';
import { LeaveConfirm } from '../common/LeaveConfirm';
import { SignInWaiting } from '../account/SignInWaiting';
import { CandidateHome } from '../welcome/CandidateHome';
import { appModeOf, backFromDeviceCheck } from './candidate-mode';
import { useAttention, type AttentionItem } from './use-attention';
import { waitingLine } from '../../preload/shared/rules/waiting-line';
import { formatDateTime, systemTimeZone } from '../common/format';
import { useScorecardsDue } from '../scorecards/use-scorecards-due';
import { ScorecardDueBanner } from './ScorecardDueBanner';
import { scorecardDueBody, scorecardDueTitle } from '../../preload/shared/rules/scorecard-due-line';

const navItems: Array<{ route: Route; label: string }> = [
  { route: { screen: 'schedule' }, label: 'Schedule' },
  { route: { screen: 'device-check' }, label: 'Device check' },
  { route: { screen: 'analytics' }, label: 'Analytics' },
  { route: { screen: 'settings' }, label: 'Settings' },
];
// Someone who only saved invitations: their interviews and the device check, nothing of the recruiter's app.
const candidateNavItems: Array<{ route: Route; label: string }> = [
  { route: { screen: 'welcome' }, label: 'Your interviews' },
  { route: { screen: 'device-check' }, label: 'Device check' },
];
const recruiterScreens = new Set<Route['screen']>([
  'welcome',
  'schedule',
  'new-interview',
  'analytics',
  'settings',
  'debrief',
]);

/** The app shell: navigation, notices, and the current screen. */
export function App() {
  const [route, navigate] = useHashRoute();
  const account = useAccount();
  const notices = useCall(() => desk.app.notices());
  const settings = useSettings();
  useDocumentTheme(settings.value?.theme);
  const [liveNotices, setLiveNotices] = useState<Notice[]>([]);

  useEffect(
    () =>
      desk.on('app:notice', (notice) => setLiveNotices((list) => [...list.filter((n) => n.id !== notice.id), notice])),
    [],
  );

  // Pull Google changes when the person comes back to the window (throttled to once a minute).
  useEffect(() => {
    let last = 0;
    const onFocus = () => {
      if (Date.now() - last < 60_000) return;
      last = Date.now();
      void desk.google.syncNow();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  // Main asks to show a place (a deep link, a notification click, the tray).
  useEffect(() => desk.on('app:navigate', (target) => navigate(target)), [navigate]);
  const scorecardsDue = useScorecardsDue();
  const [reminder, setReminder] = useState<EventPayload<'reminder:fired'> | undefined>();
  useEffect(() => desk.on('reminder:fired', (payload) => setReminder(payload)), []);
  // "Your candidate is waiting": shown until the interviewer joins, the window closes, or it is dismissed.
  const [waiting, setWaiting] = useState<EventPayload<'attendance:waiting'> | undefined>();
  // Interviews whose wait has ended since this window opened: an older answer must not bring them back.
  const settledWaits = useRef(new Set<string>());
  useEffect(
    () =>
      desk.on('attendance:waiting', (payload) => {
        if (payload.waiting) settledWaits.current.delete(payload.interviewId);
        else settledWaits.current.add(payload.interviewId);
        setWaiting((shown) =>
          payload.waiting ? payload : shown?.interviewId === payload.interviewId ? undefined : shown,
        );
      }),
    [],
  );
  // A window opened (or reloaded) while a candidate already waits shows them too; news that came meanwhile wins.
  useEffect(() => {
    void desk.attendance.waitingNow().then((result) => {
      const first = result.ok ? result.value.find((w) => !settledWaits.current.has(w.interviewId)) : undefined;
      if (first) setWaiting((shown) => shown ?? first);
    });
  }, []);

  // Noticed without looking at the page: the title's count, and in web mode the browser's notification.
  const attention: AttentionItem[] = [];
  if (waiting)
    attention.push({
      key: `waiting-${waiting.interviewId}-${waiting.since ?? ''}`,
      title: (now) =>
        waitingLine(
          {
            displayName: waiting.displayName ?? '',
            since: waiting.since ?? new Date(now).toISOString(),
            identified: waiting.identified ?? false,
          },
          now,
        ),
      body: `${waiting.candidateName} · ${waiting.jobTitle}`,
      onOpen: () => navigate({ screen: 'interview', id: waiting.interviewId }),
    });
  if (reminder)
    attention.push({
      key: `reminder-${reminder.interviewId}-${reminder.offsetMinutes}-${reminder.startUtc}`,
      title: () => `Interview with ${reminder.candidateName} (${reminder.jobTitle})`,
      body: `${reminder.joinOpen ? 'You can join now. ' : ''}Starts ${formatDateTime(reminder.startUtc, systemTimeZone())}.`,
      onOpen: () => navigate({ screen: 'interview', id: reminder.interviewId }),
    });

  const connected = account.value?.state === 'connected' || account.value?.state === 'needs_reconnect';
  const home = useCall(() => desk.candidate.home());
  const reloadHome = home.reload;
  useEffect(() => desk.on('interviews:changed', () => void reloadHome()), [reloadHome]);
  const mode = appModeOf(account, settings, home);
  const candidateMode = mode === 'candidate';
  // The screens that differ between the two wait until it is known which one this is.
  const recruiterApp = mode === 'recruiter';
  // After the interview: "Scorecard due" counts too (the recruiter's only: never in candidate mode).
  const scorecardsDueShown = recruiterApp ? scorecardsDue.due : [];
  for (const due of scorecardsDueShown)
    attention.push({
      key: due.key,
      title: () => scorecardDueTitle(due),
      body: scorecardDueBody(due, due.toldAt),
      onOpen: () => navigate({ screen: 'interview', id: due.interviewId }),
      quiet: due.quiet,
    });
  useAttention(attention);
  // The interview last opened: the device check leads back to it.
  const [lastInterview, setLastInterview] = useState<string | undefined>();
  if (route?.screen === 'interview' && route.id !== lastInterview) setLastInterview(route.id);
  const openFullApp = async () => {
    const result = await desk.settings.update({ fullApp: true });
    if (result.ok) liveSettings.set(result.value);
    navigate({ screen: 'welcome' });
  };
  // A connected recruiter who has not done the first-run step (company, name, email) starts there.
  const setupPending = settings.value ? !settings.value.firstRunDone : false;
  const current: Route = route ?? (connected && !setupPending ? { screen: 'schedule' } : { screen: 'welcome' });
  // A room and the new-interview form sit under Schedule; a debrief is a page of its own, reached from a room.
  const navScreen =
    current.screen === 'debrief'
      ? undefined
      : current.screen === 'new-interview' || current.screen === 'interview'
        ? candidateMode
          ? 'welcome'
          : 'schedule'
        : current.screen;
  // One place for every screen change (links, buttons, deep links, main's requests): focus and announce.
  // Entering or leaving the candidate's home changes the screen too, even where the hash stays.
  const announcement = useScreenFocus(`${routeHref(current)}|${candidateMode ? 'home' : 'app'}`, 'main');
  const allNotices = [
    ...(notices.value ?? []),
    ...liveNotices.filter((n) => !(notices.value ?? []).some((m) => m.id === n.id)),
  ];

  const dismiss = async (id: string) => {
    await desk.app.dismissNotice(id);
    setLiveNotices((list) => list.filter((n) => n.id !== id));
    void notices.reload();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={routeHref({ screen: connected && !candidateMode ? 'schedule' : 'welcome' })}>
          Interview Desk
        </a>
        <nav aria-label="Main">
          <ul className="nav-list">
            {(mode === 'unknown' ? [] : candidateMode ? candidateNavItems : navItems).map((item) => (
              <li key={item.route.screen}>
                <a href={routeHref(item.route)} aria-current={navScreen === item.route.screen ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {candidateMode ? (
          <button type="button" className="link quiet" onClick={() => void openFullApp()}>
            I schedule interviews
          </button>
        ) : (
          recruiterApp && <AccountMenu status={account.value} onSettings={() => navigate({ screen: 'settings' })} />
        )}
      </header>
      {allNotices.length > 0 && (
        <section className="notices" aria-label="Notices">
          {allNotices.map((notice) => (
            <div key={notice.id} className={`notice notice-${notice.level}`} role="status">
              <span>{notice.message}</span>
              <button
                type="button"
                onClick={() => void dismiss(notice.id)}
                aria-label={`Dismiss notice: ${notice.message}`}
              >
                Dismiss
              </button>
            </div>
          ))}
        </section>
      )}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="screen-announcer">
        {announcement}
      </div>
      <main id="main" tabIndex={-1}>
        <ErrorMessage error={account.error} />
        <SignInWaiting status={account.value} />
        {reminder && <ReminderBanner reminder={reminder} onClose={() => setReminder(undefined)} />}
        {recruiterApp && <RestoreReview />}
        {waiting && (
          <WaitingBanner
            waiting={waiting}
            joinVia={settings.value?.joinDefault ?? 'browser'}
            onClose={() => setWaiting(undefined)}
          />
        )}
        <ScorecardDueBanner
          dues={scorecardsDueShown}
          onOpen={(due) => {
            scorecardsDue.dismiss(due.interviewId);
            navigate({ screen: 'interview', id: due.interviewId });
          }}
          onClose={(dues) => dues.forEach((due) => scorecardsDue.dismiss(due.interviewId))}
        />
        {account.value?.state === 'needs_reconnect' && (
          <div className="banner warning" role="alert">
            <span>
              <strong>Reconnect your Google account.</strong> Google access for {account.value.email} has expired or was
              revoked. Your interviews and queued changes are kept and will be sent after you reconnect.
            </span>
            <button type="button" className="primary" onClick={() => void desk.account.connect()}>
              Reconnect
            </button>
          </div>
        )}
        {candidateMode && home.value && recruiterScreens.has(current.screen) && (
          <CandidateHome saved={home.value.saved} onFullApp={() => void openFullApp()} />
        )}
        {recruiterApp && current.screen === 'welcome' && (
          <WelcomeScreen
            onDeviceCheck={() => navigate({ screen: 'device-check' })}
            onConnect={async () => {
              const result = await desk.account.connect();
              if (!result.ok) return result.error;
              // Where the person is once connected: if they (or a deep link) went elsewhere meanwhile, they stay there.
              const here = window.location.hash;
              liveAccount.set(result.value);
              // The first-run step waits on the welcome screen, pre-filled from the account. Asked of
              // main now, not of what this screen had loaded: a connect that finishes before the
              // settings arrive must not skip the step.
              const fresh = await desk.settings.get();
              if (fresh.ok && fresh.value.firstRunDone && window.location.hash === here)
                navigate({ screen: 'schedule' });
              return undefined;
            }}
            account={account.value}
            settings={settings.value}
            onSetupDone={() => navigate({ screen: 'schedule' })}
          />
        )}
        {recruiterApp && current.screen === 'schedule' && <ScheduleScreen settings={settings.value} />}
        {recruiterApp && current.screen === 'new-interview' && (
          <ScheduleForm onScheduled={(interview) => navigate({ screen: 'interview', id: interview.id })} />
        )}
        {current.screen === 'interview' && settings.value && (
          <InterviewRoom key={current.id} id={current.id} settings={settings.value} />
        )}
        {recruiterApp && current.screen === 'debrief' && (
          <DebriefScreen key={`${current.id}-${current.scope}`} id={current.id} scope={current.scope} />
        )}
        {current.screen === 'device-check' && (
          <DeviceCheckScreen
            back={candidateMode && home.value ? backFromDeviceCheck(home.value.saved, lastInterview) : undefined}
          />
        )}
        {recruiterApp && current.screen === 'analytics' && <AnalyticsScreen />}
        {recruiterApp && current.screen === 'settings' && <SettingsScreen account={account.value} />}
        {current.screen === 'join-preview' && <JoinPreviewScreen key={current.link} link={current.link} />}
      </main>
      <LeaveConfirm />
    </div>
  );
}
