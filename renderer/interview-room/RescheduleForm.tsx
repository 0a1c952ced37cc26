import { plannedSpan } from '../../preload/shared/rules/interview-timing';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DateTime } from 'luxon';
import { FindTimePanel } from '../schedule/FindTimePanel';
import { useFreeBusy } from '../schedule/use-free-busy';
import { useSettings } from '../bridge/live-copies';
import { useModalDialog } from '../common/use-modal-dialog';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { Field } from '../common/Field';
import { dayKey, formatInputTime } from '../common/format';
import { ConflictQuestion } from '../schedule/ConflictQuestion';
import { OccurrenceQuestion } from '../common/OccurrenceQuestion';
import { useWhenPreview } from '../common/use-when-preview';
import { useOccurrenceQuestion } from '../common/use-occurrence-question';
import { shownWhenError, type OccurrenceChoice } from '../common/when-preview';

// Asked before any save, as the Schedule form asks it: the only refusal of the live preview shown here
// (an interview that has ended is moved from a time already past, and is not told so on opening).
const askedLive = new Set(['occurrence']);

/**
 * Moves an interview: new date, time and duration in its zone; main re-validates, flags conflicts and,
 * when the clocks go back over the new time, asks which of the two is meant (the Schedule form's question).
 * A native modal dialog: the browser keeps focus inside and Escape closes it; on close, focus goes
 * back to the control that opened it.
 */
export function RescheduleForm({ interview, onDone }: { interview: Interview; onDone: (moved: boolean) => void }) {
  const moved = useRef(false);
  const dialog = useModalDialog(() => onDone(moved.current));
  const titleId = useId();
  const finish = (didMove: boolean) => {
    moved.current = didMove;
    dialog.close();
  };
  const [date, setDate] = useState(() => dayKey(interview.startUtc, interview.timeZone));
  const [time, setTime] = useState(() => formatInputTime(interview.startUtc, interview.timeZone));
  const [duration, setDuration] = useState(String(interview.durationMinutes));
  const [occurrence, setOccurrence] = useState<OccurrenceChoice>('');
  /** A new date or time: which of two it was is asked again, if it happens twice. */
  const moveTo = (d: string, t: string) => {
    setDate(d);
    setTime(t);
    setOccurrence('');
  };
  const [error, setError] = useState<DeskError | undefined>();
  // Find a time for the move: the panel's busy times, this interview's own time left out.
  const settings = useSettings();
  const panel = useMemo(
    () => interview.coInterviewers.map((p) => ({ email: p.email, name: p.name ?? '' })),
    [interview.coInterviewers],
  );
  const panelEmails = useMemo(() => panel.map((p) => p.email), [panel]);
  const freeBusy = useFreeBusy(date, interview.timeZone, panelEmails, interview.id);
  const own = useMemo(
    () => plannedSpan({ startUtc: interview.startUtc, durationMinutes: interview.durationMinutes }),
    [interview.startUtc, interview.durationMinutes],
  );
  // Main's answer for the new time: the instant it will save, or why not (which of two times?).
  const { preview, previewError } = useWhenPreview(
    { date, time, timeZone: interview.timeZone, durationMinutes: duration, occurrence },
    interview.id,
  );
  const minutes = Number(duration);
  // Main's instant where it has one (it knows which of two times was chosen); else, until it answers or
  // when it refuses for another reason (a time already past), the fields' time as Luxon reads it. A time
  // that happens twice and is not answered yet is not drawn.
  const typed = DateTime.fromISO(`${date}T${time}`, { zone: interview.timeZone });
  const proposal = preview
    ? { start: preview.startUtc, end: preview.endUtc }
    : previewError?.field !== 'occurrence' && typed.isValid && Number.isInteger(minutes) && minutes > 0
      ? { start: typed.toUTC().toISO()!, end: typed.plus({ minutes }).toUTC().toISO()! }
      : undefined;
  const shownError = shownWhenError(error, previewError, askedLive);
  const question = useOccurrenceQuestion(`${date}T${time}`, shownError);
  const submit = async (event: FormEvent | undefined, acceptConflicts = false) => {
    event?.preventDefault();
    const result = await desk.interviews.reschedule({
      id: interview.id,
      date,
      time,
      timeZone: interview.timeZone,
      durationMinutes: Number(duration),
      ...(occurrence ? { occurrence } : {}),
      acceptConflicts,
    });
    if (result.ok) finish(true);
    else setError(result.error);
  };
  return (
    <dialog {...dialog.props} className="confirm-dialog reschedule-dialog" aria-labelledby={titleId}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
        <h2 id={titleId}>Reschedule</h2>
        <div className="row">
          <div>
            <Field label="New date" name="date" error={shownError}>
              {(c) => <input {...c} type="date" value={date} onChange={(e) => moveTo(e.target.value, time)} />}
            </Field>
          </div>
          <div>
            <Field label="New start time" name="time" error={shownError}>
              {(c) => <input {...c} type="time" value={time} onChange={(e) => moveTo(date, e.target.value)} />}
            </Field>
          </div>
          <div>
            <Field label="Duration (minutes)" name="durationMinutes" error={error}>
              {(c) => (
                <input {...c} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />
              )}
            </Field>
          </div>
        </div>
        <p className="muted">Times are in {interview.timeZone}.</p>
        {question.message && (
          <OccurrenceQuestion
            message={question.message}
            value={occurrence}
            onChange={(e) => {
              setOccurrence(e.target.value === 'later' ? 'later' : 'earlier');
              question.answer();
              if (error?.field === 'occurrence') setError(undefined);
            }}
          />
        )}
        <FindTimePanel
          freeBusy={freeBusy}
          date={date}
          zone={interview.timeZone}
          candidateZone={interview.candidate.timeZone ?? ''}
          panel={panel}
          {...(proposal ? { proposal } : {})}
          durationMinutes={minutes}
          settings={settings.value}
          own={own}
          onPick={moveTo}
        />
        {error && !['date', 'time', 'durationMinutes', 'occurrence'].includes(error.field ?? '') && (
          <ErrorMessage error={error} />
        )}
        {error?.code === 'conflict' && (
          <ConflictQuestion
            message={error.message}
            confirmLabel="Move anyway"
            onConfirm={() => void submit(undefined, true)}
            onClose={() => setError(undefined)}
          />
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Save new time
          </button>
          <button type="button" onClick={() => finish(false)}>
            Keep the current time
          </button>
        </div>
      </form>
    </dialog>
  );
}
