import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../config/env-config';
import { DeskFailure } from '../../shared/desk-failure';
import { createOAuthClient } from './oauth-client';
import { callbackPage } from './callback-page';
import { callbackPath, judgeCallback } from './callback-verdict';

export interface LoopbackFlowOptions {
  google: AppConfig['google'];
  scopes: string[];
  /** Opens the consent URL in the system browser. */
  openBrowser: (url: string) => Promise<void>;
  timeoutMs?: number;
  loginHint?: string;
  includeGrantedScopes?: boolean;
  /** More access for an account already connected: a refusal says the account stays as it was. */
  addingAccess?: boolean;
  /** Ends the attempt early (cancelled, or replaced by a newer one): the listener closes, the state dies. */
  signal?: AbortSignal;
  /** Told the consent URL once the listener is up, so the page can be opened again. */
  onConsentUrl?: (url: string) => void;
}

export interface AuthorizationGrant {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

/**
 * RFC 8252 desktop sign-in: the system browser, a redirect to an ephemeral port on 127.0.0.1 that
 * listens only while this attempt runs, PKCE S256 with a fresh verifier and a one-time state, and a
 * timeout after which the listener closes. Requests without this attempt's state are answered 400
 * and ignored until the timeout (see judgeCallback). Resolves with the code to exchange; every
 * failure is a DeskFailure with a sentence for the person.
 */
export async function runLoopbackFlow(options: LoopbackFlowOptions): Promise<AuthorizationGrant> {
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const state = randomBytes(32).toString('base64url');
  let settled = false;
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${callbackPath}`;
  const client = createOAuthClient(options.google, redirectUri);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: options.scopes,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as never,
    ...(options.includeGrantedScopes ? { include_granted_scopes: true } : {}),
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
  });

  const result = new Promise<AuthorizationGrant>((resolve, reject) => {
    const finish = (outcome: { grant: AuthorizationGrant } | { error: DeskFailure }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Stop listening at once; answer anything still queued as "already used".
      server.close();
      setImmediate(() => server.closeIdleConnections());
      setTimeout(() => server.closeAllConnections(), 1000).unref();
      if ('grant' in outcome) resolve(outcome.grant);
      else reject(outcome.error);
    };
    const timer = setTimeout(
      () =>
        finish({
          error: new DeskFailure(
            'unavailable',
            `Google sign-in timed out after ${Math.round(timeoutMs / 60_000) || 1} minutes. Nothing was saved; try again when you're ready.`,
          ),
        }),
      timeoutMs,
    );
    timer.unref();
    const abort = () => {
      const reason: unknown = options.signal?.reason;
      finish({
        error:
          reason instanceof DeskFailure
            ? reason
            : new DeskFailure('unavailable', 'Google sign-in was cancelled. Nothing was saved.'),
      });
    };
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    server.on('request', (req, res) => {
      const reply = (status: number, ok: boolean, message: string) => {
        res.writeHead(status, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        });
        res.end(callbackPage(ok, message));
      };
      if (settled)
        return reply(410, false, 'This sign-in link was already used. Go back to Interview Desk to start again.');
      const verdict = judgeCallback(req.method, req.url, state, options.addingAccess === true);
      try {
        reply(verdict.status, verdict.kind === 'grant', verdict.page);
      } catch {
        // A broken socket while answering must not take the app down.
        res.destroy();
      }
      // A forged or stray request is answered and ignored: only our own response ends the wait.
      if (verdict.kind === 'fail') finish({ error: verdict.error });
      if (verdict.kind === 'grant') finish({ grant: { code: verdict.code, codeVerifier, redirectUri } });
    });
  });
  options.onConsentUrl?.(url);
  try {
    await options.openBrowser(url);
  } catch (error) {
    if (settled) return result;
    settled = true;
    server.close();
    throw new DeskFailure(
      'unavailable',
      `The browser could not be opened for Google sign-in: ${(error as Error).message}`,
    );
  }
  return result;
}
