import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { googleError, json, readForm } from './http-helpers';

export interface EmulatedUser {
  sub: string;
  email: string;
  name: string;
  picture?: string;
}

interface Grant {
  email: string;
  scopes: Set<string>;
}

const knownScopes = new Set([
  'openid',
  'email',
  'profile',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.freebusy',
  'https://www.googleapis.com/auth/calendar.events.freebusy',
  'https://www.googleapis.com/auth/meetings.space.readonly',
  'https://www.googleapis.com/auth/meetings.space.created',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/forms.body',
  'https://www.googleapis.com/auth/forms.responses.readonly',
]);

/** What the emulator remembers of one authorization request, for tests to assert on. */
export interface AuthorizationRecord {
  query: Record<string, string>;
  outcome: 'redirected' | 'denied' | 'rejected';
  reason?: string;
}

/** OAuth 2.0 as Google's endpoints behave for a desktop client: loopback redirect, PKCE, refresh, revoke. */
export class OAuthEmulator {
  readonly clientId = 'emulator-client.apps.googleusercontent.com';
  readonly clientSecret = 'emulator-desktop-secret';
  user: EmulatedUser = {
    sub: '1001',
    email: 'recruiter@example.com',
    name: 'Rita Recruiter',
    picture: 'https://lh3.googleusercontent.com/a/rita',
  };
  /** What the person does on the consent screen. */
  consent: 'approve' | 'deny' = 'approve';
  readonly authorizations: AuthorizationRecord[] = [];
  readonly tokenRequests: Array<Record<string, string>> = [];
  /** Tokens revoked through the revocation endpoint, in order (RFC 7009), for tests to count. */
  readonly revocations: string[] = [];
  private codes = new Map<
    string,
    { clientId: string; redirectUri: string; challenge: string; method: string; grant: Grant; offline: boolean }
  >();
  private refreshTokens = new Map<string, Grant & { revoked: boolean }>();
  private accessTokens = new Map<string, Grant & { expiresAt: number; refresh?: string }>();
  private grantedByUser = new Map<string, Set<string>>();

  /** The scopes currently granted to the signed-in user (incremental authorization grows this). */
  grantedScopes(email = this.user.email): string[] {
    return [...(this.grantedByUser.get(email) ?? [])];
  }

  /** Live refresh tokens (for tests: none may be left after disconnect). */
  liveRefreshTokens(): string[] {
    return [...this.refreshTokens.entries()].filter(([, g]) => !g.revoked).map(([t]) => t);
  }

  /** Revokes everything, as when the person removes the app's access in their Google account. */
  revokeAll(): void {
    for (const grant of this.refreshTokens.values()) grant.revoked = true;
    this.accessTokens.clear();
  }

  /** Test API: a refresh token (and an access token) for the signed-in user with exactly these scopes, as after consent. */
  grantForTests(scopes: string[]): { refreshToken: string; accessToken: string } {
    const unknown = scopes.filter((s) => !knownScopes.has(s));
    if (unknown.length) throw new Error(`unknown scopes ${unknown.join(' ')}`);
    const grant: Grant = { email: this.user.email, scopes: new Set(scopes) };
    const refreshToken = `1//emu-${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.set(refreshToken, { ...grant, revoked: false });
    this.grantedByUser.set(grant.email, new Set(scopes));
    return { refreshToken, accessToken: this.issueAccess(grant, refreshToken) };
  }

  /** Expires all access tokens so the next API call must refresh. */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0;
  }

  /** The grant behind a Bearer token, or null when missing, unknown or expired. */
  authenticate(req: IncomingMessage): Grant | null {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const grant = this.accessTokens.get(token);
    if (!grant || grant.expiresAt < Date.now()) return null;
    if (grant.refresh && this.refreshTokens.get(grant.refresh)?.revoked) return null;
    return grant;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (req.method === 'GET' && url.pathname === '/o/oauth2/v2/auth') return (this.authorize(res, url), true);
    if (req.method === 'POST' && url.pathname === '/token') return (await this.token(req, res), true);
    if (req.method === 'POST' && url.pathname === '/revoke') return (await this.revoke(req, res, url), true);
    if (req.method === 'GET' && (url.pathname === '/oauth2/v3/userinfo' || url.pathname === '/oauth2/v2/userinfo')) {
      const grant = this.authenticate(req);
      if (!grant) return (json(res, 401, googleError(401, 'authError', 'Invalid Credentials')), true);
      json(res, 200, {
        sub: this.user.sub,
        id: this.user.sub,
        email: grant.email,
        email_verified: true,
        verified_email: true,
        name: this.user.name,
        picture: this.user.picture,
      });
      return true;
    }
    return false;
  }

  private authorize(res: ServerResponse, url: URL): void {
    const q = Object.fromEntries(url.searchParams);
    const reject = (reason: string) => {
      this.authorizations.push({ query: q, outcome: 'rejected', reason });
      res.writeHead(400, { 'Content-Type': 'text/html' });
      res.end(`<h1>Error 400: ${reason}</h1>`);
    };
    if (q.client_id !== this.clientId) return reject('invalid_client');
    let redirect: URL;
    try {
      redirect = new URL(q.redirect_uri ?? '');
    } catch {
      return reject('redirect_uri_mismatch');
    }
    // Desktop clients may only redirect to a loopback IP literal over http (any port).
    if (redirect.protocol !== 'http:' || !['127.0.0.1', '[::1]'].includes(redirect.hostname))
      return reject('redirect_uri_mismatch');
    if (q.response_type !== 'code') return reject('unsupported_response_type');
    if (!q.code_challenge || !/^[A-Za-z0-9._~-]{43,128}$/.test(q.code_challenge))
      return reject('invalid_request: code_challenge');
    if (q.code_challenge_method !== 'S256' && q.code_challenge_method !== 'plain')
      return reject('invalid_request: code_challenge_method');
    const scopes = (q.scope ?? '').split(/\s+/).filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !knownScopes.has(s))) return reject('invalid_scope');
    const back = new URL(redirect);
    if (this.consent === 'deny') {
      this.authorizations.push({ query: q, outcome: 'denied' });
      back.searchParams.set('error', 'access_denied');
      if (q.state) back.searchParams.set('state', q.state);
      res.writeHead(302, { Location: back.toString() }).end();
      return;
    }
    const previously =
      q.include_granted_scopes === 'true'
        ? (this.grantedByUser.get(this.user.email) ?? new Set<string>())
        : new Set<string>();
    const grant: Grant = { email: this.user.email, scopes: new Set([...previously, ...scopes]) };
    const code = `4/0${randomBytes(24).toString('base64url')}`;
    this.codes.set(code, {
      clientId: q.client_id,
      redirectUri: q.redirect_uri!,
      challenge: q.code_challenge,
      method: q.code_challenge_method,
      grant,
      offline: q.access_type === 'offline',
    });
    this.authorizations.push({ query: q, outcome: 'redirected' });
    back.searchParams.set('code', code);
    back.searchParams.set('scope', [...grant.scopes].join(' '));
    if (q.state) back.searchParams.set('state', q.state);
    res.writeHead(302, { Location: back.toString() }).end();
  }

  private issueAccess(grant: Grant, refresh?: string) {
    const token = `ya29.emu-${randomBytes(16).toString('hex')}`;
    this.accessTokens.set(token, {
      ...grant,
      scopes: new Set(grant.scopes),
      expiresAt: Date.now() + 3599_000,
      refresh,
    });
    return token;
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = Object.fromEntries(await readForm(req));
    this.tokenRequests.push(form);
    const fail = (status: number, error: string, description: string) =>
      json(res, status, { error, error_description: description });
    if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret)
      return fail(401, 'invalid_client', 'Unauthorized');
    if (form.grant_type === 'authorization_code') {
      const entry = this.codes.get(form.code ?? '');
      if (!entry) return fail(400, 'invalid_grant', 'Malformed auth code.');
      this.codes.delete(form.code!); // one-time
      if (entry.redirectUri !== form.redirect_uri) return fail(400, 'redirect_uri_mismatch', 'Bad Request');
      const verifier = form.code_verifier ?? '';
      const computed = entry.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (!verifier || computed !== entry.challenge) return fail(400, 'invalid_grant', 'Invalid code verifier.');
      const refresh = entry.offline ? `1//emu-${randomBytes(24).toString('base64url')}` : undefined;
      if (refresh) this.refreshTokens.set(refresh, { ...entry.grant, revoked: false });
      this.grantedByUser.set(entry.grant.email, new Set(entry.grant.scopes));
      json(res, 200, {
        access_token: this.issueAccess(entry.grant, refresh),
        expires_in: 3599,
        token_type: 'Bearer',
        scope: [...entry.grant.scopes].join(' '),
        ...(refresh ? { refresh_token: refresh } : {}),
      });
      return;
    }
    if (form.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(form.refresh_token ?? '');
      if (!grant || grant.revoked) return fail(400, 'invalid_grant', 'Token has been expired or revoked.');
      json(res, 200, {
        access_token: this.issueAccess(grant, form.refresh_token),
        expires_in: 3599,
        token_type: 'Bearer',
        scope: [...grant.scopes].join(' '),
      });
      return;
    }
    fail(400, 'unsupported_grant_type', 'Invalid grant_type');
  }

  private async revoke(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const form = await readForm(req);
    const token = form.get('token') ?? url.searchParams.get('token') ?? '';
    const refresh = this.refreshTokens.get(token);
    const access = this.accessTokens.get(token);
    if (!refresh && !access)
      return json(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    this.revocations.push(token);
    if (refresh) refresh.revoked = true;
    if (access?.refresh) {
      const parent = this.refreshTokens.get(access.refresh);
      if (parent) parent.revoked = true;
    }
    this.accessTokens.delete(token);
    json(res, 200, {});
  }
}
