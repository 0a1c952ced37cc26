import { useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { connectAccount, disconnectAccount, type AccountOutcome } from './account-actions';

/**
 * Connect and disconnect as a screen shows them: busy while disconnecting, and the last outcome as a
 * message or an error in the screen's words. Shared by the header menu and Settings.
 */
export function useAccountActions() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<AccountOutcome>({});
  const connect = async () => {
    setOutcome({});
    // The banner at the top of the screen says the sign-in is waiting, with its two ways on.
    setOutcome(await connectAccount());
  };
  const disconnect = async () => {
    setOutcome({});
    setBusy(true);
    const done = await disconnectAccount();
    setBusy(false);
    setOutcome(done);
  };
  const dismiss = () => setOutcome({});
  return {
    busy,
    message: outcome.message,
    error: outcome.error as DeskError | undefined,
    connect,
    disconnect,
    dismiss,
  };
}
