import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../../main/web/web-server';
import { createMemoryLogger } from '../../../main/logging/logger';
import { cookieName } from '../../../main/web/web-auth';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import type { DeskServices } from '../../../main/app/compose-services';

/** Raw HTTP so tests control every header (fetch forbids setting Host and Origin). */
function request(
  port: number,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web mode server', () => {
  const temp = makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  let server: RunningWebServer;
  let services: DeskServices;
  let host: string;
  let cookie: string;
  const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      path: `/api/call/${name}`,
      method: 'POST',
      headers: { host, cookie, 'content-type': 'application/json', origin: server.origin, ...headers },
      body: JSON.stringify({ input }),
    });

  beforeAll(async () => {
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Interview Desk</title>');
    services = servicesFor(path.join(temp.dir, 'data'));
    server = await startWebServer({ services, log: createMemoryLogger(), rendererDir, port: 0 });
    host = `127.0.0.1:${server.port}`;
    cookie = `${cookieName(server.port)}=${server.token}`;
  });
  afterAll(async () => {
    await server.close();
    temp.cleanup();
  });

  it('prints a loopback URL carrying a long random secret', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it('listens on 127.0.0.1 only', async () => {
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) return; // no non-loopback interface on this machine: nothing else to listen on
    await expect(
      new Promise((resolve, reject) =>
        http.get({ host: other.address, port: server.port, timeout: 1000 }, resolve).on('error', reject),
      ),
    ).rejects.toThrow();
  });

  it('turns the URL secret into an HttpOnly SameSite=Strict cookie and drops it from the address bar', async () => {
    const res = await request(server.port, { path: `/?token=${server.token}`, headers: { host } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toBe(
      `${cookieName(server.port)}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  it('refuses every request without the secret, including the page and the API', async () => {
    expect((await request(server.port, { headers: { host } })).status).toBe(401);
    expect((await request(server.port, { path: '/?token=wrong', headers: { host } })).status).toBe(401);
    const res = await call('settings:get', undefined, { cookie: `${cookieName(server.port)}=nope` });
    expect(res.status).toBe(401);
    expect((await request(server.port, { path: '/api/events', headers: { host } })).status).toBe(401);
  });

  it('accepts the secret as a header too', async () => {
    const res = await call('app:info', undefined, { cookie: '', 'x-desk-token': server.token });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it.each(['evil.com', 'evil.com:80', `attacker.127.0.0.1.nip.io:0`, '127.0.0.2', 'localhost.evil.com'])(
    'refuses Host %j (DNS rebinding)',
    async (badHost) => {
      const res = await request(server.port, { headers: { host: badHost.replace(':0', `:${server.port}`), cookie } });
      expect(res.status).toBe(421);
    },
  );

  it.each(['https://evil.com', 'null', 'http://127.0.0.1:1', 'http://127.0.0.1.evil.com'])(
    'refuses cross-origin calls from %s even with the cookie',
    async (origin) => {
      const res = await call('settings:update', { companyName: 'pwned' }, { origin });
      expect(res.status).toBe(403);
      const settings = JSON.parse((await call('settings:get', undefined)).body);
      expect(settings.value.companyName).not.toBe('pwned');
    },
  );

  it('refuses cross-site fetch metadata', async () => {
    const res = await call('settings:get', undefined, { 'sec-fetch-site': 'cross-site', origin: '' });
    expect(res.status).toBe(403);
  });

  it('serves the renderer with a strict CSP and security headers', async () => {
    const res = await request(server.port, { headers: { host, cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Interview Desk');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('runs calls through the same dispatcher: validation errors come back as results', async () => {
    const bad = JSON.parse((await call('settings:update', { brandColor: 'red' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'brandColor' } });
    const good = JSON.parse((await call('settings:update', { brandColor: '#112233' })).body);
    expect(good).toMatchObject({ ok: true, value: { brandColor: '#112233' } });
    const unknown = JSON.parse((await call('nope:nothing', undefined)).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('rejects non-JSON and oversized bodies', async () => {
    const text = await request(server.port, {
      path: '/api/call/settings:get',
      method: 'POST',
      headers: { host, cookie, origin: server.origin, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    const broken = await request(server.port, {
      path: '/api/call/settings:get',
      method: 'POST',
      headers: { host, cookie, origin: server.origin, 'content-type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
    const huge = await request(server.port, {
      path: '/api/call/settings:update',
      method: 'POST',
      headers: { host, cookie, origin: server.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { signOff: 'x'.repeat(2_000_000) } }),
    }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
  });

  it('pushes events to connected clients over SSE', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host, cookie } },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream');
          let buffer = '';
          res.on('data', (chunk) => {
            buffer += chunk;
            if (buffer.includes('connected') && !buffer.includes('data:'))
              services.notices.post({ id: 'sse', level: 'info', message: 'pushed' });
            if (buffer.includes('data:')) {
              req.destroy();
              resolve(buffer);
            }
          });
        },
      );
      req.on('error', reject);
    });
    const line = received.split('\n').find((l) => l.startsWith('data:'))!;
    expect(JSON.parse(line.slice(5))).toEqual({
      name: 'app:notice',
      payload: { id: 'sse', level: 'info', message: 'pushed' },
    });
  });
});
