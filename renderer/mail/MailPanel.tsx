import { useId, useState, type FormEvent } from 'react';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { Field } from '../common/Field';
import { FieldErrorSummary, isFormWide, useFormErrors } from '../common/FieldError';
import { useCall } from '../common/use-call';

const securityWords: Record<Settings['smtp']['security'], string> = { tls: 'TLS', starttls: 'STARTTLS', none: 'None' };

/** The panel's fields by the contract's names, as their labels read (the error summary names them so). */
const labels = {
  mailTransport: 'Send invitations with',
  'smtp.host': 'SMTP server',
  'smtp.port': 'Port',
  'smtp.security': 'Security',
  'smtp.user': 'User name',
  password: 'Password',
  'smtp.fromAddress': 'Send from (address)',
} as const;

/** Settings → Email: SMTP server (password in the keychain) or Gmail, and "Send test email". */
export function MailPanel({ initial }: { initial: Settings }) {
  const [smtp, setSmtp] = useState(initial.smtp);
  const [transport, setTransport] = useState(initial.mailTransport);
  const [password, setPassword] = useState('');
  // Main's refusals go beside the field they are about, as on the rest of Settings.
  const { error, setError, edited } = useFormErrors();
  const [status, setStatus] = useState<string | undefined>();
  // SMTP set by the environment wins over these fields: it is shown as text, with where it comes from.
  const info = useCall(() => desk.app.info());
  const override = info.value?.smtpOverride;
  const noteId = useId();
  const change = <K extends keyof typeof smtp>(key: K, value: (typeof smtp)[K]) => {
    setSmtp({ ...smtp, [key]: value });
    edited(`smtp.${key}`);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(undefined);
    if (transport === 'gmail') {
      setStatus('Finish in your browser: Google asks to let Interview Desk send mail.');
      const result = await desk.mail.useGmail();
      if (!result.ok) return setError(result.error);
      setError(undefined);
      return setStatus('Invitations will be sent with Gmail.');
    }
    const saved = await desk.settings.update({ mailTransport: 'smtp', smtp: { ...smtp, port: Number(smtp.port) } });
    if (!saved.ok) return setError(saved.error);
    if (password) {
      const stored = await desk.mail.setSmtpPassword(password);
      // The call takes the password alone, so its refusal is about the Password field.
      if (!stored.ok)
        return setError(
          stored.error.code === 'invalid_input'
            ? { ...stored.error, field: 'password', fields: [{ field: 'password', message: stored.error.message }] }
            : stored.error,
        );
      setPassword('');
    }
    setError(undefined);
    setStatus('Email settings saved. The password is kept in your system keychain.');
  };
  const test = async () => {
    setStatus('Sending…');
    const result = await desk.mail.sendTest();
    if (result.ok) {
      setError(undefined);
      setStatus(
        `Test email sent to ${result.value.to} through ${result.value.transport}. The server said: ${result.value.response || 'OK'}`,
      );
    } else {
      setStatus(undefined);
      setError(result.error);
    }
  };
  // The one address field: shown with the other SMTP fields, or alone when the server was set at start.
  const sendFrom = (
    <Field label={labels['smtp.fromAddress']} name="smtp.fromAddress" error={error}>
      {(c) => (
        <input {...c} type="email" value={smtp.fromAddress} onChange={(e) => change('fromAddress', e.target.value)} />
      )}
    </Field>
  );
  return (
    <section className="panel account" aria-labelledby="mail-title">
      <h2 id="mail-title">Email</h2>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <Field label={labels.mailTransport} name="mailTransport" error={error}>
          {(c) => (
            <select
              {...c}
              value={transport}
              onChange={(e) => setTransport(e.target.value as Settings['mailTransport'])}
            >
              <option value="smtp">An SMTP server</option>
              <option value="gmail">Gmail (my connected Google account)</option>
            </select>
          )}
        </Field>
        {transport === 'smtp' && override && (
          <>
            <p className="read-only-note" id={noteId}>
              The SMTP server, port, security, user and password come from how Interview Desk was started on this
              computer (whoever set it up chose them), so they can't be changed here.
              {override.security === 'starttls' && ' Mail is encrypted (STARTTLS) only when the server offers it.'}
            </p>
            <dl className="details" aria-describedby={noteId} data-testid="smtp-from-start">
              <dt>SMTP server</dt>
              <dd>{override.host}</dd>
              <dt>Port</dt>
              <dd>{override.port}</dd>
              <dt>Security</dt>
              <dd>{securityWords[override.security]}</dd>
              <dt>User name</dt>
              <dd>{override.user || 'None'}</dd>
              <dt>Password</dt>
              <dd>
                {override.passwordSet
                  ? 'Set when the app was started (not shown)'
                  : 'None: the app was started without one'}
              </dd>
            </dl>
            {sendFrom}
          </>
        )}
        {transport === 'smtp' && !override && (
          <div className="row">
            <div>
              <Field label={labels['smtp.host']} name="smtp.host" error={error}>
                {(c) => (
                  <input
                    {...c}
                    value={smtp.host}
                    onChange={(e) => change('host', e.target.value)}
                    placeholder="smtp.example.com"
                  />
                )}
              </Field>
            </div>
            <div>
              <Field label={labels['smtp.port']} name="smtp.port" error={error}>
                {(c) => (
                  <input
                    {...c}
                    inputMode="numeric"
                    value={String(smtp.port)}
                    onChange={(e) => change('port', Number(e.target.value))}
                  />
                )}
              </Field>
            </div>
            <div>
              <Field label={labels['smtp.security']} name="smtp.security" error={error}>
                {(c) => (
                  <select
                    {...c}
                    value={smtp.security}
                    onChange={(e) => change('security', e.target.value as Settings['smtp']['security'])}
                  >
                    <option value="starttls">STARTTLS</option>
                    <option value="tls">TLS</option>
                    <option value="none">None (local servers only)</option>
                  </select>
                )}
              </Field>
            </div>
            <div>
              <Field label={labels['smtp.user']} name="smtp.user" error={error}>
                {(c) => (
                  <input {...c} value={smtp.user} onChange={(e) => change('user', e.target.value)} autoComplete="off" />
                )}
              </Field>
            </div>
            <div>
              <Field label={labels.password} name="password" error={error}>
                {(c) => (
                  <input
                    {...c}
                    type="password"
                    value={password}
                    onChange={(e) => (setPassword(e.target.value), edited('password'))}
                    autoComplete="new-password"
                    placeholder="unchanged"
                  />
                )}
              </Field>
            </div>
            <div>{sendFrom}</div>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Save email settings
          </button>
          <button type="button" onClick={() => void test()}>
            Send test email
          </button>
        </div>
      </form>
      {status && <p role="status">{status}</p>}
      {isFormWide(error, Object.keys(labels)) && <ErrorMessage error={error} />}
      <FieldErrorSummary error={error} labels={labels} />
    </section>
  );
}
