import { Notification } from 'electron';
import type { Interview } from '../../preload/contract/interview-schema';
import type { PlannedReminder } from '../reminders/reminder-plan';

function describe(reminder: PlannedReminder): string {
  if (reminder.offsetMinutes === 0) return 'starting now';
  if (reminder.offsetMinutes % 1440 === 0) return `in ${reminder.offsetMinutes / 1440} day${reminder.offsetMinutes === 1440 ? '' : 's'}`;
  if (reminder.offsetMinutes % 60 === 0) return `in ${reminder.offsetMinutes / 60} hour${reminder.offsetMinutes === 60 ? '' : 's'}`;
  return `in ${reminder.offsetMinutes} minutes`;
}

/**
 * A native reminder: candidate, job and time; clicking opens the interview room, and while the join
 * window is open a "Join" action joins directly.
 */
export function showReminderNotification(
  reminder: PlannedReminder,
  interview: Interview,
  joinOpen: boolean,
  handlers: { open: (id: string) => void; join: (id: string) => void },
): Notification | undefined {
  if (!Notification.isSupported()) return undefined;
  const at = new Intl.DateTimeFormat(undefined, { timeZone: interview.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(Date.parse(interview.startUtc));
  const notification = new Notification({
    title: `Interview ${describe(reminder)}: ${interview.candidate.name}`,
    body: `${interview.jobTitle} · ${at}${joinOpen ? ' · You can join now.' : ''}`,
    ...(joinOpen ? { actions: [{ type: 'button' as const, text: 'Join' }] } : {}),
  });
  notification.on('click', () => handlers.open(interview.id));
  notification.on('action', () => handlers.join(interview.id));
  notification.show();
  return notification;
}
