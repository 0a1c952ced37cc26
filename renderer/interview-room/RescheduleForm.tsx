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

/**
 * Moves an interview: new date, time, zone and duration; main re-validates and flags conflicts.
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
  const startAt = DateTime.fromISO(`${date}T${time}`, { zone: interview.timeZone });
  const minutes = Number(duration);
  const proposal =
    startAt.isValid && Number.isInteger(minutes) && minutes > 0
      ? { start: startAt.toUTC().toISO()!, end: startAt.plus({ minutes }).toUTC().toISO()! }
      : undefined;
  const submit = async (event: FormEvent | undefined, acceptConflicts = false) => {
    event?.preventDefault();
    const result = await desk.interviews.reschedule({
      id: interview.id,
      date,
      time,
      timeZone: interview.timeZone,
      durationMinutes: Number(duration),
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
            <Field label="New date" name="date" error={error}>
              {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
            </Field>
          </div>
          <div>
            <Field label="New start time" name="time" error={error}>
              {(c) => <input {...c} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
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
          onPick={(d, t) => {
            setDate(d);
            setTime(t);
          }}
        />
        {error && !['date', 'time', 'durationMinutes'].includes(error.field ?? '') && <ErrorMessage error={error} />}
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
