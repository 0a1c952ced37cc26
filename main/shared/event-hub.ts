import type { EventName, EventPayload } from '../../preload/shared/contract/ipc-contract';

type AnyListener = (name: EventName, payload: unknown) => void;

/** Main → renderer events, fanned out to every bridge (IPC windows, web-mode SSE clients). */
export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Receives every event; returns the unsubscribe function. */
  listen(listener: AnyListener): () => void;
}

/** Creates an in-process event hub. */
export function createEventHub(): EventHub {
  const listeners = new Set<AnyListener>();
  return {
    emit(name, payload) {
      for (const listener of [...listeners]) listener(name, payload);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
