import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Web mode's request gate, pure so it can be table-tested: loopback Host only (defeats DNS
 * rebinding), same Origin only (defeats cross-site requests from any page the person visits), and
 * the per-run secret as a cookie or header on every request.
 */
export interface WebGate {
  port: number;
  token: string;
}

export type GateVerdict =
  | { kind: 'allow' }
  | { kind: 'login'; location: string }
  | { kind: 'deny'; status: 400 | 401 | 403 | 421; reason: string };

/** The cookie name carries the port: cookies ignore ports, and two instances must not clobber each other. */
export function cookieName(port: number): string {
  return `desk_token_${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The origins this instance answers to. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Decides one request. */
export function checkRequest(gate: WebGate, req: Pick<IncomingMessage, 'headers' | 'method' | 'url'>): GateVerdict {
  const host = req.headers.host;
  if (!host || !allowedOrigins(gate.port).includes(`http://${host.toLowerCase()}`)) {
    return { kind: 'deny', status: 421, reason: 'This server only answers to 127.0.0.1.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(gate.port).includes(origin)) {
    return { kind: 'deny', status: 403, reason: 'Cross-origin requests are refused.' };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && !['same-origin', 'none'].includes(fetchSite)) {
    return { kind: 'deny', status: 403, reason: 'Cross-site requests are refused.' };
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  const offered = url.searchParams.get('token');
  if (offered !== null) {
    if (req.method !== 'GET' || !sameSecret(offered, gate.token)) {
      return {
        kind: 'deny',
        status: 401,
        reason: 'That link is not valid for this run. Open the URL printed by `npm run web`.',
      };
    }
    url.searchParams.delete('token');
    return { kind: 'login', location: url.pathname + url.search };
  }
  const presented = readCookie(req.headers.cookie, cookieName(gate.port)) ?? req.headers['x-desk-token'];
  if (typeof presented === 'string' && sameSecret(presented, gate.token)) return { kind: 'allow' };
  return { kind: 'deny', status: 401, reason: "Open the URL printed by `npm run web` (it carries this run's secret)." };
}
