import { app, Notification } from 'electron';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { startClock, timeLeftPhrase } from '../../preload/shared/rules/time-left';
import { timeStyleOf } from '../../preload/shared/rules/time-format';
import { waitingLine } from '../../preload/shared/rules/waiting-line';
import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import { scorecardDueBody, scorecardDueTitle } from '../../preload/shared/rules/scorecard-due-line';

/** A notification body as the platform shows it: libnotify (Linux) reads the body as markup, so `& < >` are escaped there. */
export function notificationBody(text: string, platform: NodeJS.Platform): string {
  return platform === 'linux' ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

/**
 * A native reminder: candidate, job and the real time left at `now` (not the reminder's offset: a
 * reminder shown late still tells the truth); clicking opens the interview room, and while the join
 * window is open a "Join" action joins directly.
 */
export function showReminderNotification(
  interview: Interview,
  joinOpen: boolean,
  now: number,
  handlers: { open: (id: string) => void; join: (id: string) => void },
  platform: NodeJS.Platform = process.platform,
): Notification | undefined {
  if (!Notification.isSupported()) return undefined;
  const start = Date.parse(interview.startUtc);
  const notification = new Notification({
    title: `Interview ${timeLeftPhrase(start, now)}: ${interview.candidate.name}`,
    body: notificationBody(
      `${interview.jobTitle} · ${startClock(start, now, interview.timeZone, timeStyleOf(app.getSystemLocale()))}${joinOpen ? ' · You can join now.' : ''}`,
      platform,
    ),
    ...(joinOpen ? { actions: [{ type: 'button' as const, text: 'Join' }] } : {}),
  });
  notification.on('click', () => handlers.open(interview.id));
  notification.on('action', () => handlers.join(interview.id));
  notification.show();
  return notification;
}

/** "Ada Lovelace joined 2 minutes ago and is waiting" (once per interview); clicking opens the room, "Join" joins. */
export function showWaitingNotification(
  interview: Interview,
  waiting: { displayName: string; since: string; identified: boolean },
  now: number,
  handlers: { open: (id: string) => void; join: (id: string) => void },
  platform: NodeJS.Platform = process.platform,
): Notification | undefined {
  if (!Notification.isSupported()) return undefined;
  const notification = new Notification({
    title: waitingLine(waiting, now),
    body: notificationBody(`${interview.jobTitle} · ${interview.candidate.name}`, platform),
    actions: [{ type: 'button' as const, text: 'Join' }],
  });
  notification.on('click', () => handlers.open(interview.id));
  notification.on('action', () => handlers.join(interview.id));
  notification.show();
  return notification;
}

/** "Scorecard due: Ada Lovelace, Compiler Engineer", saying how long ago the interview ended; clicking opens the room. */
export function showScorecardDueNotification(
  interview: Interview,
  now: number,
  handlers: { open: (id: string) => void },
  platform: NodeJS.Platform = process.platform,
): Notification | undefined {
  if (!Notification.isSupported()) return undefined;
  const due = {
    candidateName: interview.candidate.name,
    jobTitle: interview.jobTitle,
    endUtc: plannedSpan(interview).end,
  };
  const notification = new Notification({
    title: scorecardDueTitle(due),
    body: notificationBody(scorecardDueBody(due, now), platform),
  });
  notification.on('click', () => handlers.open(interview.id));
  notification.show();
  return notification;
}
