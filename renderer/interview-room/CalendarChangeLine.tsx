import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { useFocusLater } from '../common/use-focus-later';
import { calendarChangeToldLine, calendarChangeWords } from './calendar-change-words';

/**
 * A change made in Google Calendar that nobody was emailed about, with its two answers: send it
 * (`onSend`, the room says what went out) or say people already know (nothing is sent; focus goes to
 * the quiet note that replaces the line). Without a mark, that note if there is one.
 */
export function CalendarChangeLine({
  interview,
  zone,
  onSend,
  onChanged,
  onError,
}: {
  interview: Interview;
  zone: string;
  onSend: () => void;
  onChanged: (interview: Interview) => void;
  onError: (error: DeskError) => void;
}) {
  const [toldRef, focusTold] = useFocusLater<HTMLParagraphElement>();
  const untold = calendarChangeWords(interview, zone);
  const told = calendarChangeToldLine(interview, zone);
  const markTold = async () => {
    const result = await desk.interviews.markCalendarChangeTold(interview.id);
    if (result.ok) {
      onChanged(result.value);
      focusTold();
    } else onError(result.error);
  };
  if (untold)
    return (
      <p className="note" data-testid="calendar-change">
        {untold.line}{' '}
        <span className="actions">
          <button type="button" className="small" onClick={onSend}>
            {untold.action}
          </button>
          <button type="button" className="small" onClick={() => void markTold()}>
            {untold.told}
          </button>
        </span>
      </p>
    );
  if (!told) return null;
  return (
    <p ref={toldRef} tabIndex={-1} className="muted" data-testid="calendar-change-told">
      {told}
    </p>
  );
}
