import type { KeyValueStore } from './key-value-store';

/**
 * conf re-reads and re-parses the whole file on every `get`. Main is the only writer (data-dir
 * lock), so reads can be served from memory and writes go through to the backend, which still
 * validates and writes atomically. Values are shared, not copied: callers treat what they get and
 * set as immutable, as the services do by always building new objects.
 */
export function cachedStore(backend: KeyValueStore): KeyValueStore {
  const cache = new Map<string, unknown>();
  return {
    get path() {
      return backend.path;
    },
    get(key) {
      if (!cache.has(key)) cache.set(key, backend.get(key));
      return cache.get(key);
    },
    set(key, value) {
      backend.set(key, value);
      cache.set(key, value);
    },
    has(key) {
      return cache.has(key) ? cache.get(key) !== undefined : backend.has(key);
    },
    delete(key) {
      backend.delete(key);
      cache.set(key, undefined);
    },
  };
}
