import { google } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import { accountStatusSchema, type AccountStatus } from '../../../preload/shared/contract/ipc-contract';
import type { AppConfig } from '../../config/env-config';
import { DeskFailure } from '../../shared/desk-failure';
import type { EventHub } from '../../shared/event-hub';
import type { Logger } from '../../logging/logger';
import { KeychainUnavailableError, type SecretStore } from '../../secrets/secret-store';
import type { KeyValueStore } from '../../settings-file/key-value-store';
import { runLoopbackFlow } from './loopback-flow';
import { baseScopes, createOAuthClient } from './oauth-client';
import { describeGoogleError } from '../api/google-errors';

export interface AccountServiceDeps {
  google: AppConfig['google'];
  store: KeyValueStore;
  secrets: SecretStore;
  events: EventHub;
  log: Logger;
  openBrowser: (url: string) => Promise<void>;
  /** Tells the person about an outcome that outlives the call (an old sign-in Google could not revoke). */
  notify?: (message: string) => void;
  flowTimeoutMs?: number;
}

/** The connected Google account: sign-in, the keychain-held refresh token, an in-memory access token. */
export interface AccountService {
  status(): AccountStatus;
  /** Runs the browser sign-in; `extraScopes` adds scopes incrementally (e.g. gmail.send). */
  connect(extraScopes?: string[]): Promise<AccountStatus>;
  /** Opens the waiting sign-in's consent page again; false when no sign-in is waiting. */
  reopenSignIn(): Promise<boolean>;
  /** Ends the waiting sign-in (its callback is no longer accepted). */
  cancelSignIn(): AccountStatus;
  disconnect(): Promise<{ status: AccountStatus; revoked: boolean }>;
  /** An authorized client for API calls; throws needs_reconnect or keychain_unavailable. */
  authClient(): Promise<OAuth2Client>;
  /** Called by API users when Google answers invalid_grant. */
  markNeedsReconnect(reason: string): void;
  hasScope(scope: string): boolean;
  /** The connected account's email, name and Google account id (Meet's `users/{id}`), when connected. */
  identity(): { email: string; name: string; googleId?: string } | undefined;
  onChange(listener: (status: AccountStatus) => void): () => void;
}

interface StoredAccount {
  state: 'connected' | 'needs_reconnect';
  email: string;
  name: string;
  picture?: string;
  scopes: string[];
  /** Google's account id (userinfo `id`): Meet names a signed-in participant `users/{this id}`. */
  googleId?: string;
}

/** What Connect says when this copy carries no Google client: in a recruiter's words, with the way on. */
export const googleMissingWords =
  'This copy of Interview Desk was built without a Google connection. Ask whoever gave you the app for a version with Google sign-in; scheduling with a pasted Meet link works without it.';

/** Creates the account service. */
export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { store, secrets, events, log } = deps;
  // The one sign-in waiting in the browser. A newer attempt replaces it: its listener closes and its
  // state is no longer accepted, so a tab left open cannot lock Connect until the timeout.
  let pending: { controller: AbortController; url?: string } | undefined;
  let client: OAuth2Client | undefined;
  const listeners = new Set<(status: AccountStatus) => void>();

  const stored = (): StoredAccount | undefined => {
    const raw = store.get('account') as StoredAccount | undefined;
    return raw && typeof raw.email === 'string' ? raw : undefined;
  };
  const status = (): AccountStatus => {
    const account = stored();
    const signIn = pending
      ? { signIn: 'waiting' as const }
      : !deps.google.clientId
        ? { signIn: 'unavailable' as const }
        : {};
    if (!account) return { state: 'disconnected', ...signIn };
    return accountStatusSchema.parse({
      state: account.state,
      email: account.email,
      name: account.name,
      ...(account.picture ? { picture: account.picture } : {}),
      ...signIn,
    });
  };
  const changed = () => {
    const now = status();
    events.emit('account:changed', now);
    for (const listener of [...listeners]) listener(now);
  };

  /** A keychain failure while removing `email`'s sign-in: said plainly, and nothing is treated as gone. */
  const keychainBlocked = (email: string, error: unknown, still: string): DeskFailure => {
    const detail =
      error instanceof KeychainUnavailableError
        ? error.message.replace(/ Nothing was saved\.$/, '')
        : (error as Error).message;
    return new DeskFailure(
      'keychain_unavailable',
      `Interview Desk could not reach the keychain to remove the Google sign-in of ${email}, so nothing was changed: ${still}. ${detail}`,
    );
  };

  /**
   * Ends one account's sign-in the way RFC 7009 asks: revoke the refresh token at Google, then delete
   * it from the keychain. A token Google already considers dead (invalid_token) counts as revoked.
   * Keychain trouble throws before anything is deleted; Google being unreachable returns false.
   */
  const retire = async (email: string, still: string): Promise<boolean> => {
    let refresh: string | null;
    try {
      refresh = await secrets.get(email);
    } catch (error) {
      throw keychainBlocked(email, error, still);
    }
    let revoked = true;
    if (refresh) {
      try {
        await createOAuthClient(deps.google).revokeToken(refresh);
      } catch (error) {
        const failure = describeGoogleError(error);
        revoked = failure.status === 400 && failure.reason === 'invalid_token';
        if (!revoked) log.warn(`revoking at Google failed: ${failure.message}`);
      }
    }
    try {
      await secrets.delete(email);
    } catch (error) {
      throw keychainBlocked(email, error, still);
    }
    return revoked;
  };

  /** A cancelled or replaced attempt that already holds a live token: it dies at Google, then the attempt ends. */
  const dropIfAborted = async (signal: AbortSignal, oauth: OAuth2Client, fresh: string): Promise<void> => {
    if (!signal.aborted) return;
    await oauth.revokeToken(fresh).catch(() => undefined);
    throw signal.reason;
  };

  // The tail of the last sign-in's keychain write and account swap; the next one waits for it.
  let swapping: Promise<unknown> = Promise.resolve();

  /**
   * Keeps a granted sign-in: the token into the keychain, the previous user (read now, not when the
   * browser opened) retired at Google, the account saved. An attempt cancelled or replaced meanwhile
   * keeps nothing: its token is revoked and the keychain entry put back as it was.
   */
  const storeAndSwap = async (
    signal: AbortSignal,
    oauth: OAuth2Client,
    fresh: string,
    email: string,
    info: { name?: string | null; picture?: string | null; id?: string | null },
    scope: string,
  ): Promise<void> => {
    await dropIfAborted(signal, oauth, fresh);
    const previous = stored();
    // The same user signing in again overwrites a working token: keep it to put back on abort.
    let kept: string | null = null;
    try {
      if (previous?.email === email) kept = await secrets.get(email);
      await secrets.set(email, fresh);
    } catch (error) {
      // Never keep a token we cannot store safely: revoke it and say what to fix.
      await oauth.revokeToken(fresh).catch(() => undefined);
      throw error;
    }
    if (signal.aborted) {
      await (kept ? secrets.set(email, kept) : secrets.delete(email)).catch((error: unknown) =>
        log.warn(`could not remove a cancelled sign-in from the keychain: ${(error as Error).message}`),
      );
      await dropIfAborted(signal, oauth, fresh);
    }
    if (previous && previous.email !== email) {
      // Another Google user: the old refresh token must die at Google, not only leave the keychain.
      let revoked: boolean;
      try {
        revoked = await retire(previous.email, `you are still connected as ${previous.email}`);
      } catch (error) {
        await secrets.delete(email).catch(() => false);
        await oauth.revokeToken(fresh).catch(() => undefined);
        throw error;
      }
      if (!revoked) {
        deps.notify?.(
          `Connected as ${email}. Google could not be reached to revoke access for ${previous.email}; remove Interview Desk from that account's "Third-party apps" page at myaccount.google.com to be sure.`,
        );
      }
    }
    const granted = scope.split(/\s+/).filter(Boolean);
    store.set('account', {
      state: 'connected',
      email,
      name: info.name ?? email,
      ...(info.picture ? { picture: info.picture } : {}),
      scopes: granted,
      ...(info.id ? { googleId: info.id } : {}),
    } satisfies StoredAccount);
  };

  const ensureConfigured = () => {
    if (!deps.google.clientId) {
      throw new DeskFailure('unavailable', googleMissingWords);
    }
  };

  return {
    status,
    hasScope: (scope) => stored()?.scopes.includes(scope) ?? false,
    identity() {
      const account = stored();
      return account
        ? { email: account.email, name: account.name, ...(account.googleId ? { googleId: account.googleId } : {}) }
        : undefined;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async reopenSignIn() {
      const url = pending?.url;
      if (!url) return false;
      await deps.openBrowser(url);
      return true;
    },
    cancelSignIn() {
      const waiting = pending;
      if (waiting) {
        pending = undefined;
        waiting.controller.abort(new DeskFailure('unavailable', 'Google sign-in was cancelled. Nothing was saved.'));
        changed();
      }
      return status();
    },
    async connect(extraScopes = []) {
      ensureConfigured();
      pending?.controller.abort(new DeskFailure('conflict', 'This Google sign-in was replaced by a newer one.'));
      const attempt: { controller: AbortController; url?: string } = { controller: new AbortController() };
      pending = attempt;
      changed();
      try {
        const previous = stored();
        const scopes = [...new Set([...baseScopes, ...(previous?.scopes ?? []), ...extraScopes])];
        const grant = await runLoopbackFlow({
          google: deps.google,
          scopes,
          openBrowser: deps.openBrowser,
          signal: attempt.controller.signal,
          onConsentUrl: (url) => void (attempt.url = url),
          ...(deps.flowTimeoutMs ? { timeoutMs: deps.flowTimeoutMs } : {}),
          ...(previous ? { loginHint: previous.email, includeGrantedScopes: true } : {}),
          // A plain Reconnect (no new access) refused is not "nothing was added" to a working account.
          ...(previous && status().state === 'connected' && extraScopes.length > 0 ? { addingAccess: true } : {}),
        });
        const oauth = createOAuthClient(deps.google, grant.redirectUri);
        // Cancelled or replaced while the browser was open: nothing was granted yet to take back.
        if (attempt.controller.signal.aborted) throw attempt.controller.signal.reason;
        let tokens;
        try {
          ({ tokens } = await oauth.getToken({
            code: grant.code,
            codeVerifier: grant.codeVerifier,
            redirect_uri: grant.redirectUri,
          }));
        } catch (error) {
          throw new DeskFailure(
            'unavailable',
            `Google did not accept the sign-in (${describeGoogleError(error).message}). Nothing was saved; please try again.`,
          );
        }
        if (!tokens.refresh_token)
          throw new DeskFailure(
            'unavailable',
            'Google did not grant offline access. Nothing was saved; please try again.',
          );
        const fresh = tokens.refresh_token;
        await dropIfAborted(attempt.controller.signal, oauth, fresh);
        oauth.setCredentials(tokens);
        const info = await google
          .oauth2({ version: 'v2', auth: oauth, rootUrl: deps.google.apiUrl, retry: false } as never)
          .userinfo.get()
          .then((r) => r.data)
          .catch((error: unknown) => {
            throw new DeskFailure(
              'unavailable',
              `Could not read your Google profile (${describeGoogleError(error).message}).`,
            );
          });
        const email = info.email ?? '';
        if (!email)
          throw new DeskFailure('unavailable', 'Google did not share your email address, which Interview Desk needs.');
        await dropIfAborted(attempt.controller.signal, oauth, fresh);
        // One attempt at a time writes the keychain and swaps the account, so none works from a stale view.
        const finish = swapping.then(() =>
          storeAndSwap(attempt.controller.signal, oauth, fresh, email, info, tokens.scope ?? scopes.join(' ')),
        );
        swapping = finish.catch(() => undefined);
        await finish;
        client = undefined;
        log.info('Google account connected');
        if (pending === attempt) pending = undefined;
        changed();
        return status();
      } catch (error) {
        // Kept for support; the logger strips codes, tokens and addresses from whatever Google said.
        log.warn(`Google sign-in did not complete: ${(error as Error).message}`);
        throw error;
      } finally {
        // A replaced attempt leaves the newer one waiting.
        if (pending === attempt) {
          pending = undefined;
          changed();
        }
      }
    },
    async disconnect() {
      const account = stored();
      if (!account) return { status: status(), revoked: true };
      const revoked = await retire(account.email, `${account.email} is still connected`);
      store.delete('account');
      client = undefined;
      log.info('Google account disconnected');
      changed();
      return { status: status(), revoked };
    },
    async authClient() {
      const account = stored();
      if (!account) throw new DeskFailure('needs_reconnect', 'No Google account is connected.');
      if (account.state === 'needs_reconnect')
        throw new DeskFailure(
          'needs_reconnect',
          'Google access has expired or was revoked. Reconnect your Google account; your data and queued changes are kept.',
        );
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
        throw new DeskFailure(
          'needs_reconnect',
          'Your Google sign-in is missing from the keychain. Reconnect your Google account.',
        );
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
