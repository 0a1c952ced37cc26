import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeTempDir } from '../../support/temp-dir';
import { googleServices } from '../../support/google-harness';
import type { DeskServices } from '../../../main/app/compose-services';
import { KeychainUnavailableError, type SecretStore } from '../../../main/secrets/secret-store';

/** Waits (bounded) until `done` holds. */
async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
}

/** Every file under a directory, as text (to prove no token landed on disk). */
function allText(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('connect Google (emulator + real keychain)', () => {
  const { g } = googleForFile();
  const keychainService = `interview-desk-test-${process.pid}-connect`;
  const keychain = createKeytarSecretStore(keychainService);
  let temp: ReturnType<typeof makeTempDir>;
  let services: (DeskServices & { lines: string[] }) | undefined;
  const call = (s: DeskServices, name: string, input?: unknown) =>
    dispatchCall(s.handlers, name, input, createMemoryLogger());

  beforeEach(() => {
    temp = makeTempDir();
    g.oauth.consent = 'approve';
  });
  afterEach(async () => {
    await services?.dispose();
    services = undefined;
    for (const account of await keychain.accounts()) await keychain.delete(account);
    temp.cleanup();
  });

  it('runs the loopback flow with PKCE S256 and keeps the refresh token only in the keychain', async () => {
    services = googleServices(g, temp.dir, { keychainService });
    const result = await call(services, 'account:connect');
    expect(result).toEqual({
      ok: true,
      value: {
        state: 'connected',
        email: 'recruiter@example.com',
        name: 'Rita Recruiter',
        picture: 'https://lh3.googleusercontent.com/a/rita',
      },
    });
    const auth = g.oauth.authorizations.at(-1)!;
    expect(auth.outcome).toBe('redirected');
    expect(auth.query).toMatchObject({ code_challenge_method: 'S256', access_type: 'offline', response_type: 'code' });
    expect(auth.query.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/callback$/);
    expect(auth.query.scope!.split(' ').sort()).toEqual([
      'email',
      'https://www.googleapis.com/auth/calendar.events',
      'openid',
      'profile',
    ]);
    expect(auth.query.state).toMatch(/^[\w-]{40,}$/);
    expect(g.oauth.tokenRequests.at(-1)!.code_verifier).toMatch(/^[\w.~-]{43,128}$/);
    // The token: in the keychain, nowhere on disk, not in logs, not in the IPC answer.
    const refresh = await keychain.get('recruiter@example.com');
    expect(refresh).toMatch(/^1\/\//);
    expect(allText(temp.dir)).not.toContain(refresh!);
    expect(allText(temp.dir)).not.toContain('ya29.');
    expect(services.lines.join('\n')).not.toContain(refresh!);
    expect(JSON.stringify(result)).not.toContain('1//');
    // The redirect listener is gone once the flow ends.
    const port = new URL(auth.query.redirect_uri!).port;
    await new Promise((r) => setTimeout(r, 50));
    const after = await fetch(`http://127.0.0.1:${port}/oauth2/callback?code=x&state=${auth.query.state}`)
      .then((r) => r.status)
      .catch(() => 'refused');
    expect(after).toBe('refused');
  });

  it('disconnect revokes at Google, deletes the keychain entry, and keeps local interviews', async () => {
    services = googleServices(g, temp.dir, { keychainService });
    await call(services, 'account:connect');
    await call(services, 'settings:update', { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' });
    const live = g.oauth.liveRefreshTokens().length;
    const result = await call(services, 'account:disconnect');
    expect(result).toEqual({ ok: true, value: { status: { state: 'disconnected' }, revoked: true } });
    expect(g.oauth.liveRefreshTokens().length).toBe(live - 1);
    expect(await keychain.get('recruiter@example.com')).toBeNull();
  });

  const tamper = (mutate: (callback: URL) => URL | null) => async (consentUrl: string) => {
    const first = await fetch(consentUrl, { redirect: 'manual' });
    const location = first.headers.get('location');
    if (!location) return;
    const target = mutate(new URL(location));
    if (target) await fetch(target, { redirect: 'manual' });
  };

  describe('switching to another Google user', () => {
    const rita = {
      sub: '1001',
      email: 'recruiter@example.com',
      name: 'Rita Recruiter',
      picture: 'https://lh3.googleusercontent.com/a/rita',
    };
    const bob = { sub: '1002', email: 'bob@example.com', name: 'Bob Hiring' };
    afterEach(() => {
      g.oauth.user = rita;
      g.faults.clear();
    });

    it('revokes the old refresh token at Google before deleting it from the keychain', async () => {
      services = googleServices(g, temp.dir, { keychainService });
      await call(services, 'account:connect');
      const old = (await keychain.get(rita.email))!;
      const revocations = g.oauth.revocations.length;
      g.oauth.user = bob;
      const result = await call(services, 'account:connect');
      expect(result).toMatchObject({ ok: true, value: { state: 'connected', email: bob.email } });
      expect(g.oauth.revocations.slice(revocations)).toEqual([old]);
      expect(g.oauth.liveRefreshTokens()).not.toContain(old);
      expect(await keychain.accounts()).toEqual([bob.email]);
      // The same user signing in again (incremental consent) keeps its one token: nothing to revoke.
      await call(services, 'account:connect');
      expect(g.oauth.revocations.length).toBe(revocations + 1);
    });

    it('when the keychain is locked, says so and stays connected as the old user (the new token is revoked)', async () => {
      let locked = false;
      const lockable: SecretStore = {
        get: async (a) =>
          locked ? Promise.reject(new KeychainUnavailableError('the login keyring is locked')) : keychain.get(a),
        set: (a, s) => keychain.set(a, s),
        delete: (a) => keychain.delete(a),
        accounts: () => keychain.accounts(),
      };
      services = googleServices(g, temp.dir, { keychainService, secrets: lockable });
      await call(services, 'account:connect');
      const old = (await keychain.get(rita.email))!;
      g.oauth.user = bob;
      locked = true;
      const result = await call(services, 'account:connect');
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'keychain_unavailable',
          message: expect.stringMatching(/still connected as recruiter@example\.com.*locked/),
        },
      });
      expect(await call(services, 'account:status')).toMatchObject({
        ok: true,
        value: { state: 'connected', email: rita.email },
      });
      expect(await keychain.get(rita.email)).toBe(old);
      expect(g.oauth.liveRefreshTokens()).toContain(old);
      expect(await keychain.accounts()).toEqual([rita.email]);
      expect(g.oauth.liveRefreshTokens()).not.toContain(g.oauth.tokenRequests.at(-1)?.refresh_token);
      const disconnect = await call(services, 'account:disconnect');
      expect(disconnect).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
      expect(await call(services, 'account:status')).toMatchObject({
        ok: true,
        value: { state: 'connected', email: rita.email },
      });
    });

    it('when Google cannot be reached to revoke, switches but tells the person what to remove', async () => {
      services = googleServices(g, temp.dir, { keychainService });
      await call(services, 'account:connect');
      g.oauth.user = bob;
      // google-auth-library retries the revocation itself; every attempt is cut.
      g.faults.add({ path: '/revoke', drop: true, times: 10 });
      expect(await call(services, 'account:connect')).toMatchObject({ ok: true, value: { email: bob.email } });
      const notices = await call(services, 'app:notices');
      expect(JSON.stringify(notices)).toMatch(/could not be reached to revoke access for recruiter@example\.com/);
      expect(await keychain.accounts()).toEqual([bob.email]);
    });
  });

  /** A browser that, before the real redirect arrives, meets forged callbacks sent by someone else. */
  const forgeFirst = (forge: (callback: URL) => URL, statuses: number[]) => async (consentUrl: string) => {
    const first = await fetch(consentUrl, { redirect: 'manual' });
    const real = new URL(first.headers.get('location')!);
    statuses.push(await fetch(forge(new URL(real)), { redirect: 'manual' }).then((r) => r.status));
    statuses.push(await fetch(real, { redirect: 'manual' }).then((r) => r.status));
  };

  it.each([
    ['a wrong state', (u: URL) => (u.searchParams.set('state', 'attacker-state'), u)],
    ['a missing state', (u: URL) => (u.searchParams.delete('state'), u)],
    [
      'a wrong state and an error',
      (u: URL) => new URL(`${u.origin}${u.pathname}?state=attacker-state&error=access_denied`),
    ],
    ['a doubled state', (u: URL) => (u.searchParams.append('state', 'attacker-state'), u)],
  ])(
    'a forged callback with %s is answered 400 and ignored; the real sign-in then completes',
    async (_label, forge) => {
      const statuses: number[] = [];
      services = googleServices(g, temp.dir, { keychainService, browse: forgeFirst(forge, statuses) });
      const result = await call(services, 'account:connect');
      expect(statuses).toEqual([400, 200]);
      expect(result).toMatchObject({ ok: true, value: { state: 'connected', email: 'recruiter@example.com' } });
      expect(await keychain.accounts()).toEqual(['recruiter@example.com']);
    },
  );

  it('rejects our own callback when it carries no code, and stores nothing', async () => {
    services = googleServices(g, temp.dir, {
      keychainService,
      browse: tamper((u) => (u.searchParams.delete('code'), u)),
    });
    const result = await call(services, 'account:connect');
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/authorization code/) } });
    expect(await keychain.accounts()).toEqual([]);
    expect(await call(services, 'account:status')).toEqual({ ok: true, value: { state: 'disconnected' } });
  });

  it('ends with a clear message when the person declines (access_denied)', async () => {
    g.oauth.consent = 'deny';
    const tokenRequestsBefore = g.oauth.tokenRequests.length;
    services = googleServices(g, temp.dir, { keychainService });
    const result = await call(services, 'account:connect');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/declined access.*no Google account was connected/) },
    });
    expect(await keychain.accounts()).toEqual([]);
    expect(g.oauth.tokenRequests.length).toBe(tokenRequestsBefore);
  });

  it('refuses a replayed callback: the listener has closed, nothing more is stored', async () => {
    let callbackUrl = '';
    services = googleServices(g, temp.dir, {
      keychainService,
      browse: tamper((u) => {
        callbackUrl = u.toString();
        return u;
      }),
    });
    expect((await call(services, 'account:connect')).ok).toBe(true);
    const before = g.oauth.tokenRequests.length;
    const replay = await fetch(callbackUrl)
      .then((r) => r.status)
      .catch(() => 'refused');
    expect(replay === 'refused' || replay === 410).toBe(true);
    expect(g.oauth.tokenRequests.length).toBe(before);
  });

  it('a new attempt replaces a waiting one: the first redirect is refused, the second completes', async () => {
    const consents: string[] = [];
    services = googleServices(g, temp.dir, { keychainService, browse: async (url) => void consents.push(url) });
    const first = call(services, 'account:connect');
    await waitFor(() => consents.length === 1);
    // The waiting state outlives a reload: status says so, and the page can be opened again.
    expect(await call(services, 'account:status')).toEqual({
      ok: true,
      value: { state: 'disconnected', signIn: 'waiting' },
    });
    expect(await call(services, 'account:reopenSignIn')).toEqual({ ok: true, value: { reopened: true } });
    expect(consents[1]).toBe(consents[0]);
    const second = call(services, 'account:connect');
    expect(await first).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/replaced by a newer one/) },
    });
    await waitFor(() => consents.length === 3);
    // The first attempt's page, finished late: its listener has closed, so the redirect is refused.
    const late = await g.browse(consents[0]!).catch(() => ({ status: 0 }));
    expect(late.status).toBe(0);
    expect(await keychain.accounts()).toEqual([]);
    const done = await g.browse(consents[2]!);
    expect(done.status).toBe(200);
    expect(await second).toMatchObject({ ok: true, value: { state: 'connected', email: 'recruiter@example.com' } });
    expect(await call(services, 'account:status')).toMatchObject({ ok: true, value: { state: 'connected' } });
    expect(
      (await call(services, 'account:status')).ok && JSON.stringify(await call(services, 'account:status')),
    ).not.toContain('waiting');
  });

  it('cancel ends a waiting sign-in: its redirect is refused and Connect is free at once', async () => {
    const consents: string[] = [];
    services = googleServices(g, temp.dir, { keychainService, browse: async (url) => void consents.push(url) });
    const first = call(services, 'account:connect');
    await waitFor(() => consents.length === 1);
    expect(await call(services, 'account:cancelSignIn')).toEqual({ ok: true, value: { state: 'disconnected' } });
    expect(await first).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } });
    const late = await g.browse(consents[0]!).catch(() => ({ status: 0 }));
    expect(late.status).toBe(0);
    expect(await call(services, 'account:reopenSignIn')).toEqual({ ok: true, value: { reopened: false } });
    expect(await keychain.accounts()).toEqual([]);
  });

  describe('an attempt cancelled or replaced after Google answered', () => {
    const bob = { sub: '1002', email: 'bob@example.com', name: 'Bob Hiring' };
    const rita = {
      sub: '1001',
      email: 'recruiter@example.com',
      name: 'Rita Recruiter',
      picture: 'https://lh3.googleusercontent.com/a/rita',
    };
    afterEach(() => void (g.oauth.user = rita));

    /** The real keychain, with the first write held until `release` is called. */
    const heldFirstWrite = () => {
      let release = () => undefined as void;
      const gate = new Promise<void>((r) => (release = r));
      const writes: string[] = [];
      const secrets: SecretStore = {
        get: (a) => keychain.get(a),
        set: async (a, s) => {
          writes.push(s);
          if (writes.length === 1) await gate;
          return keychain.set(a, s);
        },
        delete: (a) => keychain.delete(a),
        accounts: () => keychain.accounts(),
      };
      return { secrets, writes, release };
    };

    it('a replaced attempt held at the keychain write keeps nothing: the newer account wins, the old token is revoked', async () => {
      const held = heldFirstWrite();
      services = googleServices(g, temp.dir, { keychainService, secrets: held.secrets });
      const first = call(services, 'account:connect');
      await waitFor(() => held.writes.length === 1);
      const tokenA = held.writes[0]!;
      g.oauth.user = bob;
      const requests = g.oauth.tokenRequests.length;
      const second = call(services, 'account:connect');
      // B has its token and profile; give it time to reach (or wait at) the keychain write.
      await waitFor(() => g.oauth.tokenRequests.length > requests);
      await new Promise((r) => setTimeout(r, 100));
      held.release();
      expect(await first).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/replaced by a newer one/) },
      });
      expect(await second).toMatchObject({ ok: true, value: { state: 'connected', email: bob.email } });
      expect(await call(services, 'account:status')).toMatchObject({
        ok: true,
        value: { state: 'connected', email: bob.email },
      });
      expect(g.oauth.revocations).toContain(tokenA);
      expect(g.oauth.liveRefreshTokens()).not.toContain(tokenA);
      expect(await keychain.accounts()).toEqual([bob.email]);
      expect(await keychain.get(bob.email)).toBe(held.writes[1]);
      expect(g.oauth.liveRefreshTokens()).toContain(held.writes[1]);
    });

    it('cancel after the callback arrived ends disconnected, the token revoked and not in the keychain', async () => {
      const held = heldFirstWrite();
      services = googleServices(g, temp.dir, { keychainService, secrets: held.secrets });
      const first = call(services, 'account:connect');
      await waitFor(() => held.writes.length === 1);
      expect(await call(services, 'account:cancelSignIn')).toEqual({ ok: true, value: { state: 'disconnected' } });
      held.release();
      expect(await first).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } });
      expect(await call(services, 'account:status')).toEqual({ ok: true, value: { state: 'disconnected' } });
      expect(g.oauth.revocations).toContain(held.writes[0]);
      expect(await keychain.accounts()).toEqual([]);
    });

    it('a reconnect of the same user cancelled at the keychain write puts the working token back', async () => {
      services = googleServices(g, temp.dir, { keychainService });
      await call(services, 'account:connect');
      const working = (await keychain.get(rita.email))!;
      await services.dispose();
      const held = heldFirstWrite();
      services = googleServices(g, temp.dir, { keychainService, secrets: held.secrets });
      const again = call(services, 'account:connect');
      await waitFor(() => held.writes.length === 1);
      await call(services, 'account:cancelSignIn');
      held.release();
      expect((await again).ok).toBe(false);
      expect(await keychain.get(rita.email)).toBe(working);
      expect(g.oauth.liveRefreshTokens()).toContain(working);
      expect(g.oauth.liveRefreshTokens()).not.toContain(held.writes[0]);
      expect(await call(services, 'account:status')).toMatchObject({
        ok: true,
        value: { state: 'connected', email: rita.email },
      });
    });
  });

  it('times out a flow nobody finishes', async () => {
    services = googleServices(g, temp.dir, {
      keychainService,
      browse: async () => undefined,
      overrides: { tuning: { google: { flowTimeoutMs: 300 } } },
    });
    const timedOut = await call(services, 'account:connect');
    expect(timedOut).toMatchObject({ ok: false, error: { message: expect.stringMatching(/timed out/) } });
    expect(await call(services, 'account:status')).toEqual({ ok: true, value: { state: 'disconnected' } });
    expect(await keychain.accounts()).toEqual([]);
  });

  it('a request after the timeout finds no listener', async () => {
    let consent = '';
    services = googleServices(g, temp.dir, {
      keychainService,
      browse: async (url) => void (consent = url),
      overrides: { tuning: { google: { flowTimeoutMs: 200 } } },
    });
    expect((await call(services, 'account:connect')).ok).toBe(false);
    const late = await g.browse(consent).catch(() => ({ status: 0 }));
    expect(late.status).toBe(0);
    expect(await keychain.accounts()).toEqual([]);
  });

  it('says plainly when the keychain is unavailable, and keeps nothing (the token is revoked)', async () => {
    const broken = {
      get: async () => null,
      delete: async () => false,
      accounts: async () => [],
      set: async () => {
        const { KeychainUnavailableError } = await import('../../../main/secrets/secret-store');
        throw new KeychainUnavailableError('org.freedesktop.secrets was not provided');
      },
    };
    services = googleServices(g, temp.dir, { keychainService, secrets: broken });
    const result = await call(services, 'account:connect');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'keychain_unavailable', message: expect.stringMatching(/gnome-keyring/) },
    });
    expect(g.oauth.liveRefreshTokens()).not.toContain(g.oauth.tokenRequests.at(-1)?.refresh_token);
    expect(allText(temp.dir)).not.toContain('1//');
    expect(await call(services, 'account:status')).toEqual({ ok: true, value: { state: 'disconnected' } });
  });

  it("without a Google client, says so in a recruiter's words (no variable names) and status tells the screen", async () => {
    services = googleServices(g, temp.dir, {
      keychainService,
      overrides: { config: { ...(await import('../../../main/config/env-config')).loadEnvConfig({}, temp.dir) } },
    });
    const result = await call(services, 'account:connect');
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/built without a Google connection.*pasted Meet link works without it/) },
    });
    expect(JSON.stringify(result)).not.toMatch(/INTERVIEW_DESK|client id|README/i);
    expect(await call(services, 'account:status')).toEqual({
      ok: true,
      value: { state: 'disconnected', signIn: 'unavailable' },
    });
  });
});
