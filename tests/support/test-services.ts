import { composeServices, type DeskServices, type ServiceDeps } from '../../main/app/compose-services';
import { loadEnvConfig } from '../../main/config/env-config';
import { createMemoryLogger } from '../../main/logging/logger';
import { confBackend } from '../../main/store/conf-backend';
import { openAppStore } from '../../main/store/open-app-store';
import type { SecretStore } from '../../main/secrets/secret-store';
import type { KeyValueStore } from '../../main/store/key-value-store';

/** A secret store in memory, for tests that are not about the keychain. */
export function memorySecretStore(): SecretStore {
  const data = new Map<string, string>();
  return {
    get: async (a) => data.get(a) ?? null,
    set: async (a, s) => void data.set(a, s),
    delete: async (a) => data.delete(a),
    accounts: async () => [...data.keys()],
  };
}

/** Real services over a real conf store in `dataDir`. */
export function servicesFor(dataDir: string, overrides: Partial<ServiceDeps> = {}): DeskServices {
  return composeServices({
    config: loadEnvConfig({}, dataDir),
    log: createMemoryLogger(),
    store: openAppStore({ dataDir, backend: confBackend, clock: { now: () => Date.now() }, log: createMemoryLogger() }).store,
    secrets: memorySecretStore(),
    clock: { now: () => Date.now() },
    openExternal: async () => {},
    info: { name: 'Interview Desk', version: 'test', mode: 'web', platform: process.platform },
    templatesDir: 'templates',
    ...overrides,
  });
}

/** A key-value store in memory (with its map exposed), for tests that are not about persistence. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), has: (k) => data.has(k), delete: (k) => void data.delete(k), path: ':memory:' };
}
