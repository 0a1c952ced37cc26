import { isCheckUrl } from '../../preload/shared/contract/settings-schema';
import { stunBinding } from './stun-binding';

/** What the network step reports to the renderer. */
export interface NetworkReport {
  online: boolean;
  endpoint: string;
  rttMs?: number;
  jitterMs?: number;
  downloadMbps?: number;
  stun: { server: string; ok: boolean; reflexive?: string; error?: string };
  error?: string;
}

/** The defaults: a tiny HTTPS endpoint that answers 204, and Google's STUN server (Meet's UDP path). */
export const defaultNetcheckUrl = 'https://www.gstatic.com/generate_204';
export const defaultStunServer = 'stun.l.google.com:19302';

/** The most of a response body the check reads: enough for a download estimate, never a whole large file. */
export const maxCheckBodyBytes = 2_000_000;

/** Reads at most `limit` bytes of a body, then stops the download; answers how many were read. */
async function readBounded(response: Response, limit: number): Promise<number> {
  if (!response.body) return 0;
  const reader = response.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total >= limit) return total;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/**
 * Runs in main (no CSP, no CORS): round-trip time and jitter over five requests to the endpoint, a
 * download estimate when the endpoint sends a body, and a STUN binding over UDP, all in parallel.
 * Only an https endpoint is fetched (http only on this computer), redirects are refused, each request
 * (body included) is bounded by `timeoutMs`, and at most `maxBodyBytes` of a body are read.
 */
export async function checkNetwork(options: {
  url: string;
  stunServer: string;
  samples?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
}): Promise<NetworkReport> {
  const samples = options.samples ?? 5;
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxBodyBytes = options.maxBodyBytes ?? maxCheckBodyBytes;
  const stun = stunBinding(options.stunServer);
  if (!isCheckUrl(options.url)) {
    const stunResult = await stun;
    return {
      online: stunResult.ok,
      endpoint: options.url,
      stun: { server: options.stunServer, ...stunResult } as NetworkReport['stun'],
      error: 'The network check address must be an https:// address.',
    };
  }
  const rtts: number[] = [];
  let lastError: string | undefined;
  let downloadMbps: number | undefined;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    try {
      const response = await fetch(options.url, {
        method: i === 0 ? 'GET' : 'HEAD',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (i === 0) {
        const bytes = await readBounded(response, maxBodyBytes);
        const seconds = (performance.now() - started) / 1000;
        if (bytes >= 100_000) downloadMbps = (bytes * 8) / 1_000_000 / seconds;
      } else {
        await readBounded(response, maxBodyBytes);
        rtts.push(performance.now() - started);
      }
    } catch (error) {
      lastError = (error as Error).cause
        ? String(((error as Error).cause as Error).message ?? (error as Error).cause)
        : (error as Error).message;
    }
  }
  const stunResult = await stun;
  const stunReport = { server: options.stunServer, ...stunResult } as NetworkReport['stun'];
  if (rtts.length === 0 && !stunResult.ok)
    return { online: false, endpoint: options.url, stun: stunReport, ...(lastError ? { error: lastError } : {}) };
  const sorted = [...rtts].sort((a, b) => a - b);
  const rttMs = sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
  // Jitter as the median change between successive round trips: one slow request (a busy CPU, a
  // garbage collection) should not read as a jittery line.
  const changes = rtts
    .slice(1)
    .map((r, i) => Math.abs(r - rtts[i]!))
    .sort((a, b) => a - b);
  const jitterMs = changes.length ? changes[Math.floor(changes.length / 2)] : undefined;
  return {
    online: true,
    endpoint: options.url,
    ...(rttMs !== undefined ? { rttMs } : {}),
    ...(jitterMs !== undefined ? { jitterMs } : {}),
    ...(downloadMbps !== undefined ? { downloadMbps } : {}),
    stun: stunReport,
    ...(lastError && rtts.length === 0 ? { error: lastError } : {}),
  };
}
