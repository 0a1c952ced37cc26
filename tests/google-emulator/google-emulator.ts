/**
 * A loopback Google for tests: OAuth (authorize, token, revoke, userinfo), Calendar v3 events and
 * Gmail send, Calendar free/busy and Meet v2 conference records, validating requests the way Google does (PKCE, loopback redirects, one-time codes,
 * event id rules, conferenceDataVersion, sync tokens, error bodies) and able to inject faults.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, type Fault } from './faults';
import { googleError, json, rpcError } from './http-helpers';
import { OAuthEmulator } from './oauth-routes';
import { CalendarEmulator } from './calendar-routes';
import { GmailEmulator } from './gmail-routes';
import { MeetEmulator } from './meet-routes';
import { FreeBusyEmulator } from './freebusy-routes';
import { FormsEmulator } from './forms-routes';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

export interface GoogleEmulator {
  url: string;
  oauth: OAuthEmulator;
  calendar: CalendarEmulator;
  gmail: GmailEmulator;
  meet: MeetEmulator;
  freeBusy: FreeBusyEmulator;
  forms: FormsEmulator;
  faults: FaultQueue;
  requests: RecordedRequest[];
  /** The environment that points Interview Desk at this emulator. */
  env: Record<string, string>;
  /** Simulates the system browser: opens the consent URL and follows the redirect to the app's loopback. */
  browse(url: string): Promise<{ status: number; body: string }>;
  /** Requests whose path contains `fragment` (and method, if given). */
  count(fragment: string, method?: string): number;
  close(): Promise<void>;
}

function sendFault(res: ServerResponse, fault: Fault, path: string): void {
  const status = fault.status ?? 500;
  const headers: Record<string, string> =
    fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
  if (fault.oauthError)
    return json(
      res,
      status,
      { error: fault.oauthError, error_description: fault.message ?? fault.oauthError },
      headers,
    );
  // Meet v2 answers in the newer error form, with no errors[] list.
  if (path.startsWith('/v2/'))
    return json(res, status, rpcError(status, fault.message ?? `Injected ${status}`, fault.reason), headers);
  // Forms v1 is gRPC-transcoded too.
  if (path.startsWith('/v1/forms'))
    return json(
      res,
      status,
      rpcError(status, fault.message ?? `Injected ${status}`, fault.reason, 'forms.googleapis.com'),
      headers,
    );
  const domain = status === 403 || status === 429 ? 'usageLimits' : 'global';
  const reason = fault.reason ?? (status === 429 ? 'rateLimitExceeded' : status >= 500 ? 'backendError' : 'invalid');
  json(res, status, googleError(status, reason, fault.message ?? `Injected ${status} ${reason}`, domain), headers);
}

/** Starts an emulator on 127.0.0.1 with a free port. */
export async function startGoogleEmulator(): Promise<GoogleEmulator> {
  const oauth = new OAuthEmulator();
  const calendar = new CalendarEmulator(oauth);
  const gmail = new GmailEmulator(oauth);
  const meet = new MeetEmulator(oauth);
  const freeBusy = new FreeBusyEmulator(oauth, calendar);
  const forms = new FormsEmulator(oauth);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    for (const service of [oauth, calendar, gmail, meet, freeBusy, forms])
      if (await service.handle(req, res, url)) return;
    json(res, 404, googleError(404, 'notFound', `No emulated endpoint for ${req.method} ${url.pathname}`));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams) });
    const fault = faults.take(req.method ?? 'GET', url.pathname);
    const run = async () => {
      if (fault?.drop) {
        req.socket.destroy();
        return;
      }
      if (fault?.delayMs && !fault.hang) await new Promise((r) => setTimeout(r, fault.delayMs));
      fault?.before?.();
      // A fault that only brings someone else's change first: the request itself is answered for real.
      if (fault?.before && fault.status === undefined && !fault.hang && !fault.afterCommit && !fault.oauthError) {
        await route(req, res, url);
        return;
      }
      if (fault?.afterCommit) {
        // Run for real, then throw the answer away: the client sees a failure although the server committed.
        const sink = { headersSent: false, setHeader() {}, writeHead: () => sink, write: () => true, end: () => sink };
        await route(req, sink as unknown as ServerResponse, url);
      }
      if (fault?.hang) {
        setTimeout(() => req.socket.destroy(), fault.delayMs ?? 30_000).unref();
        return;
      }
      if (fault) return sendFault(res, fault, url.pathname);
      await route(req, res, url);
    };
    run().catch((error: unknown) => json(res, 500, googleError(500, 'backendError', String(error))));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    oauth,
    calendar,
    gmail,
    meet,
    freeBusy,
    forms,
    faults,
    requests,
    env: {
      INTERVIEW_DESK_GOOGLE_CLIENT_ID: oauth.clientId,
      INTERVIEW_DESK_GOOGLE_CLIENT_SECRET: oauth.clientSecret,
      INTERVIEW_DESK_GOOGLE_AUTH_URL: `${url}/o/oauth2/v2/auth`,
      INTERVIEW_DESK_GOOGLE_TOKEN_URL: `${url}/token`,
      INTERVIEW_DESK_GOOGLE_REVOKE_URL: `${url}/revoke`,
      INTERVIEW_DESK_GOOGLE_API_URL: `${url}/`,
      INTERVIEW_DESK_GOOGLE_MEET_API_URL: `${url}/`,
      INTERVIEW_DESK_GOOGLE_FORMS_API_URL: `${url}/`,
    },
    async browse(consentUrl) {
      const first = await fetch(consentUrl, { redirect: 'manual' });
      const location = first.headers.get('location');
      if (!location) return { status: first.status, body: await first.text() };
      const back = await fetch(location, { redirect: 'manual' });
      return { status: back.status, body: await back.text() };
    },
    count(fragment, method) {
      return requests.filter((r) => r.path.includes(fragment) && (!method || r.method === method)).length;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
