import { describe, expect, it } from 'vitest';
import { backoffDelay, GoogleCallError, withGoogleRetry } from '../../../../main/google/api/retry-policy';
import { describeGoogleError, isRetryable, parseRetryAfter } from '../../../../main/google/api/google-errors';
import { eventIdFor } from '../../../../main/google/calendar/event-mapping';

function apiError(status: number, reason?: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: {
      status,
      headers,
      data: { error: { code: status, message: `m${status}`, errors: reason ? [{ reason }] : [] } },
    },
  });
}

function runner(failures: unknown[]) {
  const delays: number[] = [];
  let now = 0;
  let calls = 0;
  const options = {
    now: () => now,
    sleep: async (ms: number) => void (delays.push(ms), (now += ms)),
    random: () => 1,
    baseDelayMs: 100,
    maxDelayMs: 10_000,
    totalCapMs: 60_000,
    maxAttempts: 6,
  };
  const run = () =>
    withGoogleRetry(async () => {
      calls++;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'ok';
    }, options);
  return { run, delays, calls: () => calls, options };
}

describe('Google retry policy', () => {
  it.each([
    [apiError(429), true],
    [apiError(500), true],
    [apiError(502), true],
    [apiError(503), true],
    [apiError(504), true],
    [apiError(403, 'rateLimitExceeded'), true],
    [apiError(403, 'userRateLimitExceeded'), true],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), true],
    [apiError(400), false],
    [apiError(401), false],
    [apiError(403, 'forbidden'), false],
    [apiError(403, 'insufficientPermissions'), false],
    [apiError(404), false],
    [apiError(409), false],
    [apiError(410), false],
    [Object.assign(new Error('invalid_grant'), { response: { status: 400, data: { error: 'invalid_grant' } } }), false],
  ])('%s → retryable %s', (error, expected) => {
    expect(isRetryable(describeGoogleError(error))).toBe(expected);
  });

  it('backs off exponentially with jitter, then succeeds', async () => {
    const r = runner([apiError(503), apiError(503), apiError(503)]);
    expect(await r.run()).toBe('ok');
    expect(r.delays).toEqual([100, 200, 400]);
    const jittered = [0.1, 0.5, 0.9].map((x) =>
      backoffDelay(3, describeGoogleError(apiError(500)), { baseDelayMs: 100, maxDelayMs: 10_000, random: () => x }),
    );
    expect(jittered).toEqual([40, 200, 360]);
  });

  it('honours Retry-After in seconds and as a date', async () => {
    const r = runner([apiError(429, 'rateLimitExceeded', { 'retry-after': '7' })]);
    await r.run();
    expect(r.delays).toEqual([7000]);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('never retries other 4xx', async () => {
    const r = runner([apiError(400)]);
    await expect(r.run()).rejects.toBeInstanceOf(GoogleCallError);
    expect(r.calls()).toBe(1);
  });

  it('stops at the attempt limit and at the total time cap', async () => {
    const r = runner(Array.from({ length: 10 }, () => apiError(500)));
    await expect(r.run()).rejects.toMatchObject({ attempts: 6 });
    const capped = runner([
      apiError(429, undefined, { 'retry-after': '50' }),
      apiError(429, undefined, { 'retry-after': '50' }),
    ]);
    capped.options.totalCapMs = 60_000;
    await expect(capped.run()).rejects.toMatchObject({ attempts: 2 });
    expect(capped.delays).toEqual([40_000]);
  });

  it('does not retry a non-idempotent call blindly', async () => {
    let calls = 0;
    await expect(
      withGoogleRetry(
        async () => {
          calls++;
          throw apiError(503);
        },
        { idempotent: false, sleep: async () => {} },
      ),
    ).rejects.toBeInstanceOf(GoogleCallError);
    expect(calls).toBe(1);
  });

  it('derives valid, stable event ids (base32hex, 5–1024)', () => {
    const id = eventIdFor('4B6F3C1E-9A0D-4C2B-8E57-0F5D1A2B3C4D');
    expect(id).toBe('4b6f3c1e9a0d4c2b8e570f5d1a2b3c4d');
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
  });
});
