import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { googleError, json, readJson } from './http-helpers';
import type { OAuthEmulator } from './oauth-routes';

/** A message accepted by `users.messages.send`. */
export interface SentGmail {
  id: string;
  raw: string;
  /** The decoded RFC 5322 message. */
  rfc822: string;
}

/** Gmail API `users.messages.send`: base64url `raw`, `gmail.send` scope required. */
export class GmailEmulator {
  readonly sent: SentGmail[] = [];

  constructor(private readonly oauth: OAuthEmulator) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!/^\/(upload\/)?gmail\/v1\/users\/(me|[^/]+)\/messages\/send$/.test(url.pathname) || req.method !== 'POST')
      return false;
    const grant = this.oauth.authenticate(req);
    if (!grant) return (json(res, 401, googleError(401, 'authError', 'Invalid Credentials')), true);
    if (!grant.scopes.has('https://www.googleapis.com/auth/gmail.send')) {
      return (
        json(res, 403, googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.')),
        true
      );
    }
    const body = await readJson(req);
    const raw = body?.raw;
    if (typeof raw !== 'string' || raw.length === 0)
      return (
        json(
          res,
          400,
          googleError(
            400,
            'invalidArgument',
            "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
          ),
        ),
        true
      );
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw))
      return (json(res, 400, googleError(400, 'invalidArgument', 'Invalid value for ByteString')), true);
    const id = randomBytes(8).toString('hex');
    this.sent.push({ id, raw, rfc822: Buffer.from(raw, 'base64url').toString('utf8') });
    json(res, 200, { id, threadId: id, labelIds: ['SENT'] });
    return true;
  }
}
