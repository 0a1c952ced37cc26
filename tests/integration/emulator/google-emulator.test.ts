import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';

/** The emulator is a test component: these tests prove it rejects what Google rejects. */
describe('Google emulator', () => {
  const { g } = googleForFile();
  let callback: http.Server;
  let redirectUri: string;
  const received: string[] = [];
  beforeAll(async () => {
    callback = http.createServer((req, res) => {
      received.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
    redirectUri = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/callback`;
  });
  afterAll(() => {
    callback.close();
  });

  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authUrl = (extra: Record<string, string> = {}) => {
    const u = new URL(`${g.url}/o/oauth2/v2/auth`);
    const params = {
      client_id: g.oauth.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email https://www.googleapis.com/auth/calendar.events',
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      access_type: 'offline',
      ...extra,
    };
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    return u.toString();
  };
  const codeFrom = () => new URL(received.at(-1)!, 'http://x').searchParams.get('code')!;
  const token = (form: Record<string, string>) =>
    fetch(`${g.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: g.oauth.clientId, client_secret: g.oauth.clientSecret, ...form }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string> }));

  it.each([
    [{ client_id: 'other' }, 'invalid_client'],
    [{ redirect_uri: 'http://localhost:9/cb' }, 'redirect_uri_mismatch'],
    [{ redirect_uri: 'https://evil.com/cb' }, 'redirect_uri_mismatch'],
    [{ code_challenge: 'short' }, 'code_challenge'],
    [{ code_challenge_method: 'S512' }, 'code_challenge_method'],
    [{ scope: 'https://mail.google.com/' }, 'invalid_scope'],
    [{ response_type: 'token' }, 'unsupported_response_type'],
  ])('rejects an authorization request with %o', async (extra, reason) => {
    const res = await fetch(authUrl(extra), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(g.oauth.authorizations.at(-1)).toMatchObject({ outcome: 'rejected' });
    expect(g.oauth.authorizations.at(-1)!.reason).toContain(reason);
  });

  it('redirects with code and state, and exchanges the code once with the right verifier only', async () => {
    await g.browse(authUrl());
    const code = codeFrom();
    expect(new URL(received.at(-1)!, 'http://x').searchParams.get('state')).toBe('s1');
    const wrong = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong.body.error).toBe('invalid_grant');
    // The failed attempt consumed the code, as a real server would.
    await g.browse(authUrl());
    const code2 = codeFrom();
    const ok = await token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toMatch(/^1\/\//);
    const replay = await token({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(replay.body.error).toBe('invalid_grant');
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: ok.body.refresh_token! });
    expect(refreshed.body.access_token).toMatch(/^ya29\./);
    await fetch(`${g.url}/revoke`, { method: 'POST', body: new URLSearchParams({ token: ok.body.refresh_token! }) });
    const revoked = await token({ grant_type: 'refresh_token', refresh_token: ok.body.refresh_token! });
    expect(revoked.body.error).toBe('invalid_grant');
  });

  it('answers access_denied when the person declines', async () => {
    g.oauth.consent = 'deny';
    await g.browse(authUrl());
    g.oauth.consent = 'approve';
    const params = new URL(received.at(-1)!, 'http://x').searchParams;
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('s1');
  });

  describe('calendar', () => {
    let access: string;
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${g.url}/calendar/v3/calendars/primary/${path}`, {
        ...init,
        headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
    const event = (id: string) => ({
      id,
      summary: 'x',
      start: { dateTime: '2030-01-01T10:00:00Z' },
      end: { dateTime: '2030-01-01T11:00:00Z' },
      conferenceData: { createRequest: { requestId: id, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
    });
    beforeAll(async () => {
      await g.browse(authUrl());
      access = (
        await token({
          grant_type: 'authorization_code',
          code: codeFrom(),
          redirect_uri: redirectUri,
          code_verifier: verifier,
        })
      ).body.access_token!;
    });

    it('enforces event id rules and uniqueness', async () => {
      expect((await api('events', { method: 'POST', body: JSON.stringify(event('UPPER')) })).status).toBe(400);
      expect((await api('events', { method: 'POST', body: JSON.stringify(event('abcw1')) })).status).toBe(400);
      expect((await api('events', { method: 'POST', body: JSON.stringify(event('abcd')) })).status).toBe(400);
      expect(
        (await api('events?conferenceDataVersion=1', { method: 'POST', body: JSON.stringify(event('abcde1')) })).status,
      ).toBe(200);
      expect(
        (await api('events?conferenceDataVersion=1', { method: 'POST', body: JSON.stringify(event('abcde1')) })).status,
      ).toBe(409);
    });

    it('ignores conference data without conferenceDataVersion=1', async () => {
      const created = await (await api('events', { method: 'POST', body: JSON.stringify(event('nover0')) })).json();
      expect(created.hangoutLink).toBeUndefined();
      const withMeet = await (
        await api('events?conferenceDataVersion=1', { method: 'POST', body: JSON.stringify(event('meetv1')) })
      ).json();
      expect(withMeet.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    });

    it('turns pending conferences to success after reads', async () => {
      g.calendar.conferenceMode = 'pending';
      const created = await (
        await api('events?conferenceDataVersion=1', { method: 'POST', body: JSON.stringify(event('pend01')) })
      ).json();
      g.calendar.conferenceMode = 'success';
      expect(created.conferenceData.createRequest.status.statusCode).toBe('pending');
      await api('events/pend01');
      const second = await (await api('events/pend01')).json();
      expect(second.conferenceData.createRequest.status.statusCode).toBe('success');
      expect(second.hangoutLink).toBeDefined();
    });

    it('requires a full sync after tokens expire, and refuses filters with a sync token', async () => {
      const full = await (await api('events')).json();
      expect(full.nextSyncToken).toBeDefined();
      expect((await api(`events?syncToken=${full.nextSyncToken}&timeMin=2020-01-01T00:00:00Z`)).status).toBe(400);
      const none = await (await api(`events?syncToken=${full.nextSyncToken}`)).json();
      expect(none.items).toEqual([]);
      g.calendar.expireSyncTokens();
      expect((await api(`events?syncToken=${full.nextSyncToken}`)).status).toBe(410);
    });

    it('injects faults, including a commit followed by an error', async () => {
      g.faults.add({ method: 'POST', path: '/events', status: 503, afterCommit: true });
      const res = await api('events?conferenceDataVersion=1', {
        method: 'POST',
        body: JSON.stringify(event('commit1')),
      });
      expect(res.status).toBe(503);
      expect(g.calendar.peek('commit1')).toBeDefined();
      g.faults.add({ path: '/events', status: 429, retryAfter: 2 });
      const limited = await api('events');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect((await limited.json()).error.errors[0].reason).toBe('rateLimitExceeded');
    });

    it('refuses calls without the right scope or token', async () => {
      expect((await fetch(`${g.url}/calendar/v3/calendars/primary/events`)).status).toBe(401);
      const gmail = await fetch(`${g.url}/gmail/v1/users/me/messages/send`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
        body: JSON.stringify({ raw: 'eA' }),
      });
      expect(gmail.status).toBe(403);
    });
  });
});
