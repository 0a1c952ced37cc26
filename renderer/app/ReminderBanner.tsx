import type { EventPayload } from '../../preload/shared/contract/ipc-contract';
import { reminderWhen } from '../../preload/shared/rules/time-left';
import { screenTimeStyle, systemTimeZone } from '../common/format';
import { useNow } from '../common/use-now';

/** The in-app reminder: the real time left, worded as everywhere else and kept current while it stays up. */
export function ReminderBanner({
  reminder,
  onClose,
}: {
  reminder: EventPayload<'reminder:fired'>;
  onClose: () => void;
}) {
  const now = useNow(15_000);
  return (
    <div className="banner reminder" role="alert">
      <span>
        <strong>Reminder:</strong> interview with {reminder.candidateName} ({reminder.jobTitle}){' '}
        {reminderWhen(Date.parse(reminder.startUtc), now, systemTimeZone(), screenTimeStyle())}.
      </span>
      <span className="actions">
        <a href={`#/interview/${reminder.interviewId}`} onClick={onClose}>
          {reminder.joinOpen ? 'Join' : 'Open'}
        </a>
        <button type="button" onClick={onClose}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
