import { describeGoogleError, isRetryable, type GoogleFailure } from './google-errors';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry is started once this much time has passed since the first attempt. */
  totalCapMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  totalCapMs: 90_000,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** A Google call that failed for good (not retryable, or out of attempts or time). */
export class GoogleCallError extends Error {
  constructor(
    readonly failure: GoogleFailure,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(failure.message, { cause });
    this.name = 'GoogleCallError';
  }
}

/** The delay before attempt `attempt` (1-based retries): full jitter over an exponential ceiling, or Retry-After when Google sets it. */
export function backoffDelay(
  attempt: number,
  failure: GoogleFailure,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, options.maxDelayMs * 4);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(options.random() * ceiling);
}

/**
 * The one retry policy for every Google call (gaxios' own retry is switched off: it does not retry
 * POST or 403 and ignores Retry-After). Exponential backoff with jitter, Retry-After honoured, a total
 * time cap; retries 429, 5xx, rate-limit 403s and network errors, never other 4xx. Callers pass
 * `idempotent: false` for a create without a client-chosen id: those are never retried blindly.
 */
export async function withGoogleRetry<T>(
  run: () => Promise<T>,
  options: Partial<RetryOptions> & { idempotent?: boolean } = {},
): Promise<T> {
  const o = { ...defaultRetryOptions, ...options };
  const started = o.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const failure = describeGoogleError(error, o.now());
      const retry = options.idempotent !== false && isRetryable(failure) && attempt < o.maxAttempts;
      const delay = retry ? backoffDelay(attempt, failure, o) : 0;
      if (!retry || o.now() - started + delay > o.totalCapMs) throw new GoogleCallError(failure, attempt, error);
      await o.sleep(delay);
    }
  }
}
