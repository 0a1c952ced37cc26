import { useState, type FormEvent } from 'react';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { fieldIssues } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { useAccount, useSettings } from '../bridge/live-copies';
import { FieldErrorSummary, isFormWide, useFormErrors } from '../common/FieldError';
import { askBeforeDiscard } from '../common/leave-guard';
import { isKnownZone } from '../common/format';
import { clearScheduleDraft } from './schedule-draft';
import { PanelFields } from '../common/PanelFields';
import { useSettledPanel } from '../common/use-settled-panel';
import { FindTimePanel } from './FindTimePanel';
import { useFreeBusy } from './use-free-busy';
import { ConflictQuestion } from './ConflictQuestion';
import { askForNotifications } from '../app/browser-notifications';
import { keptPanelRows, scheduleInput } from './schedule-input';
import { messageSigner } from './schedule-preview';
import { shownWhenError } from '../common/when-preview';
import { scheduleRefusal } from './schedule-refusal';
import { useWhenPreview } from '../common/use-when-preview';
import { useScheduleDraft } from './use-schedule-draft';
import { asksWhoSends } from './who-sends';
import { useWhoSends } from './use-who-sends';
import { panelLabels, scheduleFieldNames, scheduleFormFields } from './schedule-labels';
import { WhoSendsFields } from './WhoSendsFields';
import { CandidateFields } from './CandidateFields';
import { WhenFields } from './WhenFields';
import { WhenPreview } from './WhenPreview';
import { DetailsFields } from './DetailsFields';

/** The "Schedule interview" form: live preview of both zones and conflicts, and main's refusals per field. */
export function ScheduleForm({ onScheduled }: { onScheduled: (interview: Interview) => void }) {
  const { error, setError, edited } = useFormErrors();
  const { kept, draft, setDraft, touched, setTouched, change, set } = useScheduleDraft(edited);
  const panel = draft.coInterviewers ?? [];
  // Google is asked about the panel only once an address is finished (the field left, a row removed).
  const { settled: settledPanel, settle: settlePanel } = useSettledPanel(() => kept?.coInterviewers ?? []);
  const zone = isKnownZone(draft.timeZone) ? draft.timeZone : 'UTC';
  const freeBusy = useFreeBusy(draft.date, zone, settledPanel);
  const who = useWhoSends(edited);
  const { preview, previewError } = useWhenPreview(draft);
  const [busy, setBusy] = useState(false);
  const account = useAccount();
  const settings = useSettings();
  const askWho = asksWhoSends(account.value, settings.value);
  const withGoogle = account.value !== undefined && account.value.state !== 'disconnected';

  const submit = async (event: FormEvent | undefined, acceptConflicts = false) => {
    event?.preventDefault();
    // Reminders are then told in web mode too: the browser asks now, at this press.
    askForNotifications();
    setBusy(true);
    // The name and email asked for here are saved first; what is refused of them is shown with the rest.
    const senderIssues = askWho ? await who.save() : [];
    const rows = keptPanelRows(panel);
    if (rows.length !== panel.length) setDraft((d) => ({ ...d, coInterviewers: rows }));
    const result = await desk.interviews.schedule(scheduleInput(draft, acceptConflicts));
    setBusy(false);
    if (result.ok) {
      clearScheduleDraft();
      onScheduled(result.value);
      return;
    }
    const refusal = scheduleRefusal(senderIssues, result.error);
    if (fieldIssues(refusal).some((i) => i.field.startsWith('coInterviewers'))) setTouched(true);
    setError(refusal);
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

  const shownError = shownWhenError(error, previewError);
  const fields = { draft, set, error };

  return (
    <form
      className="form schedule-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="schedule-form-title"
    >
      <h1 id="schedule-form-title">Schedule an interview</h1>
      {askWho && <WhoSendsFields sender={who.sender} setMine={who.setMine} error={error} />}
      <fieldset>
        <legend>Candidate</legend>
        <CandidateFields {...fields} />
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <WhenFields {...fields} shownError={shownError} />
        <PanelFields
          rows={panel}
          error={error}
          onChange={(rows, field) => change({ coInterviewers: rows }, field ? [field] : [])}
          onSettled={settlePanel}
        />
        {preview && <WhenPreview preview={preview} candidateTimeZone={draft.candidateTimeZone} />}
        <FindTimePanel
          freeBusy={freeBusy}
          date={draft.date}
          zone={zone}
          candidateZone={draft.candidateTimeZone}
          panel={panel}
          {...(preview && preview.timeZone === draft.timeZone
            ? { proposal: { start: preview.startUtc, end: preview.endUtc } }
            : {})}
          durationMinutes={Number(draft.durationMinutes)}
          settings={settings.value}
          onPick={(date, time) => change({ date, time, occurrence: '' }, ['date', 'time'])}
        />
      </fieldset>
      <fieldset>
        <legend>Details</legend>
        <DetailsFields
          {...fields}
          withGoogle={withGoogle}
          signer={messageSigner(account.value, settings.value, who.sender.recruiterName)}
        />
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
