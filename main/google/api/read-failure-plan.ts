/**
 * What a background Google read that failed (after the one retry policy inside the call) asks of the
 * job that made it: the person must act (no account, a revoked sign-in, no keychain: stop and wait),
 * the scope is missing (park until it is granted), Google is busy or unreachable (look again after a
 * backoff), or Google will not give it (record why). Pure apart from reading the error.
 */
import { DeskFailure } from '../../shared/desk-failure';
import { describeGoogleError } from './google-errors';
import { toGoogleRequestError, type GoogleRequestError } from './google-request-error';
import { backoffDelay, GoogleCallError, type RetryOptions } from './retry-policy';

/** The job's answer to one failed read. */
export type ReadFailurePlan =
  /** Stop the run and throw `error`; `reconnect` when Google said the sign-in is no longer valid (the banner). */
  | { kind: 'person'; error: DeskFailure; reason: string; reconnect: boolean }
  | { kind: 'scope_missing'; failure: GoogleRequestError }
  | { kind: 'retry'; delayMs: number; failure: GoogleRequestError }
  | { kind: 'give_up'; failure: GoogleRequestError };

/** How many passing failures in a row, and the backoff between them. */
export type ReadBackoff = { maxAttempts: number } & Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>;

/** Plans the answer to `caught`, the `attempts`-th failure in a row. */
export function planReadFailure(caught: unknown, attempts: number, backoff: ReadBackoff): ReadFailurePlan {
  // The client wraps what getting a token threw (no account, revoked, no keychain): unwrap it.
  const error = caught instanceof Error && caught.cause instanceof DeskFailure ? caught.cause : caught;
  if (error instanceof DeskFailure) return { kind: 'person', error, reason: error.message, reconnect: false };
  const failure = toGoogleRequestError(error);
  if (failure.kind === 'needs_reconnect')
    return {
      kind: 'person',
      error: new DeskFailure(
        'needs_reconnect',
        'Google access has expired or was revoked. Reconnect your Google account; your data is kept.',
      ),
      reason: failure.message,
      reconnect: true,
    };
  if (failure.kind === 'scope_missing') return { kind: 'scope_missing', failure };
  if (failure.kind === 'unavailable' && attempts < backoff.maxAttempts) {
    const described =
      failure.cause instanceof GoogleCallError ? failure.cause.failure : describeGoogleError(failure.cause);
    return { kind: 'retry', delayMs: backoffDelay(attempts, described, backoff), failure };
  }
  return { kind: 'give_up', failure };
}
