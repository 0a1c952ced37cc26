import { useState } from 'react';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import { ErrorMessage } from '../common/ErrorMessage';
import { useAccountActions } from './use-account-actions';
import { noGoogleWords } from './SignInWaiting';
import { initialOf } from '../common/initial-of';
import { ConfirmDialog } from '../common/ConfirmDialog';

/** Settings → Google account: who is connected, connect / reconnect / disconnect. */
export function AccountPanel({ status }: { status: AccountStatus | undefined }) {
  const { busy, message, error, connect, disconnect } = useAccountActions();
  // Asked in the app's own modal dialog (as in the header menu), not the browser's window.confirm.
  const [asking, setAsking] = useState(false);
  const connected = status && status.state !== 'disconnected' ? status : undefined;
  return (
    <section className="panel account" aria-labelledby="account-title">
      <h2 id="account-title">Google account</h2>
      {connected ? (
        <div className="account-row">
          {/* An initial, as in the header: the Google picture would be a request to an outside server (and breaks offline). */}
          <span className="account-initial" aria-hidden="true">
            {initialOf(connected.name, connected.email)}
          </span>
          <div>
            <strong>{connected.name}</strong>
            <div className="muted">{connected.email}</div>
            {connected.state === 'needs_reconnect' && <div className="warning-text">Needs reconnecting</div>}
          </div>
          <div className="actions">
            {connected.state === 'needs_reconnect' && (
              <button type="button" className="primary" onClick={() => void connect()} disabled={busy}>
                Reconnect
              </button>
            )}
            <button type="button" onClick={() => setAsking(true)} disabled={busy}>
              Disconnect
            </button>
          </div>
          {asking && (
            <ConfirmDialog
              title={`Disconnect ${connected.email}?`}
              keepLabel="Stay connected"
              confirmLabel="Disconnect"
              onConfirm={() => void disconnect()}
              onClose={() => setAsking(false)}
            >
              <p>Interviews stay in Interview Desk; Calendar sync stops and access is revoked at Google.</p>
            </ConfirmDialog>
          )}
        </div>
      ) : (
        <div className="account-row">
          {status?.signIn === 'unavailable' ? (
            <p className="note">{noGoogleWords}</p>
          ) : (
            <>
              <p className="muted">Connect to create Calendar events with Meet links and keep them in sync.</p>
              <button type="button" className="primary" onClick={() => void connect()}>
                Connect Google account
              </button>
            </>
          )}
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
