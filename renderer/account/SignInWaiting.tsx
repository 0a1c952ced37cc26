import { useState } from 'react';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import { ErrorMessage } from '../common/ErrorMessage';
import { cancelSignIn, reopenSignIn, type AccountOutcome } from './account-actions';

/** The words shown where Connect would be when this copy carries no Google client. */
export const noGoogleWords =
  'This copy of Interview Desk was built without a Google connection. Ask whoever gave you the app for a version with Google sign-in; scheduling with a pasted Meet link works without it.';

/**
 * While a Google sign-in waits in the browser (also after a reload): say so at the top of every
 * screen, with the two ways on — open the page again, or cancel. Connect stays usable: a new attempt
 * replaces this one.
 */
export function SignInWaiting({ status }: { status: AccountStatus | undefined }) {
  const [outcome, setOutcome] = useState<AccountOutcome>({});
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<AccountOutcome>) => {
    setBusy(true);
    setOutcome(await action());
    setBusy(false);
  };
  const waiting = status?.signIn === 'waiting';
  // A new sign-in makes the last one's outcome old news (state adjusted while rendering, as React advises).
  const [wasWaiting, setWasWaiting] = useState(waiting);
  if (waiting !== wasWaiting) {
    setWasWaiting(waiting);
    if (waiting) setOutcome({});
  }
  if (!waiting && !outcome.message && !outcome.error) return null;
  return (
    <div className="banner sign-in-waiting" role="status" aria-label="Google sign-in">
      {waiting ? (
        <>
          <span>
            <strong>Google sign-in is waiting in your browser.</strong> Finish it there, then come back here.
          </span>
          <span className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void run(reopenSignIn)}>
              Open the sign-in page again
            </button>
            <button type="button" disabled={busy} onClick={() => void run(cancelSignIn)}>
              Cancel sign-in
            </button>
          </span>
        </>
      ) : (
        <span>{outcome.message}</span>
      )}
      <ErrorMessage error={outcome.error} />
      {!waiting && (
        <button type="button" className="link" onClick={() => setOutcome({})}>
          Close
        </button>
      )}
    </div>
  );
}
