import http from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { googleForFile } from '../../../support/google-for-file';
import { runLoopbackFlow } from '../../../../main/google/account/loopback-flow';
import { callbackPath } from '../../../../main/google/account/callback-verdict';
import { baseScopes } from '../../../../main/google/account/oauth-client';
import { loadEnvConfig } from '../../../../main/config/env-config';
import { forgedQuery, requestTarget } from '../../../support/callback-queries';

/** A GET with the request target exactly as given (fetch would normalise it). */
function rawGet(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method: 'GET', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback sign-in listener under forged callbacks (emulator)', () => {
  const { g } = googleForFile();

  it('arbitrary query strings never end the flow or throw; the real response then completes it', async () => {
    let consent = '';
    const flow = runLoopbackFlow({
      google: loadEnvConfig(g.env, '/tmp/unused').google,
      scopes: baseScopes,
      openBrowser: async (u) => void (consent = u),
      timeoutMs: 60_000,
    });
    let settled = false;
    flow.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!consent) await new Promise((r) => setTimeout(r, 5));
    const port = Number(new URL(new URL(consent).searchParams.get('redirect_uri')!).port);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(forgedQuery, async (query) => {
        runs++;
        const status = await rawGet(port, requestTarget(callbackPath, query));
        expect(status).toBe(400);
        expect(settled).toBe(false);
      }),
      { numRuns: 400 },
    );
    console.log(`[fast-check] forged callbacks over HTTP: ${runs} runs`);
    const real = await g.browse(consent);
    expect(real.status).toBe(200);
    await expect(flow).resolves.toMatchObject({
      code: expect.stringMatching(/^4\/0/),
      redirectUri: `http://127.0.0.1:${port}${callbackPath}`,
    });
  });
});
