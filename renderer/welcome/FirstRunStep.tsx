import { useId, useState, type FormEvent } from 'react';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { FieldError, invalidProps } from '../common/FieldError';

/**
 * The first-run step: the company named in invitations, and who the recruiter is (pre-filled from
 * the Google account when one is connected). Skipping is fine: emails are then worded without a company.
 */
export function FirstRunStep({
  account,
  settings,
  onDone,
  focusOnOpen = false,
}: {
  account: AccountStatus | undefined;
  settings: Settings;
  onDone: () => void;
  focusOnOpen?: boolean;
}) {
  const google = account && account.state !== 'disconnected' ? account : undefined;
  const [company, setCompany] = useState(settings.companyName);
  const [name, setName] = useState(settings.recruiterName || google?.name || '');
  const [email, setEmail] = useState(settings.recruiterEmail || google?.email || '');
  const [error, setError] = useState<DeskError | undefined>();
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), company: useId(), name: useId(), email: useId() };
  const finish = async (patch: Parameters<typeof desk.settings.update>[0]) => {
    setBusy(true);
    const result = await desk.settings.update({ ...patch, firstRunDone: true });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void finish({ companyName: company, recruiterName: name, recruiterEmail: email });
  };
  return (
    <form className="form first-run" onSubmit={save} noValidate aria-labelledby={ids.title}>
      <h3 id={ids.title}>About you and your company</h3>
      <p className="muted">
        Invitations name your company and come from you.
        {google ? ' Your name and email are taken from your Google account.' : ''}
      </p>
      <label htmlFor={ids.company}>Company name (optional)</label>
      {/* When the step replaces the button the person just pressed, their focus continues here. */}
      <input
        id={ids.company}
        autoFocus={focusOnOpen}
        value={company}
        onChange={(e) => setCompany(e.target.value)}
        autoComplete="organization"
        {...invalidProps(error, 'companyName', `${ids.company}-e`)}
      />
      <FieldError error={error} field="companyName" id={`${ids.company}-e`} />
      <label htmlFor={ids.name}>Your name</label>
      <input
        id={ids.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="name"
        {...invalidProps(error, 'recruiterName', `${ids.name}-e`)}
      />
      <FieldError error={error} field="recruiterName" id={`${ids.name}-e`} />
      <label htmlFor={ids.email}>Your email</label>
      <input
        id={ids.email}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="email"
        {...invalidProps(error, 'recruiterEmail', `${ids.email}-e`)}
      />
      <FieldError error={error} field="recruiterEmail" id={`${ids.email}-e`} />
      {error && !['companyName', 'recruiterName', 'recruiterEmail'].includes(error.field ?? '') && (
        <ErrorMessage error={error} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save and continue
        </button>
        <button type="button" onClick={() => void finish({})} disabled={busy}>
          Skip for now
        </button>
      </div>
    </form>
  );
}
