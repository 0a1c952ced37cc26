import { useState, type FormEvent } from 'react';
import type { Settings, SettingsProblem } from '../../preload/contract/settings-schema';
import type { DeskError } from '../../preload/contract/result';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-result';
import { ErrorMessage } from '../common/ErrorMessage';
import { AccountPanel } from '../account/AccountPanel';
import { MailPanel } from '../mail/MailPanel';
import type { AccountStatus } from '../../preload/contract/ipc-contract';

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
  };
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Settings: each field is labelled; main validates and a refusal names the field. */
export function SettingsScreen({ account }: { account: AccountStatus | undefined }) {
  const settings = useCall(() => desk.settings.get());
  const problems = useCall(() => desk.settings.problems());
  if (!settings.value) return <ErrorMessage error={settings.error} />;
  return (
    <>
      <h1 id="settings-title">Settings</h1>
      <SavedProblems problems={problems.value ?? []} />
      <AccountPanel status={account} />
      <MailPanel initial={settings.value} />
      <SettingsForm initial={settings.value} />
    </>
  );
}

/** Saved values that break their rule: kept in the file, not used for email until replaced here. */
function SavedProblems({ problems }: { problems: SettingsProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-message" role="alert" data-testid="settings-problems">
      <strong>Some saved settings are not valid.</strong> Interview Desk does not use them, and sends no email until they are fixed:
      <ul>
        {problems.map((p) => (
          <li key={p.field}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [error, setError] = useState<DeskError | undefined>();
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await desk.settings.update({
      recruiterName: draft.recruiterName,
      recruiterEmail: draft.recruiterEmail,
      joinDefault: draft.joinDefault,
      joinOpensMinutesBefore: number(draft.joinOpensMinutesBefore),
      joinClosesMinutesAfter: number(draft.joinClosesMinutesAfter),
      reminderOffsetsMinutes: draft.reminderOffsets.split(',').filter((p) => p.trim() !== '').map(number),
      companyName: draft.companyName,
      candidateDownloadUrl: draft.candidateDownloadUrl,
      brandColor: draft.brandColor,
      signOff: draft.signOff,
      closeToTray: draft.closeToTray,
      startAtLogin: draft.startAtLogin,
      googleSendsInvites: draft.googleSendsInvites,
      candidateReminderEmail: draft.candidateReminderEmail,
    });
    if (result.ok) {
      setError(undefined);
      setDraft(toDraft(result.value));
      setSaved(true);
    } else setError(result.error);
  };
  const invalid = (field: string) => (error?.field?.startsWith(field) ? true : undefined);

  return (
    <section className="panel" aria-label="Preferences">
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend>You</legend>
          <p className="muted">Used as the interviewer when no Google account is connected.</p>
          <label>
            Your name
            <input value={draft.recruiterName} aria-invalid={invalid('recruiterName')} onChange={(e) => set('recruiterName', e.target.value)} />
          </label>
          <label>
            Your email
            <input type="email" value={draft.recruiterEmail} aria-invalid={invalid('recruiterEmail')} onChange={(e) => set('recruiterEmail', e.target.value)} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Joining</legend>
          <label>
            Join interviews
            <select value={draft.joinDefault} onChange={(e) => set('joinDefault', e.target.value as Draft['joinDefault'])}>
              <option value="app">In the app window</option>
              <option value="browser">In my default browser</option>
            </select>
          </label>
          <label>
            Joining opens (minutes before start)
            <input inputMode="numeric" value={draft.joinOpensMinutesBefore} aria-invalid={invalid('joinOpensMinutesBefore')} onChange={(e) => set('joinOpensMinutesBefore', e.target.value)} />
          </label>
          <label>
            Joining closes (minutes after start)
            <input inputMode="numeric" value={draft.joinClosesMinutesAfter} aria-invalid={invalid('joinClosesMinutesAfter')} onChange={(e) => set('joinClosesMinutesAfter', e.target.value)} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Reminders</legend>
          <label>
            Remind me (minutes before, comma separated)
            <input value={draft.reminderOffsets} aria-invalid={invalid('reminderOffsetsMinutes')} onChange={(e) => set('reminderOffsets', e.target.value)} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Invitations</legend>
          <label>
            Company name
            <input value={draft.companyName} aria-invalid={invalid('companyName')} onChange={(e) => set('companyName', e.target.value)} />
          </label>
          <p className="hint">Named in invitations ("the Engineer position at Acme"). Leave it empty to word them without a company.</p>
          <label>
            Download link for Interview Desk (optional)
            <input type="url" value={draft.candidateDownloadUrl} placeholder="https://example.com/interview-desk" aria-invalid={invalid('candidateDownloadUrl')} onChange={(e) => set('candidateDownloadUrl', e.target.value)} />
          </label>
          <p className="hint">Offered to candidates under the Meet link, for those who want the app. Without it, emails offer no download.</p>
          <label>
            Brand colour
            <input value={draft.brandColor} aria-invalid={invalid('brandColor')} onChange={(e) => set('brandColor', e.target.value)} />
          </label>
          <label>
            Sign-off
            <input value={draft.signOff} aria-invalid={invalid('signOff')} onChange={(e) => set('signOff', e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.googleSendsInvites} onChange={(e) => set('googleSendsInvites', e.target.checked)} />
            Let Google Calendar email the invitations instead of Interview Desk
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.candidateReminderEmail} onChange={(e) => set('candidateReminderEmail', e.target.checked)} />
            Email candidates a reminder 24 hours before (skipped when their invitation went out less than 12 hours earlier)
          </label>
        </fieldset>
        <fieldset>
          <legend>Desktop</legend>
          <label className="check">
            <input type="checkbox" checked={draft.closeToTray} onChange={(e) => set('closeToTray', e.target.checked)} />
            Keep running in the tray when the window is closed
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.startAtLogin} onChange={(e) => set('startAtLogin', e.target.checked)} />
            Start Interview Desk when I log in
          </label>
        </fieldset>
        <ErrorMessage error={error} />
        {saved && <p role="status">Settings saved.</p>}
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>
    </section>
  );
}
