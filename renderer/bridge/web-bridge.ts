import {
  buildDeskApi,
  type DeskApi,
  type DeskTransport,
  type EventName,
} from '../../preload/shared/contract/ipc-contract';
import { fail, type Result } from '../../preload/shared/contract/result';

/**
 * Web mode's stand-in for the preload: the same `DeskApi` (built by the same function) over
 * `fetch` + Server-Sent Events. The per-run secret travels as an HttpOnly cookie set by the server.
 */
export function createWebBridge(base = ''): DeskApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureStream = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      const { name, payload } = JSON.parse(message.data) as { name: EventName; payload: unknown };
      for (const listener of listeners.get(name) ?? []) listener(payload);
    };
  };
  const transport: DeskTransport = {
    async invoke(name, input): Promise<Result<unknown>> {
      try {
        const response = await fetch(`${base}/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input }),
          credentials: 'same-origin',
        });
        if (response.status === 401)
          return fail('forbidden', 'This page has lost its session. Open the link printed by `npm run web` again.');
        return (await response.json()) as Result<unknown>;
      } catch {
        return fail('unavailable', 'Interview Desk is not running. Start it again with `npm run web`.');
      }
    },
    subscribe(name, listener) {
      ensureStream();
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => void set.delete(listener);
    },
  };
  return buildDeskApi(transport);
}
