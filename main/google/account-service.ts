import { google } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { accountStatusSchema, type AccountStatus } from '../../preload/contract/ipc-contract';
import type { AppConfig } from '../config/env-config';
import { DeskFailure } from '../app/desk-failure';
import type { EventHub } from '../app/event-hub';
import type { Logger } from '../logging/logger';
import { KeychainUnavailableError, type SecretStore } from '../secrets/secret-store';
import type { KeyValueStore } from '../store/key-value-store';
import { runLoopbackFlow } from './loopback-flow';
import { baseScopes, createOAuthClient } from './oauth-client';
import { describeGoogleError } from './google-errors';

export interface AccountServiceDeps {
  google: AppConfig['google'];
  store: KeyValueStore;
  secrets: SecretStore;
  events: EventHub;
  log: Logger;
  openBrowser: (url: string) => Promise<void>;
  flowTimeoutMs?: number;
}

/** The connected Google account: sign-in, the keychain-held refresh token, an in-memory access token. */
export interface AccountService {
  status(): AccountStatus;
  /** Runs the browser sign-in; `extraScopes` adds scopes incrementally (e.g. gmail.send). */
  connect(extraScopes?: string[]): Promise<AccountStatus>;
  disconnect(): Promise<{ status: AccountStatus; revoked: boolean }>;
  /** An authorized client for API calls; throws needs_reconnect or keychain_unavailable. */
  authClient(): Promise<OAuth2Client>;
  /** Called by API users when Google answers invalid_grant. */
  markNeedsReconnect(reason: string): void;
  hasScope(scope: string): boolean;
  onChange(listener: (status: AccountStatus) => void): () => void;
}

interface StoredAccount {
  state: 'connected' | 'needs_reconnect';
  email: string;
  name: string;
  picture?: string;
  scopes: string[];
}

/** Creates the account service. */
export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { store, secrets, events, log } = deps;
  let pending = false;
  let client: OAuth2Client | undefined;
  const listeners = new Set<(status: AccountStatus) => void>();

  const stored = (): StoredAccount | undefined => {
    const raw = store.get('account') as StoredAccount | undefined;
    return raw && typeof raw.email === 'string' ? raw : undefined;
  };
  const status = (): AccountStatus => {
    const account = stored();
    if (!account) return { state: 'disconnected' };
    return accountStatusSchema.parse({ state: account.state, email: account.email, name: account.name, ...(account.picture ? { picture: account.picture } : {}) });
  };
  const changed = () => {
    const now = status();
    events.emit('account:changed', now);
    for (const listener of [...listeners]) listener(now);
  };

  const ensureConfigured = () => {
    if (!deps.google.clientId) {
      throw new DeskFailure('unavailable', 'Google sign-in is not set up: start Interview Desk with INTERVIEW_DESK_GOOGLE_CLIENT_ID (see the README for creating an OAuth desktop client).');
    }
  };

  return {
    status,
    hasScope: (scope) => stored()?.scopes.includes(scope) ?? false,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async connect(extraScopes = []) {
      ensureConfigured();
      if (pending) throw new DeskFailure('conflict', 'A Google sign-in is already waiting in your browser. Finish it there, or wait for it to time out.');
      pending = true;
      try {
        const previous = stored();
        const scopes = [...new Set([...baseScopes, ...(previous?.scopes ?? []), ...extraScopes])];
        const grant = await runLoopbackFlow({
          google: deps.google,
          scopes,
          openBrowser: deps.openBrowser,
          ...(deps.flowTimeoutMs ? { timeoutMs: deps.flowTimeoutMs } : {}),
          ...(previous ? { loginHint: previous.email, includeGrantedScopes: true } : {}),
        });
        const oauth = createOAuthClient(deps.google, grant.redirectUri);
        let tokens;
        try {
          ({ tokens } = await oauth.getToken({ code: grant.code, codeVerifier: grant.codeVerifier, redirect_uri: grant.redirectUri }));
        } catch (error) {
          throw new DeskFailure('unavailable', `Google did not accept the sign-in (${describeGoogleError(error).message}). Nothing was saved; please try again.`);
        }
        if (!tokens.refresh_token) throw new DeskFailure('unavailable', 'Google did not grant offline access. Nothing was saved; please try again.');
        oauth.setCredentials(tokens);
        const info = await google
          .oauth2({ version: 'v2', auth: oauth, rootUrl: deps.google.apiUrl, retry: false } as never)
          .userinfo.get()
          .then((r) => r.data)
          .catch((error: unknown) => {
            throw new DeskFailure('unavailable', `Could not read your Google profile (${describeGoogleError(error).message}).`);
          });
        const email = info.email ?? '';
        if (!email) throw new DeskFailure('unavailable', 'Google did not share your email address, which Interview Desk needs.');
        try {
          await secrets.set(email, tokens.refresh_token);
          if (previous && previous.email !== email) await secrets.delete(previous.email);
        } catch (error) {
          // Never keep a token we cannot store safely: revoke it and say what to fix.
          await oauth.revokeToken(tokens.refresh_token).catch(() => undefined);
          throw error;
        }
        const granted = (tokens.scope ?? scopes.join(' ')).split(/\s+/).filter(Boolean);
        store.set('account', { state: 'connected', email, name: info.name ?? email, ...(info.picture ? { picture: info.picture } : {}), scopes: granted } satisfies StoredAccount);
        client = undefined;
        log.info('Google account connected');
        changed();
        return status();
      } finally {
        pending = false;
      }
    },
    async disconnect() {
      const account = stored();
      if (!account) return { status: status(), revoked: true };
      let revoked = false;
      try {
        const refresh = await secrets.get(account.email);
        if (refresh) {
          await createOAuthClient(deps.google).revokeToken(refresh);
          revoked = true;
        } else revoked = true;
      } catch (error) {
        log.warn(`revoking at Google failed: ${describeGoogleError(error).message}`);
      }
      await secrets.delete(account.email);
      store.delete('account');
      client = undefined;
      log.info('Google account disconnected');
      changed();
      return { status: status(), revoked };
    },
    async authClient() {
      const account = stored();
      if (!account) throw new DeskFailure('needs_reconnect', 'No Google account is connected.');
      if (account.state === 'needs_reconnect') throw new DeskFailure('needs_reconnect', 'Google access has expired or was revoked. Reconnect your Google account; your data and queued changes are kept.');
      if (client) return client;
      let refresh: string | null;
      // Mapped here rather than left to the dispatcher: the Calendar queue and the outbox read the code to pause.
      try {
        refresh = await secrets.get(account.email);
      } catch (error) {
        if (error instanceof KeychainUnavailableError) throw new DeskFailure('keychain_unavailable', error.message);
        throw error;
      }
      if (!refresh) {
        this.markNeedsReconnect('the keychain has no token for this account');
        throw new DeskFailure('needs_reconnect', 'Your Google sign-in is missing from the keychain. Reconnect your Google account.');
      }
      client = createOAuthClient(deps.google);
      client.setCredentials({ refresh_token: refresh });
      return client;
    },
    markNeedsReconnect(reason) {
      const account = stored();
      if (!account || account.state === 'needs_reconnect') return;
      log.warn(`Google access lost: ${reason}`);
      store.set('account', { ...account, state: 'needs_reconnect' });
      client = undefined;
      changed();
    },
  };
}
