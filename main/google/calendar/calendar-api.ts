import { google, type calendar_v3 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { DeskFailure } from '../../shared/desk-failure';
import type { AccountService } from '../account/account-service';
import { describeGoogleError } from '../api/google-errors';
import { GoogleCallError, withGoogleRetry, type RetryOptions } from '../api/retry-policy';

export interface CalendarApiDeps {
  apiUrl: string;
  account: AccountService;
  retry?: Partial<RetryOptions>;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
}

/** Calls to the Calendar API: retried by the app's policy, an expired or revoked grant turned into "reconnect". */
export interface CalendarApi {
  /** Runs `run` with the account's credentials; `idempotent: false` retries only what never reached Google. */
  call<T>(run: (cal: calendar_v3.Calendar) => Promise<T>, idempotent?: boolean): Promise<T>;
  /** The HTTP status of a failed call (undefined when it never got one). */
  status(error: unknown): number | undefined;
  /** Options for every request: the app retries, not the client library. */
  readonly requestOptions: { readonly retry: false; readonly timeout: number };
}

export function createCalendarApi(deps: CalendarApiDeps): CalendarApi {
  const { account } = deps;
  const requestOptions = { retry: false, timeout: deps.requestTimeoutMs ?? 20_000 } as const;
  const retry = (idempotent = true) => ({ ...deps.retry, idempotent });

  const api = (auth: OAuth2Client): calendar_v3.Calendar =>
    google.calendar({ version: 'v3', auth, rootUrl: deps.apiUrl });
  const call = async <T>(run: (cal: calendar_v3.Calendar) => Promise<T>, idempotent = true): Promise<T> => {
    const cal = api(await account.authClient());
    try {
      return await withGoogleRetry(() => run(cal), retry(idempotent));
    } catch (error) {
      if (error instanceof GoogleCallError && error.failure.invalidGrant) {
        account.markNeedsReconnect(error.failure.message);
        throw new DeskFailure(
          'needs_reconnect',
          'Google access has expired or was revoked. Reconnect your Google account; your data and queued changes are kept.',
        );
      }
      throw error;
    }
  };
  const status = (error: unknown) =>
    error instanceof GoogleCallError ? error.failure.status : describeGoogleError(error).status;

  return { call, status, requestOptions };
}
