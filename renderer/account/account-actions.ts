import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';

/** What a connect or disconnect came to, in the words shown to the recruiter. */
export interface AccountOutcome {
  message?: string;
  error?: DeskError;
}

// Which connect attempt is the live one: an attempt replaced by a newer one, or cancelled, ends
// with an error from main that is no news to the person, so it is not shown.
let latestAttempt = 0;

/** Connects (or reconnects) Google through the system browser; a new call replaces a waiting one. */
export async function connectAccount(): Promise<AccountOutcome> {
  const mine = ++latestAttempt;
  const result = await desk.account.connect();
  if (mine !== latestAttempt) return {};
  return result.ok ? {} : { error: result.error };
}

/** Opens the waiting sign-in's Google page again. */
export async function reopenSignIn(): Promise<AccountOutcome> {
  const result = await desk.account.reopenSignIn();
  if (!result.ok) return { error: result.error };
  return result.value.reopened ? {} : { message: 'That sign-in has already ended. Choose Connect to start again.' };
}

/** Ends the waiting sign-in. */
export async function cancelSignIn(): Promise<AccountOutcome> {
  latestAttempt++;
  const result = await desk.account.cancelSignIn();
  return result.ok ? { message: 'Google sign-in cancelled. Nothing was saved.' } : { error: result.error };
}

/** Disconnects Google (the caller has asked for confirmation) and says whether Google revoked access. */
export async function disconnectAccount(): Promise<AccountOutcome> {
  const result = await desk.account.disconnect();
  if (!result.ok) return { error: result.error };
  return {
    message: result.value.revoked
      ? 'Disconnected, and access was revoked at Google.'
      : 'Disconnected here; Google could not be reached to revoke access.',
  };
}
