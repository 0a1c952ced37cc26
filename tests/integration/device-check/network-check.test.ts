import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNetwork } from '../../../main/device-check/network-check';
import { stunBinding } from '../../../main/device-check/stun-binding';
import { startStunResponder } from '../../support/stun-responder';

describe('network check (loopback endpoint and STUN responder)', () => {
  let server: http.Server;
  let url: string;
  let stun: Awaited<ReturnType<typeof startStunResponder>>;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.method === 'GET') res.end(Buffer.alloc(512 * 1024, 7));
      else res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/netcheck`;
    stun = await startStunResponder();
  });
  afterAll(async () => {
    server.close();
    await stun.close();
  });

  it('measures round trip, jitter and download, and gets a server-reflexive address over UDP', async () => {
    const report = await checkNetwork({ url, stunServer: stun.server });
    expect(report.online).toBe(true);
    expect(report.rttMs).toBeGreaterThan(0);
    expect(report.rttMs).toBeLessThan(200);
    expect(report.jitterMs).toBeGreaterThanOrEqual(0);
    expect(report.downloadMbps).toBeGreaterThan(1);
    expect(report.stun).toMatchObject({ ok: true, reflexive: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(stun.requests).toBeGreaterThan(0);
  });

  it('reports UDP blocked when nothing answers STUN', async () => {
    const result = await stunBinding('127.0.0.1:9', 300);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/no answer|ECONNREFUSED/) });
  });

  it('offline gives one clear verdict', async () => {
    const report = await checkNetwork({
      url: 'http://127.0.0.1:9/none',
      stunServer: '127.0.0.1:9',
      samples: 2,
      timeoutMs: 300,
    });
    expect(report.online).toBe(false);
    expect(report.rttMs).toBeUndefined();
  });

  it('reads a bounded part of an endless body and stops in time', async () => {
    let closed = 0;
    const endless = http.createServer((req, res) => {
      res.on('close', () => closed++);
      if (req.method !== 'GET') return void res.writeHead(204).end();
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((r) => endless.listen(0, '127.0.0.1', r));
    try {
      const started = Date.now();
      const report = await checkNetwork({
        url: `http://127.0.0.1:${(endless.address() as AddressInfo).port}/big`,
        stunServer: stun.server,
        samples: 2,
        timeoutMs: 2000,
        maxBodyBytes: 300_000,
      });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(report.online).toBe(true);
      expect(report.downloadMbps).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBeGreaterThanOrEqual(1);
    } finally {
      endless.closeAllConnections();
      endless.close();
    }
  });

  it('fetches only https (or http on this computer); anything else is refused before any request', async () => {
    for (const bad of [
      'http://example.test/ping',
      'file:///etc/passwd',
      'ftp://127.0.0.1/x',
      'javascript:alert(1)',
      'https://user:pw@example.test/',
    ]) {
      const report = await checkNetwork({ url: bad, stunServer: stun.server, samples: 1, timeoutMs: 300 });
      expect(report.error, bad).toMatch(/must be an https:\/\/ address/);
      expect(report.rttMs).toBeUndefined();
    }
  });
});
