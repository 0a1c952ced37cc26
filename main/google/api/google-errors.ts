/**
 * Reading Google API failures the same way everywhere: HTTP status, Google's `errors[].reason`,
 * `Retry-After`, and OAuth's `invalid_grant`. Works on gaxios errors (googleapis) and plain objects.
 */
export interface GoogleFailure {
  status: number | undefined;
  reason: string | undefined;
  message: string;
  retryAfterMs: number | undefined;
  /** No HTTP answer at all: refused, reset, timed out, DNS. */
  network: boolean;
  /** The refresh token is no longer valid: the person must reconnect. */
  invalidGrant: boolean;
}

type Loose = Record<string, unknown>;

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Loose)[name] ?? (headers as Loose)[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ABORT_ERR',
  'TimeoutError',
  'AbortError',
]);

/** Describes any error thrown by a Google call. */
export function describeGoogleError(error: unknown, now = Date.now()): GoogleFailure {
  const e = (error ?? {}) as Loose;
  const response = e.response as Loose | undefined;
  const status =
    typeof e.status === 'number'
      ? e.status
      : typeof response?.status === 'number'
        ? (response.status as number)
        : undefined;
  const data = (response?.data ?? {}) as Loose;
  const apiError = (data.error && typeof data.error === 'object' ? data.error : undefined) as Loose | undefined;
  // Older APIs (Calendar, Gmail) name the reason in errors[]; newer ones (Meet v2) in a google.rpc.ErrorInfo detail.
  const detailReason = (apiError?.details as Loose[] | undefined)?.find((d) => typeof d?.reason === 'string')
    ?.reason as string | undefined;
  const reason = ((apiError?.errors as Loose[] | undefined)?.[0]?.reason as string | undefined) ?? detailReason;
  const oauthError = typeof data.error === 'string' ? data.error : undefined;
  const message =
    (apiError?.message as string | undefined) ??
    (typeof data.error_description === 'string' ? data.error_description : undefined) ??
    (typeof e.message === 'string' ? e.message : 'Unknown error');
  const code = typeof e.code === 'string' ? e.code : (e.cause as Loose | undefined)?.code;
  const network =
    status === undefined &&
    (networkCodes.has(String(code)) ||
      networkCodes.has(String(e.name)) ||
      /fetch failed|socket hang up|network|timeout|aborted/i.test(String(e.message)));
  return {
    status,
    reason: reason ?? oauthError,
    message,
    retryAfterMs: parseRetryAfter(header(response?.headers, 'retry-after'), now),
    network,
    invalidGrant: oauthError === 'invalid_grant' || /invalid_grant/.test(String(e.message)),
  };
}

/** The one rule for what is worth retrying: 429, 5xx, rate-limit 403s and network failures; never other 4xx. */
export function isRetryable(failure: GoogleFailure): boolean {
  if (failure.invalidGrant) return false;
  if (failure.network) return true;
  if (failure.status === undefined) return false;
  if (failure.status === 429 || failure.status >= 500) return true;
  return (
    failure.status === 403 && (failure.reason === 'rateLimitExceeded' || failure.reason === 'userRateLimitExceeded')
  );
}
