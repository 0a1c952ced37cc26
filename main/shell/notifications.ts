import { Notification } from 'electron';
import type { Interview } from '../../preload/contract/interview-schema';
import { startClock, timeLeftPhrase } from '../../preload/domain/time-left';
import { waitingLine } from '../../preload/domain/waiting-line';

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
): Notification | undefined {
  if (!Notification.isSupported()) return undefined;
  const start = Date.parse(interview.startUtc);
  const notification = new Notification({
    title: `Interview ${timeLeftPhrase(start, now)}: ${interview.candidate.name}`,
    body: `${interview.jobTitle} · ${startClock(start, now, interview.timeZone)}${joinOpen ? ' · You can join now.' : ''}`,
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
): Notification | undefined {
  if (!Notification.isSupported()) return undefined;
  const notification = new Notification({
    title: waitingLine(waiting, now),
    body: `${interview.jobTitle} · ${interview.candidate.name}`,
    actions: [{ type: 'button' as const, text: 'Join' }],
  });
  notification.on('click', () => handlers.open(interview.id));
  notification.on('action', () => handlers.join(interview.id));
  notification.show();
  return notification;
}
