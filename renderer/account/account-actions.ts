import type { DeskError } from '../../preload/contract/result';
import { desk } from '../bridge/desk';

/** What a connect or disconnect came to, in the words shown to the recruiter. */
export interface AccountOutcome {
  message?: string;
  error?: DeskError;
}

/** Connects (or reconnects) Google through the system browser. */
export async function connectAccount(): Promise<AccountOutcome> {
  const result = await desk.account.connect();
  return result.ok ? {} : { error: result.error };
}

/** Disconnects Google (the caller has asked for confirmation) and says whether Google revoked access. */
export async function disconnectAccount(): Promise<AccountOutcome> {
  const result = await desk.account.disconnect();
  if (!result.ok) return { error: result.error };
  return { message: result.value.revoked ? 'Disconnected, and access was revoked at Google.' : 'Disconnected here; Google could not be reached to revoke access.' };
}
