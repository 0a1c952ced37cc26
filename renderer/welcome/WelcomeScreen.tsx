import { useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { ErrorMessage } from '../common/ErrorMessage';
import { InvitationForm } from './InvitationForm';
import { FirstRunStep } from './FirstRunStep';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { noGoogleWords } from '../account/SignInWaiting';

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
  const [emailOnly, setEmailOnly] = useState(false);
  // The first-run step replaced the button that had focus: focus moves into it.
  const [stepReplacesButton, setStepReplacesButton] = useState(false);
  const connected = !!account && account.state !== 'disconnected';
  const askSetup = !!settings && !settings.firstRunDone && (connected || emailOnly);
  const connect = async () => {
    if (!onConnect) {
      setError({ code: 'unavailable', message: 'Connecting a Google account is not available in this version yet.' });
      return;
    }
    setError(undefined);
    // Set before connecting: the step appears (replacing this button) as soon as the account is connected.
    setStepReplacesButton(true);
    setError(await onConnect());
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Interview Desk</h1>
      <p className="lead">
        Schedule interviews with Google Calendar and Meet, send proper invitations, and make sure everyone can be seen
        and heard.
      </p>
      <div className="welcome-choices">
        <article className="choice">
          <h2>I schedule interviews</h2>
          {askSetup && settings ? (
            <FirstRunStep
              account={account}
              settings={settings}
              onDone={() => onSetupDone?.()}
              focusOnOpen={stepReplacesButton}
            />
          ) : (
            <>
              {account?.signIn === 'unavailable' ? (
                <p className="note">{noGoogleWords}</p>
              ) : (
                <>
                  <p>Connect your Google account to create Calendar events with Meet links and keep them in sync.</p>
                  {/* Never locked while a sign-in waits: pressing it again starts a fresh one. */}
                  <button type="button" className="primary" onClick={() => void connect()}>
                    Connect Google account
                  </button>
                </>
              )}
              {settings && !settings.firstRunDone && !connected && (
                <p>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setEmailOnly(true);
                      setStepReplacesButton(true);
                    }}
                  >
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
      <ErrorMessage error={error} />
    </section>
  );
}
