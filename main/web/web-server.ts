import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { contentSecurityPolicy } from '../security/csp';
import { dispatchCall } from '../app/dispatch-call';
import type { DeskServices } from '../app/compose-services';
import type { Logger } from '../logging/logger';
import { checkRequest, cookieName, type WebGate } from './web-auth';

export interface WebServerOptions {
  services: DeskServices;
  log: Logger;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port: number;
  /** Fixed only by tests; otherwise a fresh random secret per run. */
  token?: string;
}

export interface RunningWebServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Web mode: the same services and handlers as the Electron shell, behind a loopback HTTP server.
 * Calls are `POST /api/call/<name>` with `{ input }`; events stream on `GET /api/events` (SSE).
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const { services, log } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const gate: WebGate = { port: 0, token };
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, single: true, dotfiles: false });
  const sseClients = new Set<ServerResponse>();

  const stopListening = services.events.listen((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    const verdict = checkRequest(gate, req);
    if (verdict.kind === 'deny') {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(verdict.reason);
      return;
    }
    if (verdict.kind === 'login') {
      res.writeHead(303, {
        'Set-Cookie': `${cookieName(gate.port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: verdict.location,
      });
      res.end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/api/call/')) {
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON.' } });
      }
      let raw: string;
      try {
        raw = await readBody(req);
      } catch {
        res.setHeader('Connection', 'close');
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'invalid_input', message: 'The request is too large.' },
        });
      }
      let input: unknown;
      try {
        const body = JSON.parse(raw) as { input?: unknown };
        input = body?.input;
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
        });
      }
      const name = decodeURIComponent(path.slice('/api/call/'.length));
      return sendJson(res, 200, await dispatchCall(services.handlers, name, input, log));
    }
    if (path === '/api/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('web request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, by address literal: never 0.0.0.0, never "localhost" (which may resolve to ::1 or further).
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  gate.port = port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    async close() {
      stopListening();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
