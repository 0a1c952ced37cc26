import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { fieldIssues, type FieldIssue } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { liveSettings, useAccount, useSettings } from '../bridge/live-copies';
import { Field } from '../common/Field';
import { FieldErrorSummary, isFormWide, useFormErrors } from '../common/FieldError';
import { askBeforeDiscard } from '../common/leave-guard';
import { allTimeZones, formatDateTime, isKnownZone, systemTimeZone } from '../common/format';
import {
  clearScheduleDraft,
  freshScheduleDraft,
  loadScheduleDraft,
  saveScheduleDraft,
  type ScheduleDraft as Draft,
} from './schedule-draft';
import { PanelFields, settledEmails, type PanelRow } from './PanelFields';
import { FindTimePanel } from './FindTimePanel';
import { useFreeBusy } from './use-free-busy';
import { ConflictQuestion } from './ConflictQuestion';
import { askForNotifications } from '../app/browser-notifications';
import { asksWhoSends, keptPanelRows, scheduleInput } from './schedule-input';
import { messageSigner, shownScheduleError } from './schedule-preview';
import { useSchedulePreview } from './use-schedule-preview';
import { panelLabels, scheduleFieldNames, scheduleFormFields } from './schedule-labels';

/** The "Schedule interview" form: live preview of both zones and conflicts, and main's refusals per field. */
export function ScheduleForm({ onScheduled }: { onScheduled: (interview: Interview) => void }) {
  const zones = useMemo(() => allTimeZones(), []);
  // A draft left when the person went to Settings (or reloaded) comes back as it was.
  const [kept] = useState(() => loadScheduleDraft());
  const [draft, setDraft] = useState<Draft>(() => ({ ...freshScheduleDraft(Date.now(), systemTimeZone()), ...kept }));
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
  const { preview, previewError } = useSchedulePreview(draft);
  const [busy, setBusy] = useState(false);
  const account = useAccount();
  const settings = useSettings();
  const recruiterName = messageSigner(account.value, settings.value, me.recruiterName);
  const askWho = asksWhoSends(account.value, settings.value);
  const withGoogle = account.value !== undefined && account.value.state !== 'disconnected';
  const ids = { zones: useId(), occurrence: useId(), whoHint: useId() };
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

  /** Saves the inline name and email first; answers the issues with them, if any. */
  const saveWho = async (): Promise<FieldIssue[]> => {
    const missing: FieldIssue[] = [];
    if (!me.recruiterName.trim())
      missing.push({ field: 'recruiterName', message: 'Your name is required: invitations are signed with it' });
    if (!me.recruiterEmail.trim())
      missing.push({ field: 'recruiterEmail', message: 'Your email is required: candidates reply to it' });
    if (missing.length > 0) return missing;
    const saved = await desk.settings.update({ recruiterName: me.recruiterName, recruiterEmail: me.recruiterEmail });
    if (saved.ok) {
      liveSettings.set(saved.value);
      return [];
    }
    return fieldIssues(saved.error).length > 0
      ? fieldIssues(saved.error)
      : [{ field: 'recruiterEmail', message: saved.error.message }];
  };

  const submit = async (event: FormEvent | undefined, acceptConflicts = false) => {
    event?.preventDefault();
    // Reminders are then told in web mode too: the browser asks now, at this press.
    askForNotifications();
    setBusy(true);
    const whoIssues = askWho ? await saveWho() : [];
    const rows = keptPanelRows(panel);
    if (rows.length !== panel.length) setDraft((d) => ({ ...d, coInterviewers: rows }));
    const result = await desk.interviews.schedule(scheduleInput(draft, acceptConflicts));
    setBusy(false);
    if (result.ok) {
      clearScheduleDraft();
      onScheduled(result.value);
      return;
    }
    // Every refused field at once: the name and email asked for here, then the form's own.
    const issues = [
      ...whoIssues,
      ...fieldIssues(result.error).filter((issue) => !(whoIssues.length > 0 && issue.field === 'recruiter')),
    ];
    const first = issues[0];
    if (issues.some((i) => i.field.startsWith('coInterviewers'))) setTouched(true);
    setError(
      first && result.error.code === 'invalid_input'
        ? { code: 'invalid_input', message: first.message, field: first.field, fields: issues }
        : result.error,
    );
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

  const shownError = shownScheduleError(error, previewError);
  const ambiguous = shownError?.field === 'occurrence';

  return (
    <form
      className="form schedule-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="schedule-form-title"
    >
      <h1 id="schedule-form-title">Schedule an interview</h1>
      <datalist id={ids.zones}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {askWho && (
        <fieldset className="ask-who">
          <legend>You, the interviewer</legend>
          <p className="hint" id={ids.whoHint}>
            Invitations come from you. Without a Google account, add your name and email once; they are kept in
            Settings.
          </p>
          <Field label="Your name" name="recruiterName" error={error} describedBy={ids.whoHint}>
            {(c) => <input {...c} value={me.recruiterName} onChange={setMine('recruiterName')} autoComplete="name" />}
          </Field>
          <Field label="Your email" name="recruiterEmail" error={error}>
            {(c) => (
              <input
                {...c}
                type="email"
                value={me.recruiterEmail}
                onChange={setMine('recruiterEmail')}
                autoComplete="email"
              />
            )}
          </Field>
        </fieldset>
      )}
      <fieldset>
        <legend>Candidate</legend>
        <Field label="Candidate name" name="candidateName" error={error}>
          {(c) => <input {...c} value={draft.candidateName} onChange={set('candidateName')} autoComplete="off" />}
        </Field>
        <Field label="Candidate email" name="candidateEmail" error={error}>
          {(c) => (
            <input
              {...c}
              type="email"
              value={draft.candidateEmail}
              onChange={set('candidateEmail')}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label="Job title" name="jobTitle" error={error}>
          {(c) => <input {...c} value={draft.jobTitle} onChange={set('jobTitle')} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <div className="row">
          <div>
            <Field label="Date" name="date" error={shownError}>
              {(c) => <input {...c} type="date" value={draft.date} onChange={set('date')} />}
            </Field>
          </div>
          <div>
            <Field label="Start time" name="time" error={shownError}>
              {(c) => <input {...c} type="time" value={draft.time} onChange={set('time')} />}
            </Field>
          </div>
          <div>
            <Field label="Duration (minutes)" name="durationMinutes" error={error}>
              {(c) => (
                <input {...c} inputMode="numeric" value={draft.durationMinutes} onChange={set('durationMinutes')} />
              )}
            </Field>
          </div>
        </div>
        <Field label="Time zone" name="timeZone" error={shownError}>
          {(c) => (
            <input {...c} list={ids.zones} value={draft.timeZone} onChange={set('timeZone')} autoComplete="off" />
          )}
        </Field>
        {ambiguous && (
          <fieldset className="occurrence" aria-describedby={ids.occurrence}>
            <legend>This time happens twice that day</legend>
            <p id={ids.occurrence}>{shownError?.message}</p>
            <label className="check">
              <input
                type="radio"
                name="occurrence"
                value="earlier"
                checked={draft.occurrence === 'earlier'}
                onChange={set('occurrence')}
              />
              The first one (before the clocks go back)
            </label>
            <label className="check">
              <input
                type="radio"
                name="occurrence"
                value="later"
                checked={draft.occurrence === 'later'}
                onChange={set('occurrence')}
              />
              The second one (after the clocks go back)
            </label>
          </fieldset>
        )}
        <Field label="Candidate time zone (optional)" name="candidateTimeZone" error={error}>
          {(c) => (
            <input
              {...c}
              list={ids.zones}
              value={draft.candidateTimeZone}
              onChange={set('candidateTimeZone')}
              autoComplete="off"
            />
          )}
        </Field>
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
                For the candidate:{' '}
                <strong data-testid="candidate-local-time">
                  {formatDateTime(preview.startUtc, draft.candidateTimeZone)}
                </strong>
              </p>
            )}
            {preview.conflicts.length > 0 && (
              <div className="warning" role="status">
                Overlaps with{' '}
                {preview.conflicts
                  .map((c) => `${c.candidateName} (${c.jobTitle}, ${formatDateTime(c.startUtc, preview.timeZone)})`)
                  .join('; ')}
                .
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
          {...(preview && preview.timeZone === draft.timeZone
            ? { proposal: { start: preview.startUtc, end: preview.endUtc } }
            : {})}
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
        <Field
          label="Meet link (optional)"
          name="meetLink"
          error={error}
          hint={
            withGoogle
              ? 'Leave it empty and Google Calendar makes the Meet link. A link you paste becomes the Calendar event’s meeting instead, so there is only ever one. Invitations go out when the event is ready, with the same link for everyone.'
              : 'The meeting everyone joins. Without a link, invitations wait until you add one in the interview room.'
          }
        >
          {(c) => (
            <input
              {...c}
              value={draft.meetLink}
              onChange={set('meetLink')}
              placeholder="https://meet.google.com/abc-defg-hij"
            />
          )}
        </Field>
        <Field
          label="Private notes"
          name="notes"
          error={error}
          hint="Only for you: shown in the interview room, never sent to anyone."
        >
          {(c) => <textarea {...c} value={draft.notes} onChange={set('notes')} />}
        </Field>
        <Field
          label="Message to the candidate (optional)"
          name="candidateMessage"
          error={error}
          hint="Goes into the candidate's invitation, update and reminder emails; co-interviewers see it in theirs, as your message."
        >
          {(c) => <textarea {...c} value={draft.candidateMessage} onChange={set('candidateMessage')} />}
        </Field>
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
      {error?.code !== 'conflict' && isFormWide(error, scheduleFormFields) && <ErrorMessage error={error} />}
      <FieldErrorSummary error={error} labels={{ ...scheduleFieldNames, ...panelLabels(panel.length) }} />
      {error?.code === 'conflict' && (
        <ConflictQuestion
          message={error.message}
          confirmLabel="Schedule anyway"
          onConfirm={() => void submit(undefined, true)}
          onClose={() => setError(undefined)}
        />
      )}
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
