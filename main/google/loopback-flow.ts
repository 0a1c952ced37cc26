import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/env-config';
import { DeskFailure } from '../app/desk-failure';
import { createOAuthClient } from './oauth-client';
import { callbackPage } from './callback-page';

export interface LoopbackFlowOptions {
  google: AppConfig['google'];
  scopes: string[];
  /** Opens the consent URL in the system browser. */
  openBrowser: (url: string) => Promise<void>;
  timeoutMs?: number;
  loginHint?: string;
  includeGrantedScopes?: boolean;
}

export interface AuthorizationGrant {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

const callbackPath = '/oauth2/callback';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * RFC 8252 desktop sign-in: the system browser, a redirect to an ephemeral port on 127.0.0.1 that
 * listens only while this attempt runs, PKCE S256 with a fresh verifier and a one-time state, and a
 * timeout after which the listener closes. Resolves with the code to exchange; every failure is a
 * DeskFailure with a sentence for the person.
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
      () => finish({ error: new DeskFailure('unavailable', `Google sign-in timed out after ${Math.round(timeoutMs / 60_000) || 1} minutes. Nothing was saved; try again when you're ready.`) }),
      timeoutMs,
    );
    timer.unref();
    server.on('request', (req, res) => {
      const reply = (status: number, ok: boolean, message: string) => {
        res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
        res.end(callbackPage(ok, message));
      };
      const requestUrl = new URL(req.url ?? '/', redirectUri);
      if (requestUrl.pathname !== callbackPath) return reply(404, false, 'This address is only for Interview Desk sign-in.');
      if (settled) return reply(410, false, 'This sign-in link was already used. Go back to Interview Desk to start again.');
      const params = requestUrl.searchParams;
      const returnedState = params.get('state');
      if (!returnedState || !same(returnedState, state)) {
        reply(400, false, 'This sign-in response did not come from the request Interview Desk made, so it was ignored. Start again from the app.');
        return finish({ error: new DeskFailure('forbidden', 'The sign-in response did not match the request (state check failed). Nothing was saved; please try again.') });
      }
      const error = params.get('error');
      if (error) {
        reply(200, false, error === 'access_denied' ? 'You declined access. Nothing was connected.' : `Google reported an error: ${error}.`);
        return finish({
          error: new DeskFailure(
            'forbidden',
            error === 'access_denied' ? 'You declined access in the browser, so no Google account was connected.' : `Google sign-in failed (${error.slice(0, 60)}). Nothing was saved.`,
          ),
        });
      }
      const code = params.get('code');
      if (!code) {
        reply(400, false, 'Google did not send an authorization code.');
        return finish({ error: new DeskFailure('invalid_input', 'Google did not send an authorization code. Nothing was saved; please try again.') });
      }
      reply(200, true, 'You are connected. You can close this tab and return to Interview Desk.');
      finish({ grant: { code, codeVerifier, redirectUri } });
    });
  });
  try {
    await options.openBrowser(url);
  } catch (error) {
    settled = true;
    server.close();
    throw new DeskFailure('unavailable', `The browser could not be opened for Google sign-in: ${(error as Error).message}`);
  }
  return result;
}
