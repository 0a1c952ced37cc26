/**
 * Fault injection: the next matching requests get a chosen status, a delay, a hang (no answer,
 * as a timeout) or are committed first and then answered with an error (the "timeout after the
 * server committed" case that breeds duplicates).
 */
export interface Fault {
  method?: string;
  /** Matched against the path with `includes` (string) or `test` (RegExp). */
  path?: string | RegExp;
  status?: number;
  reason?: string;
  message?: string;
  /** Sent as `Retry-After` (seconds). */
  retryAfter?: number;
  delayMs?: number;
  /** Cut the connection at once, as when the network is down (the client sees ECONNRESET). */
  drop?: boolean;
  /** Never answer; the socket is destroyed after `delayMs` (default 30 s) or when the client gives up. */
  hang?: boolean;
  /** Run the request for real, then answer with `status` (or hang) instead of the real answer. */
  afterCommit?: boolean;
  /** How many requests this fault applies to (default 1). */
  times?: number;
  /** OAuth token endpoint style error body instead of Google's API error body. */
  oauthError?: string;
  /**
   * Runs just before the request is handled: someone else's change that lands first. Without a
   * status (or drop, hang) the request is then answered for real.
   */
  before?: () => void;
}

export class FaultQueue {
  private faults: Array<Fault & { left: number }> = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes the first fault matching this request, if any. */
  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (!f.method || f.method === method) &&
        (!f.path || (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.left--;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }
}
