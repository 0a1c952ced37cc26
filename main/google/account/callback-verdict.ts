import { timingSafeEqual } from 'node:crypto';
import { DeskFailure } from '../../shared/desk-failure';

/** The path of the loopback redirect URI. */
export const callbackPath = '/oauth2/callback';

/**
 * What one request to the loopback listener means for the sign-in:
 * - `ignore`: not our response (wrong path, wrong or missing state, wrong method): answer and keep waiting;
 * - `fail`: Google's response to our request, but no code (declined, or an error): answer and end the flow;
 * - `grant`: Google's response with the code: answer and end the flow with it.
 */
export type CallbackVerdict =
  | { kind: 'ignore'; status: number; page: string }
  | { kind: 'fail'; status: number; page: string; error: DeskFailure }
  | { kind: 'grant'; status: number; page: string; code: string };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Judges one request. Only a response carrying this attempt's one-time `state` may end the flow:
 * anything else is a forgery or noise (RFC 8252 §8.9), refused with a 400 and otherwise ignored, so a
 * local process or a page guessing the port cannot cancel the person's real sign-in. Never throws.
 */
export function judgeCallback(
  method: string | undefined,
  target: string | undefined,
  expectedState: string,
  /** An account is connected already and more access was asked for (a refusal leaves it as it was). */
  adding = false,
): CallbackVerdict {
  let url: URL;
  try {
    url = new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return { kind: 'ignore', status: 400, page: 'This address is only for Interview Desk sign-in.' };
  }
  if (url.pathname !== callbackPath)
    return { kind: 'ignore', status: 404, page: 'This address is only for Interview Desk sign-in.' };
  if (method !== 'GET')
    return { kind: 'ignore', status: 405, page: 'This address is only for Interview Desk sign-in.' };
  const params = url.searchParams;
  const states = params.getAll('state');
  if (states.length !== 1 || !same(states[0]!, expectedState)) {
    return {
      kind: 'ignore',
      status: 400,
      page: 'This sign-in response did not come from the request Interview Desk made, so it was ignored. If you are signing in, finish in the Google tab Interview Desk opened.',
    };
  }
  const error = params.get('error');
  if (error !== null) {
    if (error === 'access_denied') {
      return {
        kind: 'fail',
        status: 200,
        page: adding ? 'You declined access. Nothing was added.' : 'You declined access. Nothing was connected.',
        error: new DeskFailure(
          'forbidden',
          adding
            ? 'You declined access in the browser, so nothing was added; your Google account stays as it was. Choose Connect again if you change your mind.'
            : 'You declined access in the browser, so no Google account was connected. Choose Connect again if you change your mind.',
        ),
      };
    }
    // Google's error codes are short snake_case words; anything else is not repeated back.
    const shown = /^[a-z_]{1,40}$/.test(error) ? error : 'unknown error';
    return {
      kind: 'fail',
      status: 200,
      page: `Google reported an error: ${shown}.`,
      error: new DeskFailure('forbidden', `Google sign-in failed (${shown}). Nothing was saved; please try again.`),
    };
  }
  const codes = params.getAll('code');
  if (codes.length !== 1 || codes[0] === '') {
    return {
      kind: 'fail',
      status: 400,
      page: 'Google did not send an authorization code.',
      error: new DeskFailure(
        'invalid_input',
        'Google did not send an authorization code. Nothing was saved; please try again.',
      ),
    };
  }
  return {
    kind: 'grant',
    status: 200,
    page: 'You are connected. You can close this tab and return to Interview Desk.',
    code: codes[0]!,
  };
}
