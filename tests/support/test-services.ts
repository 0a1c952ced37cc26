import { composeServices, type DeskServices, type ServiceDeps } from '../../main/app/compose-services';
import { loadEnvConfig } from '../../main/config/env-config';
import { createMemoryLogger } from '../../main/logging/logger';
import { confBackend } from '../../main/settings-file/conf-backend';
import { openStores, type OpenedStores } from '../../main/database/open-stores';
import type { SecretStore } from '../../main/secrets/secret-store';
import type { KeyValueStore } from '../../main/settings-file/key-value-store';
import type { Clock } from '../../main/platform/clock';

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

/** The real settings file and database of `dataDir`, opened as the app opens them (conf engine). */
export function storesFor(dataDir: string, clock: Clock = { now: () => Date.now() }): OpenedStores {
  return openStores({ dataDir, backend: confBackend, clock, log: createMemoryLogger() });
}

/** Real services over a real settings file and a real SQLite database in `dataDir`. */
export function servicesFor(
  dataDir: string,
  overrides: Partial<ServiceDeps> = {},
): DeskServices & { stores: OpenedStores } {
  const stores = storesFor(dataDir, overrides.clock);
  const services = composeServices({
    config: loadEnvConfig({}, dataDir),
    log: createMemoryLogger(),
    store: stores.store,
    database: stores.database,
    startupNotices: stores.notices,
    secrets: memorySecretStore(),
    clock: { now: () => Date.now() },
    openExternal: async () => {},
    info: { name: 'Interview Desk', version: 'test', mode: 'web', platform: process.platform },
    templatesDir: 'templates',
    // Times written as in Britain unless a test asks for another locale (Node's own follows the machine).
    locale: 'en-GB',
    ...overrides,
  });
  return Object.assign(services, { stores });
}

/** A key-value store in memory (with its map exposed), for tests that are not about persistence. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (k) => data.get(k),
    set: (k, v) => void data.set(k, v),
    has: (k) => data.has(k),
    delete: (k) => void data.delete(k),
    path: ':memory:',
  };
}
