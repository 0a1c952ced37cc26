import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Conflict, Interview } from '../../preload/contract/interview-schema';
import type { DeskError } from '../../preload/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { useCall } from '../common/use-result';
import { FieldError, invalidProps } from '../common/FieldError';
import { allTimeZones, formatDateTime, isKnownZone, systemTimeZone } from '../common/format';

interface Draft {
  candidateName: string;
  candidateEmail: string;
  jobTitle: string;
  date: string;
  time: string;
  timeZone: string;
  candidateTimeZone: string;
  durationMinutes: string;
  notes: string;
  candidateMessage: string;
  meetLink: string;
  occurrence: '' | 'earlier' | 'later';
}

function tomorrowAtTen(): { date: string; time: string } {
  const d = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: '10:00' };
}

/** The "Schedule interview" form: live preview of both zones and conflicts, and main's refusals per field. */
export function ScheduleForm({ onScheduled }: { onScheduled: (interview: Interview) => void }) {
  const zones = useMemo(() => allTimeZones(), []);
  const [draft, setDraft] = useState<Draft>(() => ({
    candidateName: '',
    candidateEmail: '',
    jobTitle: '',
    ...tomorrowAtTen(),
    timeZone: systemTimeZone(),
    candidateTimeZone: '',
    durationMinutes: '60',
    notes: '',
    candidateMessage: '',
    meetLink: '',
    occurrence: '',
  }));
  const [error, setError] = useState<DeskError | undefined>();
  const [preview, setPreview] = useState<{ startUtc: string; conflicts: Conflict[] } | undefined>();
  const [previewError, setPreviewError] = useState<DeskError | undefined>();
  const [busy, setBusy] = useState(false);
  // Who signs the candidate's message in the preview: the Google account wins over Settings, as in the email.
  const account = useCall(() => desk.account.status());
  const settings = useCall(() => desk.settings.get());
  const recruiterName = account.value && account.value.state !== 'disconnected' ? account.value.name || account.value.email : (settings.value?.recruiterName ?? '');
  const withGoogle = account.value !== undefined && account.value.state !== 'disconnected';
  const ids = { name: useId(), email: useId(), job: useId(), date: useId(), time: useId(), zone: useId(), czone: useId(), duration: useId(), notes: useId(), message: useId(), meet: useId(), zones: useId(), occurrence: useId(), recruiter: useId() };
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));

  // Live preview: the instant, conflicts and the candidate's local time, as the person types.
  useEffect(() => {
    const duration = Number(draft.durationMinutes);
    if (!draft.date || !draft.time || !draft.timeZone || !Number.isInteger(duration)) return;
    let live = true;
    const timer = setTimeout(() => {
      void desk.interviews
        .preview({ date: draft.date, time: draft.time, timeZone: draft.timeZone, durationMinutes: duration, ...(draft.occurrence ? { occurrence: draft.occurrence } : {}) })
        .then((result) => {
          if (!live) return;
          if (result.ok) {
            setPreview(result.value);
            setPreviewError(undefined);
          } else {
            setPreview(undefined);
            setPreviewError(result.error);
          }
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft.date, draft.time, draft.timeZone, draft.durationMinutes, draft.occurrence]);

  const submit = async (event: FormEvent, acceptConflicts = false) => {
    event.preventDefault();
    setBusy(true);
    const result = await desk.interviews.schedule({
      candidateName: draft.candidateName,
      candidateEmail: draft.candidateEmail,
      jobTitle: draft.jobTitle,
      date: draft.date,
      time: draft.time,
      timeZone: draft.timeZone,
      ...(draft.candidateTimeZone ? { candidateTimeZone: draft.candidateTimeZone } : {}),
      durationMinutes: draft.durationMinutes.trim() === '' ? Number.NaN : Number(draft.durationMinutes),
      notes: draft.notes,
      candidateMessage: draft.candidateMessage,
      ...(draft.meetLink ? { meetLink: draft.meetLink } : {}),
      ...(draft.occurrence ? { occurrence: draft.occurrence } : {}),
      acceptConflicts,
    });
    setBusy(false);
    if (result.ok) onScheduled(result.value);
    else setError(result.error);
  };

  const shownError = error ?? (previewError?.field === 'occurrence' || previewError?.field === 'time' || previewError?.field === 'date' || previewError?.field === 'timeZone' ? previewError : undefined);
  const ambiguous = shownError?.field === 'occurrence';
  const fieldNames: Record<string, string> = { candidateName: 'Candidate name', candidateEmail: 'Candidate email', jobTitle: 'Job title', date: 'Date', time: 'Start time', timeZone: 'Time zone', candidateTimeZone: 'Candidate time zone', durationMinutes: 'Duration (minutes)', notes: 'Private notes', candidateMessage: 'Message to the candidate', meetLink: 'Meet link', recruiter: 'Your details', occurrence: 'Start time' };

  return (
    <form className="form schedule-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="schedule-form-title">
      <h1 id="schedule-form-title">Schedule an interview</h1>
      <datalist id={ids.zones}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <fieldset>
        <legend>Candidate</legend>
        <label htmlFor={ids.name}>Candidate name</label>
        <input id={ids.name} value={draft.candidateName} onChange={set('candidateName')} autoComplete="off" {...invalidProps(error, 'candidateName', `${ids.name}-e`)} />
        <FieldError error={error} field="candidateName" id={`${ids.name}-e`} />
        <label htmlFor={ids.email}>Candidate email</label>
        <input id={ids.email} type="email" value={draft.candidateEmail} onChange={set('candidateEmail')} autoComplete="off" {...invalidProps(error, 'candidateEmail', `${ids.email}-e`)} />
        <FieldError error={error} field="candidateEmail" id={`${ids.email}-e`} />
        <label htmlFor={ids.job}>Job title</label>
        <input id={ids.job} value={draft.jobTitle} onChange={set('jobTitle')} {...invalidProps(error, 'jobTitle', `${ids.job}-e`)} />
        <FieldError error={error} field="jobTitle" id={`${ids.job}-e`} />
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <div className="row">
          <div>
            <label htmlFor={ids.date}>Date</label>
            <input id={ids.date} type="date" value={draft.date} onChange={set('date')} {...invalidProps(shownError, 'date', `${ids.date}-e`)} />
            <FieldError error={shownError} field="date" id={`${ids.date}-e`} />
          </div>
          <div>
            <label htmlFor={ids.time}>Start time</label>
            <input id={ids.time} type="time" value={draft.time} onChange={set('time')} {...invalidProps(shownError, 'time', `${ids.time}-e`)} />
            <FieldError error={shownError} field="time" id={`${ids.time}-e`} />
          </div>
          <div>
            <label htmlFor={ids.duration}>Duration (minutes)</label>
            <input id={ids.duration} inputMode="numeric" value={draft.durationMinutes} onChange={set('durationMinutes')} {...invalidProps(error, 'durationMinutes', `${ids.duration}-e`)} />
            <FieldError error={error} field="durationMinutes" id={`${ids.duration}-e`} />
          </div>
        </div>
        <label htmlFor={ids.zone}>Time zone</label>
        <input id={ids.zone} list={ids.zones} value={draft.timeZone} onChange={set('timeZone')} autoComplete="off" {...invalidProps(shownError, 'timeZone', `${ids.zone}-e`)} />
        <FieldError error={shownError} field="timeZone" id={`${ids.zone}-e`} />
        {ambiguous && (
          <fieldset className="occurrence" aria-describedby={ids.occurrence}>
            <legend>This time happens twice that day</legend>
            <p id={ids.occurrence}>{shownError?.message}</p>
            <label className="check">
              <input type="radio" name="occurrence" value="earlier" checked={draft.occurrence === 'earlier'} onChange={set('occurrence')} />
              The first one (before the clocks go back)
            </label>
            <label className="check">
              <input type="radio" name="occurrence" value="later" checked={draft.occurrence === 'later'} onChange={set('occurrence')} />
              The second one (after the clocks go back)
            </label>
          </fieldset>
        )}
        <label htmlFor={ids.czone}>Candidate time zone (optional)</label>
        <input id={ids.czone} list={ids.zones} value={draft.candidateTimeZone} onChange={set('candidateTimeZone')} autoComplete="off" {...invalidProps(error, 'candidateTimeZone', `${ids.czone}-e`)} />
        <FieldError error={error} field="candidateTimeZone" id={`${ids.czone}-e`} />
        {preview && (
          <div className="preview" aria-live="polite">
            <p>
              Starts <strong>{formatDateTime(preview.startUtc, draft.timeZone)}</strong>
            </p>
            {isKnownZone(draft.candidateTimeZone) && (
              <p>
                For the candidate: <strong data-testid="candidate-local-time">{formatDateTime(preview.startUtc, draft.candidateTimeZone)}</strong>
              </p>
            )}
            {preview.conflicts.length > 0 && (
              <div className="warning" role="status">
                Overlaps with{' '}
                {preview.conflicts.map((c) => `${c.candidateName} (${c.jobTitle}, ${formatDateTime(c.startUtc, draft.timeZone)})`).join('; ')}.
              </div>
            )}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Details</legend>
        <label htmlFor={ids.meet}>Meet link (optional)</label>
        <input
          id={ids.meet}
          value={draft.meetLink}
          onChange={set('meetLink')}
          placeholder="https://meet.google.com/abc-defg-hij"
          {...invalidProps(error, 'meetLink', `${ids.meet}-e`)}
          aria-describedby={error?.field === 'meetLink' ? `${ids.meet}-e ${ids.meet}-help` : `${ids.meet}-help`}
        />
        <p className="muted" id={`${ids.meet}-help`}>
          {withGoogle
            ? 'Leave it empty and Google Calendar makes the Meet link. A link you paste becomes the Calendar event’s meeting instead, so there is only ever one. Invitations go out when the event is ready, with the same link for everyone.'
            : 'The meeting everyone joins. Without a link, invitations wait until you add one in the interview room.'}
        </p>
        <FieldError error={error} field="meetLink" id={`${ids.meet}-e`} />
        <label htmlFor={ids.notes}>Private notes</label>
        <p className="hint" id={`${ids.notes}-h`}>
          Only for you: shown in the interview room, never sent to anyone.
        </p>
        <textarea id={ids.notes} value={draft.notes} onChange={set('notes')} aria-describedby={`${ids.notes}-h`} {...invalidProps(error, 'notes', `${ids.notes}-e`)} />
        <FieldError error={error} field="notes" id={`${ids.notes}-e`} />
        <label htmlFor={ids.message}>Message to the candidate (optional)</label>
        <p className="hint" id={`${ids.message}-h`}>
          Goes into the candidate's invitation, update and reminder emails.
        </p>
        <textarea id={ids.message} value={draft.candidateMessage} onChange={set('candidateMessage')} aria-describedby={`${ids.message}-h`} {...invalidProps(error, 'candidateMessage', `${ids.message}-e`)} />
        <FieldError error={error} field="candidateMessage" id={`${ids.message}-e`} />
        {draft.candidateMessage.trim() && (
          <figure className="message-preview" aria-label="How the candidate will see your message">
            <figcaption>In the email, the candidate reads:</figcaption>
            <p className="message-label">Message from {recruiterName || 'you'}:</p>
            <div className="message-text" data-testid="candidate-message-preview">
              {draft.candidateMessage.trim()}
            </div>
          </figure>
        )}
      </fieldset>
      {error && !error.field?.match(/^(candidateName|candidateEmail|jobTitle|date|time|timeZone|candidateTimeZone|durationMinutes|notes|candidateMessage|meetLink|occurrence)$/) && <ErrorMessage error={error} />}
      {error?.field && error.code === 'invalid_input' && fieldNames[error.field] && (
        <p className="sr-only" role="status">
          Please check {fieldNames[error.field]}.
        </p>
      )}
      {error?.code === 'conflict' && (
        <div className="warning" role="alert">
          {error.message}{' '}
          <button type="button" onClick={(e) => void submit(e, true)} disabled={busy}>
            Schedule anyway
          </button>
        </div>
      )}
      {error?.field === 'recruiter' && (
        <p>
          <a href="#/settings">Open Settings</a>
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Schedule interview
        </button>
        <a href="#/schedule" className="button-link">
          Cancel
        </a>
      </div>
    </form>
  );
}
