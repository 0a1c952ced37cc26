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

/**
 * Runs in main (no CSP, no CORS): round-trip time and jitter over five requests to the endpoint, a
 * download estimate when the endpoint sends a body, and a STUN binding over UDP, all in parallel.
 */
export async function checkNetwork(options: { url: string; stunServer: string; samples?: number; timeoutMs?: number }): Promise<NetworkReport> {
  const samples = options.samples ?? 5;
  const timeoutMs = options.timeoutMs ?? 3000;
  const stun = stunBinding(options.stunServer);
  const rtts: number[] = [];
  let lastError: string | undefined;
  let downloadMbps: number | undefined;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    try {
      const response = await fetch(options.url, { method: i === 0 ? 'GET' : 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
      if (i === 0) {
        const body = await response.arrayBuffer();
        const seconds = (performance.now() - started) / 1000;
        if (body.byteLength >= 100_000) downloadMbps = (body.byteLength * 8) / 1_000_000 / seconds;
      } else {
        await response.arrayBuffer();
        rtts.push(performance.now() - started);
      }
    } catch (error) {
      lastError = (error as Error).cause ? String(((error as Error).cause as Error).message ?? (error as Error).cause) : (error as Error).message;
    }
  }
  const stunResult = await stun;
  const stunReport = { server: options.stunServer, ...stunResult } as NetworkReport['stun'];
  if (rtts.length === 0 && !stunResult.ok) return { online: false, endpoint: options.url, stun: stunReport, ...(lastError ? { error: lastError } : {}) };
  const sorted = [...rtts].sort((a, b) => a - b);
  const rttMs = sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
  // Jitter as the median change between successive round trips: one slow request (a busy CPU, a
  // garbage collection) should not read as a jittery line.
  const changes = rtts.slice(1).map((r, i) => Math.abs(r - rtts[i]!)).sort((a, b) => a - b);
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
