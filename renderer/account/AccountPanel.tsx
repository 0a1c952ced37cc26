import { useState } from 'react';
import type { AccountStatus } from '../../preload/contract/ipc-contract';
import type { DeskError } from '../../preload/contract/result';
import { ErrorMessage } from '../common/ErrorMessage';
import { connectAccount, disconnectAccount } from './account-actions';

/** Settings → Google account: who is connected, connect / reconnect / disconnect. */
export function AccountPanel({ status }: { status: AccountStatus | undefined }) {
  const [busy, setBusy] = useState<'connect' | 'disconnect' | undefined>();
  const [error, setError] = useState<DeskError | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const connect = async () => {
    setBusy('connect');
    setMessage('Finish signing in in your browser, then come back here.');
    const outcome = await connectAccount();
    setBusy(undefined);
    setMessage(undefined);
    setError(outcome.error);
  };
  const disconnect = async () => {
    if (!window.confirm('Disconnect your Google account? Interviews stay in Interview Desk; Calendar sync stops.')) return;
    setBusy('disconnect');
    const outcome = await disconnectAccount();
    setBusy(undefined);
    setError(outcome.error);
    if (outcome.message) setMessage(outcome.message);
  };
  const connected = status && status.state !== 'disconnected' ? status : undefined;
  return (
    <section className="panel account" aria-labelledby="account-title">
      <h2 id="account-title">Google account</h2>
      {connected ? (
        <div className="account-row">
          {connected.picture && <img src={connected.picture} alt="" width={40} height={40} className="avatar" referrerPolicy="no-referrer" />}
          <div>
            <strong>{connected.name}</strong>
            <div className="muted">{connected.email}</div>
            {connected.state === 'needs_reconnect' && <div className="warning-text">Needs reconnecting</div>}
          </div>
          <div className="actions">
            {connected.state === 'needs_reconnect' && (
              <button type="button" className="primary" onClick={() => void connect()} disabled={!!busy}>
                Reconnect
              </button>
            )}
            <button type="button" onClick={() => void disconnect()} disabled={!!busy}>
              Disconnect
            </button>
          </div>
        </div>
      ) : (
        <div className="account-row">
          <p className="muted">Connect to create Calendar events with Meet links and keep them in sync.</p>
          <button type="button" className="primary" onClick={() => void connect()} disabled={!!busy}>
            Connect Google account
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
