/**
 * One typed failure for the narrow read-only Google calls (free/busy, Meet attendance): what went
 * wrong in the terms the app acts on, after the one retry policy has given up.
 */
import { describeGoogleError } from './google-errors';
import { GoogleCallError } from './retry-policy';

/** Why a Google call failed, as the app acts on it. */
export type GoogleFailureKind =
  /** The token lacks the scope: ask for it (incremental consent). */
  | 'scope_missing'
  /** Allowed scope, but not this resource (not the space's owner or participant, say). */
  | 'forbidden'
  | 'not_found'
  /** A bad argument: a bug, or input that is not what it claims. */
  | 'invalid_request'
  /** The refresh token was revoked or expired: the reconnect banner. */
  | 'needs_reconnect'
  /** 429/5xx/network after the retry policy gave up: try again later; nothing is lost. */
  | 'unavailable'
  /** Google kept sending more than the app reads for one item (a request budget ran out). */
  | 'too_large';

/** A Google call that failed for good, with its kind. */
export class GoogleRequestError extends Error {
  constructor(
    readonly kind: GoogleFailureKind,
    message: string,
    readonly status: number | undefined,
    readonly attempts: number,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'GoogleRequestError';
  }
}

// Calendar says insufficientPermissions in errors[]; the newer APIs say ACCESS_TOKEN_SCOPE_INSUFFICIENT in an ErrorInfo.
const scopeReasons = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);

/** Turns whatever a Google call threw (usually a GoogleCallError from the retry policy) into a GoogleRequestError. */
export function toGoogleRequestError(error: unknown): GoogleRequestError {
  if (error instanceof GoogleRequestError) return error;
  const attempts = error instanceof GoogleCallError ? error.attempts : 1;
  const f = error instanceof GoogleCallError ? error.failure : describeGoogleError(error);
  const kind: GoogleFailureKind =
    f.invalidGrant || f.status === 401
      ? 'needs_reconnect'
      : f.status === 403 && f.reason !== undefined && scopeReasons.has(f.reason)
        ? 'scope_missing'
        : f.status === 403
          ? 'forbidden'
          : f.status === 404
            ? 'not_found'
            : f.status === 400
              ? 'invalid_request'
              : 'unavailable';
  return new GoogleRequestError(kind, f.message, f.status, attempts, error);
}
