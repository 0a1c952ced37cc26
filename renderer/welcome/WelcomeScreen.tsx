import { useState } from 'react';
import type { DeskError } from '../../preload/contract/result';
import { ErrorMessage } from '../common/ErrorMessage';
import { InvitationForm } from './InvitationForm';
import { FirstRunStep } from './FirstRunStep';
import type { AccountStatus } from '../../preload/contract/ipc-contract';
import type { Settings } from '../../preload/contract/settings-schema';

/**
 * The first screen: connect (recruiters) or check devices (candidates). On first run a recruiter is
 * asked for the company and who they are (after connecting, or when setting up with email only).
 */
export function WelcomeScreen({
  onDeviceCheck,
  onConnect,
  account,
  settings,
  onSetupDone,
}: {
  onDeviceCheck: () => void;
  onConnect?: () => Promise<DeskError | undefined>;
  account?: AccountStatus | undefined;
  settings?: Settings | undefined;
  onSetupDone?: () => void;
}) {
  const [error, setError] = useState<DeskError | undefined>();
  const [busy, setBusy] = useState(false);
  const [emailOnly, setEmailOnly] = useState(false);
  const connected = !!account && account.state !== 'disconnected';
  const askSetup = !!settings && !settings.firstRunDone && (connected || emailOnly);
  const connect = async () => {
    if (!onConnect) {
      setError({ code: 'unavailable', message: 'Connecting a Google account is not available in this version yet.' });
      return;
    }
    setBusy(true);
    setError(undefined);
    const failure = await onConnect();
    setError(failure);
    setBusy(false);
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Interview Desk</h1>
      <p className="lead">Schedule interviews with Google Calendar and Meet, send proper invitations, and make sure everyone can be seen and heard.</p>
      <div className="welcome-choices">
        <article className="choice">
          <h2>I schedule interviews</h2>
          {askSetup && settings ? (
            <FirstRunStep account={account} settings={settings} onDone={() => onSetupDone?.()} />
          ) : (
            <>
              <p>Connect your Google account to create Calendar events with Meet links and keep them in sync.</p>
              <button type="button" className="primary" onClick={() => void connect()} disabled={busy}>
                Connect Google account
              </button>
              {settings && !settings.firstRunDone && !connected && (
                <p>
                  <button type="button" className="link" onClick={() => setEmailOnly(true)}>
                    No Google account? Set up with email only
                  </button>
                </p>
              )}
            </>
          )}
        </article>
        <article className="choice">
          <h2>I'm joining an interview</h2>
          <p>Check your camera, microphone, speakers and network before the call. No account needed.</p>
          <button type="button" onClick={onDeviceCheck}>
            Run device check
          </button>
          <h3>I have an invitation</h3>
          <p>Paste the link from your invitation email to see the interview here, with a countdown and reminders.</p>
          <InvitationForm />
        </article>
      </div>
      {busy && <p role="status">Finish signing in in your browser, then come back here.</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
