import { useState, type FormEvent } from 'react';
import type { Settings, SettingsProblem } from '../../preload/shared/contract/settings-schema';
import { fieldIssues, type DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { useSettings } from '../bridge/live-copies';
import { ErrorMessage } from '../common/ErrorMessage';
import { FieldErrorSummary, isFormWide, useFormErrors } from '../common/FieldError';
import { Field } from '../common/Field';
import { useLeaveGuard } from '../common/leave-guard';
import { AccountPanel } from '../account/AccountPanel';
import { MailPanel } from '../mail/MailPanel';
import { AppearancePanel } from './AppearancePanel';
import { WorkingHoursPanel } from './WorkingHoursPanel';
import { ScorecardsPanel } from './ScorecardsPanel';
import { SenderFields } from './SenderFields';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';

type Draft = {
  recruiterName: string;
  recruiterEmail: string;
  joinDefault: Settings['joinDefault'];
  joinOpensMinutesBefore: string;
  joinClosesMinutesAfter: string;
  reminderOffsets: string;
  companyName: string;
  candidateDownloadUrl: string;
  brandColor: string;
  signOff: string;
  closeToTray: boolean;
  startAtLogin: boolean;
  googleSendsInvites: boolean;
  candidateReminderEmail: boolean;
  attendanceRetentionDays: string;
};

function toDraft(s: Settings): Draft {
  return {
    recruiterName: s.recruiterName,
    recruiterEmail: s.recruiterEmail,
    joinDefault: s.joinDefault,
    joinOpensMinutesBefore: String(s.joinOpensMinutesBefore),
    joinClosesMinutesAfter: String(s.joinClosesMinutesAfter),
    reminderOffsets: s.reminderOffsetsMinutes.join(', '),
    companyName: s.companyName,
    candidateDownloadUrl: s.candidateDownloadUrl,
    brandColor: s.brandColor,
    signOff: s.signOff,
    closeToTray: s.closeToTray,
    startAtLogin: s.startAtLogin,
    googleSendsInvites: s.googleSendsInvites,
    candidateReminderEmail: s.candidateReminderEmail,
    attendanceRetentionDays: String(s.attendanceRetentionDays),
  };
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The labels of the fields below, as errors name them. */
const labels: Record<string, string> = {
  recruiterName: 'Your name',
  recruiterEmail: 'Your email',
  joinDefault: 'Join interviews',
  joinOpensMinutesBefore: 'Joining opens',
  joinClosesMinutesAfter: 'Joining closes',
  reminderOffsetsMinutes: 'Remind me',
  companyName: 'Company name',
  candidateDownloadUrl: 'Download link',
  brandColor: 'Brand colour',
  signOff: 'Sign-off',
  attendanceRetentionDays: 'Keep after-interview data',
};

/** One issue per field of this form ("reminderOffsetsMinutes.2" is the Remind me field). */
function perField(error: DeskError): DeskError {
  const issues = fieldIssues(error).map((issue) => ({ ...issue, field: issue.field.split('.')[0]! }));
  const unique = issues.filter((issue, i) => issues.findIndex((o) => o.field === issue.field) === i);
  const first = unique[0];
  return first ? { ...error, field: first.field, message: first.message, fields: unique } : error;
}

/** Settings: each field is labelled; main validates and a refusal names the field. */
export function SettingsScreen({ account }: { account: AccountStatus | undefined }) {
  const settings = useSettings();
  const problems = useCall(() => desk.settings.problems());
  if (!settings.value) return <ErrorMessage error={settings.error} />;
  return (
    <>
      <h1 id="settings-title">Settings</h1>
      <SavedProblems problems={problems.value ?? []} />
      {/* The preferences first: their Save stays in sight at the window's bottom while they scroll. */}
      <SettingsForm saved={settings.value} />
      <AppearancePanel initial={settings.value.theme} />
      <WorkingHoursPanel initial={settings.value} />
      <ScorecardsPanel initial={settings.value} />
      <AccountPanel status={account} />
      <MailPanel initial={settings.value} />
    </>
  );
}

/** Saved values that break their rule: kept in the file, not used for email until replaced here. */
function SavedProblems({ problems }: { problems: SettingsProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-message" role="alert" data-testid="settings-problems">
      <strong>Some saved settings are not valid.</strong> Interview Desk does not use them, and sends no email until
      they are fixed:
      <ul>
        {problems.map((p) => (
          <li key={p.field}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The preferences: a draft of their own, apart from the live saved settings (`saved`), so a change
 * made elsewhere never overwrites what the person is typing. An untouched form follows it; an edited
 * one says so and keeps the edits.
 */
function SettingsForm({ saved: live }: { saved: Settings }) {
  // The tray and starting at log-in exist only for the desktop app: web mode does not offer them.
  const info = useCall(() => desk.app.info());
  const [draft, setDraft] = useState<Draft>(() => toDraft(live));
  const [stored, setStored] = useState<Draft>(() => toDraft(live));
  const { error, setError, edited } = useFormErrors();
  const [saved, setSaved] = useState(false);
  // This form's own save is pushed back before its answer arrives: while it is on its way, that is no news.
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    edited(key === 'reminderOffsets' ? 'reminderOffsetsMinutes' : key);
    setDraft({ ...draft, [key]: value });
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const latest = toDraft(live);
  const changedElsewhere = !saving && JSON.stringify(latest) !== JSON.stringify(stored);
  const takeSaved = () => {
    setError(undefined);
    setStored(latest);
    setDraft(latest);
  };
  if (changedElsewhere && !dirty) takeSaved();
  // Leaving with unsaved edits asks first; saving (or undoing the edits) lifts the question.
  useLeaveGuard(dirty, {
    title: 'Leave without saving?',
    detail:
      'Your changes to Settings are not saved yet. Leave and lose them, or keep editing and choose Save settings.',
    discardLabel: 'Leave without saving',
  });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await desk.settings.update({
      recruiterName: draft.recruiterName,
      recruiterEmail: draft.recruiterEmail,
      joinDefault: draft.joinDefault,
      joinOpensMinutesBefore: number(draft.joinOpensMinutesBefore),
      joinClosesMinutesAfter: number(draft.joinClosesMinutesAfter),
      reminderOffsetsMinutes: draft.reminderOffsets
        .split(',')
        .filter((p) => p.trim() !== '')
        .map(number),
      companyName: draft.companyName,
      candidateDownloadUrl: draft.candidateDownloadUrl,
      brandColor: draft.brandColor,
      signOff: draft.signOff,
      closeToTray: draft.closeToTray,
      startAtLogin: draft.startAtLogin,
      googleSendsInvites: draft.googleSendsInvites,
      candidateReminderEmail: draft.candidateReminderEmail,
      attendanceRetentionDays: number(draft.attendanceRetentionDays),
    });
    setSaving(false);
    if (result.ok) {
      setError(undefined);
      setDraft(toDraft(result.value));
      setStored(toDraft(result.value));
      setSaved(true);
    } else setError(perField(result.error));
  };

  return (
    <section className="panel" aria-label="Preferences">
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        {changedElsewhere && dirty && (
          <div className="hint" role="status">
            Settings were saved in another window or tab while you were editing here. Save settings keeps what you see
            on this page.{' '}
            <button type="button" className="small" onClick={takeSaved}>
              Show the saved settings
            </button>
          </div>
        )}
        <fieldset>
          <legend>You</legend>
          <p className="muted">Used as the interviewer when no Google account is connected.</p>
          <SenderFields sender={draft} onEdit={set} error={error} />
        </fieldset>
        <fieldset>
          <legend>Joining</legend>
          <label>
            Join interviews
            <select
              value={draft.joinDefault}
              onChange={(e) => set('joinDefault', e.target.value as Draft['joinDefault'])}
            >
              <option value="app">In the app window</option>
              <option value="browser">In my default browser</option>
            </select>
          </label>
          <Field label="Joining opens (minutes before start)" name="joinOpensMinutesBefore" error={error}>
            {(c) => (
              <input
                {...c}
                inputMode="numeric"
                value={draft.joinOpensMinutesBefore}
                onChange={(e) => set('joinOpensMinutesBefore', e.target.value)}
              />
            )}
          </Field>
          <Field label="Joining closes (minutes after start)" name="joinClosesMinutesAfter" error={error}>
            {(c) => (
              <input
                {...c}
                inputMode="numeric"
                value={draft.joinClosesMinutesAfter}
                onChange={(e) => set('joinClosesMinutesAfter', e.target.value)}
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Reminders</legend>
          <Field label="Remind me (minutes before, comma separated)" name="reminderOffsetsMinutes" error={error}>
            {(c) => (
              <input {...c} value={draft.reminderOffsets} onChange={(e) => set('reminderOffsets', e.target.value)} />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Invitations</legend>
          <Field
            label="Company name"
            name="companyName"
            error={error}
            hint={
              'Named in invitations ("the Engineer position at Acme"). Leave it empty to word them without a company.'
            }
          >
            {(c) => <input {...c} value={draft.companyName} onChange={(e) => set('companyName', e.target.value)} />}
          </Field>
          <Field
            label="Download link for Interview Desk (optional)"
            name="candidateDownloadUrl"
            error={error}
            hint="Offered to candidates under the Meet link, for those who want the app. Without it, emails offer no download."
          >
            {(c) => (
              <input
                {...c}
                type="url"
                value={draft.candidateDownloadUrl}
                placeholder="https://example.com/interview-desk"
                onChange={(e) => set('candidateDownloadUrl', e.target.value)}
              />
            )}
          </Field>
          <Field label="Brand colour" name="brandColor" error={error}>
            {(c) => <input {...c} value={draft.brandColor} onChange={(e) => set('brandColor', e.target.value)} />}
          </Field>
          <Field label="Sign-off" name="signOff" error={error}>
            {(c) => <input {...c} value={draft.signOff} onChange={(e) => set('signOff', e.target.value)} />}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.googleSendsInvites}
              onChange={(e) => set('googleSendsInvites', e.target.checked)}
            />
            Let Google Calendar email the invitations instead of Interview Desk
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.candidateReminderEmail}
              onChange={(e) => set('candidateReminderEmail', e.target.checked)}
            />
            Email candidates a reminder 24 hours before (skipped when their invitation went out less than 12 hours
            earlier)
          </label>
        </fieldset>
        <fieldset>
          <legend>After the interview</legend>
          <Field
            label="Keep after-interview data (days after each interview)"
            name="attendanceRetentionDays"
            error={error}
            hint="After this, everything kept about an interview is deleted from this computer: who joined and when, Meet's transcript and links, scorecards and panel forms. Nothing older is read from Google Meet again."
          >
            {(c) => (
              <input
                {...c}
                inputMode="numeric"
                value={draft.attendanceRetentionDays}
                onChange={(e) => set('attendanceRetentionDays', e.target.value)}
              />
            )}
          </Field>
        </fieldset>
        {info.value?.mode === 'electron' && (
          <fieldset>
            <legend>Desktop</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.closeToTray}
                onChange={(e) => set('closeToTray', e.target.checked)}
              />
              Keep running in the tray when the window is closed
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={draft.startAtLogin}
                onChange={(e) => set('startAtLogin', e.target.checked)}
              />
              Start Interview Desk when I log in
            </label>
          </fieldset>
        )}
        {isFormWide(error, Object.keys(labels)) && <ErrorMessage error={error} />}
        <FieldErrorSummary error={error} labels={labels} />
        {/* Kept in sight at the window's bottom edge while the preferences scroll. */}
        <div className="actions sticky-actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          {saved && <p role="status">Settings saved.</p>}
        </div>
      </form>
    </section>
  );
}
