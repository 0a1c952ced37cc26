import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Conflict, Interview } from '../../preload/contract/interview-schema';
import { fieldIssues, type DeskError, type FieldIssue } from '../../preload/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { liveSettings, useAccount, useSettings } from '../bridge/live-copies';
import { FieldError, FieldErrorSummary, invalidProps, isFormWide, useFormErrors } from '../common/FieldError';
import { askBeforeDiscard } from '../common/leave-guard';
import { allTimeZones, formatDateTime, isKnownZone, systemTimeZone } from '../common/format';
import { clearScheduleDraft, loadScheduleDraft, saveScheduleDraft, type ScheduleDraft as Draft } from './schedule-draft';
import { PanelFields, settledEmails, type PanelRow } from './PanelFields';
import { FindTimePanel } from './FindTimePanel';
import { useFreeBusy } from './use-free-busy';
import { ConflictQuestion } from './ConflictQuestion';
import { askForNotifications } from '../app/browser-notifications';

const fieldNames: Record<string, string> = { recruiterName: 'Your name', recruiterEmail: 'Your email', candidateName: 'Candidate name', candidateEmail: 'Candidate email', jobTitle: 'Job title', date: 'Date', time: 'Start time', timeZone: 'Time zone', candidateTimeZone: 'Candidate time zone', durationMinutes: 'Duration (minutes)', notes: 'Private notes', candidateMessage: 'Message to the candidate', meetLink: 'Meet link', occurrence: 'Start time' };
const formFields = [...Object.keys(fieldNames), 'coInterviewers', ...Object.keys(panelLabels(8))];

/** The summary's names for the panel's fields, as their labels read. */
function panelLabels(count: number): Record<string, string> {
  const labels: Record<string, string> = { coInterviewers: 'Co-interviewers' };
  for (let i = 0; i < count; i++) {
    labels[`coInterviewers.${i}.email`] = `Co-interviewer ${i + 1} email`;
    labels[`coInterviewers.${i}.name`] = `Co-interviewer ${i + 1} name`;
  }
  return labels;
}

function tomorrowAtTen(): { date: string; time: string } {
  const d = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: '10:00' };
}

/** The "Schedule interview" form: live preview of both zones and conflicts, and main's refusals per field. */
export function ScheduleForm({ onScheduled }: { onScheduled: (interview: Interview) => void }) {
  const zones = useMemo(() => allTimeZones(), []);
  // A draft left when the person went to Settings (or reloaded) comes back as it was.
  const [kept] = useState(() => loadScheduleDraft());
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
    coInterviewers: [],
    ...kept,
  }));
  const panel = draft.coInterviewers ?? [];
  // Google is asked about the panel only once an address is finished (the field left, a row removed).
  const [settledPanel, setSettledPanel] = useState<string[]>(() => settledEmails(kept?.coInterviewers ?? []));
  const settlePanel = (rows: PanelRow[]) => {
    const next = settledEmails(rows);
    setSettledPanel((current) => (current.join(',') === next.join(',') ? current : next));
  };
  const freeBusy = useFreeBusy(draft.date, isKnownZone(draft.timeZone) ? draft.timeZone : 'UTC', settledPanel);
  const [touched, setTouched] = useState(kept !== undefined);
  const { error, setError, edited } = useFormErrors();
  const [me, setMe] = useState({ recruiterName: '', recruiterEmail: '' });
  // The preview keeps the zone main computed it for: the field may already hold a half-typed zone,
  // and formatting with that would throw and take the whole form (and the focus) down.
  const [preview, setPreview] = useState<{ startUtc: string; endUtc: string; conflicts: Conflict[]; timeZone: string } | undefined>();
  const [previewError, setPreviewError] = useState<DeskError | undefined>();
  const [busy, setBusy] = useState(false);
  // Who signs the candidate's message in the preview: the Google account wins over Settings, as in the email.
  const account = useAccount();
  const settings = useSettings();
  const recruiterName = account.value && account.value.state !== 'disconnected' ? account.value.name || account.value.email : (settings.value?.recruiterName || me.recruiterName);
  // Without Google, invitations come from the name and email in Settings: ask for them here, before the rest.
  const askWho = account.value?.state === 'disconnected' && !!settings.value && !(settings.value.recruiterName && settings.value.recruiterEmail);
  const withGoogle = account.value !== undefined && account.value.state !== 'disconnected';
  const ids = { myName: useId(), myEmail: useId(), name: useId(), email: useId(), job: useId(), date: useId(), time: useId(), zone: useId(), czone: useId(), duration: useId(), notes: useId(), message: useId(), meet: useId(), zones: useId(), occurrence: useId(), recruiter: useId() };
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => {
    setTouched(true);
    edited(key);
    setDraft((d) => ({ ...d, [key]: event.target.value }));
  };
  const setMine = (key: keyof typeof me) => (event: { target: { value: string } }) => {
    edited(key);
    setMe((m) => ({ ...m, [key]: event.target.value }));
  };
  useEffect(() => {
    if (touched) saveScheduleDraft(draft);
  }, [draft, touched]);

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
            setPreview({ ...result.value, timeZone: draft.timeZone });
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

  /** Saves the inline name and email first; answers the issues with them, if any. */
  const saveWho = async (): Promise<FieldIssue[]> => {
    const missing: FieldIssue[] = [];
    if (!me.recruiterName.trim()) missing.push({ field: 'recruiterName', message: 'Your name is required: invitations are signed with it' });
    if (!me.recruiterEmail.trim()) missing.push({ field: 'recruiterEmail', message: 'Your email is required: candidates reply to it' });
    if (missing.length > 0) return missing;
    const saved = await desk.settings.update({ recruiterName: me.recruiterName, recruiterEmail: me.recruiterEmail });
    if (saved.ok) {
      liveSettings.set(saved.value);
      return [];
    }
    return fieldIssues(saved.error).length > 0 ? fieldIssues(saved.error) : [{ field: 'recruiterEmail', message: saved.error.message }];
  };

  const submit = async (event: FormEvent | undefined, acceptConflicts = false) => {
    event?.preventDefault();
    // Reminders are then told in web mode too: the browser asks now, at this press.
    askForNotifications();
    setBusy(true);
    const whoIssues = askWho ? await saveWho() : [];
    // Rows left empty are dropped first, so main's field numbers match the rows the person sees.
    const rows = panel.filter((r) => r.email.trim() || r.name.trim());
    if (rows.length !== panel.length) setDraft((d) => ({ ...d, coInterviewers: rows }));
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
      coInterviewers: rows.map((r) => ({ email: r.email, ...(r.name.trim() ? { name: r.name } : {}) })),
      acceptConflicts,
    });
    setBusy(false);
    if (result.ok) {
      clearScheduleDraft();
      onScheduled(result.value);
      return;
    }
    // Every refused field at once: the name and email asked for here, then the form's own.
    const issues = [...whoIssues, ...fieldIssues(result.error).filter((issue) => !(whoIssues.length > 0 && issue.field === 'recruiter'))];
    const first = issues[0];
    if (issues.some((i) => i.field.startsWith('coInterviewers'))) setTouched(true);
    setError(first && result.error.code === 'invalid_input' ? { code: 'invalid_input', message: first.message, field: first.field, fields: issues } : result.error);
  };

  const cancel = () => {
    if (!touched) {
      clearScheduleDraft();
      window.location.hash = '#/schedule';
      return;
    }
    askBeforeDiscard(
      { title: 'Discard this interview?', detail: 'What you typed in the form will be lost.', discardLabel: 'Discard' },
      '#/schedule',
      () => clearScheduleDraft(),
    );
  };

  const shownError = error ?? (previewError?.field === 'occurrence' || previewError?.field === 'time' || previewError?.field === 'date' || previewError?.field === 'timeZone' ? previewError : undefined);
  const ambiguous = shownError?.field === 'occurrence';

  return (
    <form className="form schedule-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="schedule-form-title">
      <h1 id="schedule-form-title">Schedule an interview</h1>
      <datalist id={ids.zones}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {askWho && (
        <fieldset className="ask-who">
          <legend>You, the interviewer</legend>
          <p className="hint" id={`${ids.myName}-h`}>
            Invitations come from you. Without a Google account, add your name and email once; they are kept in Settings.
          </p>
          <label htmlFor={ids.myName}>Your name</label>
          <input id={ids.myName} value={me.recruiterName} onChange={setMine('recruiterName')} autoComplete="name" {...invalidProps(error, 'recruiterName', `${ids.myName}-e`, `${ids.myName}-h`)} />
          <FieldError error={error} field="recruiterName" id={`${ids.myName}-e`} />
          <label htmlFor={ids.myEmail}>Your email</label>
          <input id={ids.myEmail} type="email" value={me.recruiterEmail} onChange={setMine('recruiterEmail')} autoComplete="email" {...invalidProps(error, 'recruiterEmail', `${ids.myEmail}-e`)} />
          <FieldError error={error} field="recruiterEmail" id={`${ids.myEmail}-e`} />
        </fieldset>
      )}
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
        <PanelFields
          rows={panel}
          error={error}
          onChange={(rows, field) => {
            setTouched(true);
            if (field) edited(field);
            setDraft((d) => ({ ...d, coInterviewers: rows }));
          }}
          onSettled={settlePanel}
        />
        {preview && (
          <div className="preview" aria-live="polite">
            <p>
              Starts <strong>{formatDateTime(preview.startUtc, preview.timeZone)}</strong>
            </p>
            {isKnownZone(draft.candidateTimeZone) && (
              <p>
                For the candidate: <strong data-testid="candidate-local-time">{formatDateTime(preview.startUtc, draft.candidateTimeZone)}</strong>
              </p>
            )}
            {preview.conflicts.length > 0 && (
              <div className="warning" role="status">
                Overlaps with{' '}
                {preview.conflicts.map((c) => `${c.candidateName} (${c.jobTitle}, ${formatDateTime(c.startUtc, preview.timeZone)})`).join('; ')}.
              </div>
            )}
          </div>
        )}
        <FindTimePanel
          freeBusy={freeBusy}
          date={draft.date}
          zone={isKnownZone(draft.timeZone) ? draft.timeZone : 'UTC'}
          candidateZone={draft.candidateTimeZone}
          panel={panel}
          {...(preview && preview.timeZone === draft.timeZone ? { proposal: { start: preview.startUtc, end: preview.endUtc } } : {})}
          durationMinutes={Number(draft.durationMinutes)}
          settings={settings.value}
          onPick={(date, time) => {
            setTouched(true);
            edited('date');
            edited('time');
            setDraft((d) => ({ ...d, date, time, occurrence: '' }));
          }}
        />
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
        <textarea id={ids.notes} value={draft.notes} onChange={set('notes')} {...invalidProps(error, 'notes', `${ids.notes}-e`, `${ids.notes}-h`)} />
        <FieldError error={error} field="notes" id={`${ids.notes}-e`} />
        <label htmlFor={ids.message}>Message to the candidate (optional)</label>
        <p className="hint" id={`${ids.message}-h`}>
          Goes into the candidate's invitation, update and reminder emails; co-interviewers see it in theirs, as your message.
        </p>
        <textarea id={ids.message} value={draft.candidateMessage} onChange={set('candidateMessage')} {...invalidProps(error, 'candidateMessage', `${ids.message}-e`, `${ids.message}-h`)} />
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
      {error?.code !== 'conflict' && isFormWide(error, formFields) && <ErrorMessage error={error} />}
      <FieldErrorSummary error={error} labels={{ ...fieldNames, ...panelLabels(panel.length) }} />
      {error?.code === 'conflict' && <ConflictQuestion message={error.message} confirmLabel="Schedule anyway" onConfirm={() => void submit(undefined, true)} onClose={() => setError(undefined)} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Schedule interview
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
