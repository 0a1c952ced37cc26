import { composeServices, type DeskServices, type ServiceDeps } from '../../main/app/compose-services';
import { loadEnvConfig } from '../../main/config/env-config';
import { createMemoryLogger } from '../../main/logging/logger';
import { storesFor } from './test-services';
import type { OpenedStores } from '../../main/database/open-stores';
import { createKeytarSecretStore } from '../../main/secrets/keytar-secret-store';
import type { SecretStore } from '../../main/secrets/secret-store';
import type { GoogleEmulator } from '../google-emulator/google-emulator';
import type { SmtpSink } from './smtp-sink';

/** Real services wired to the emulator, the real keychain (a per-test service name) and a real store. */
export function googleServices(
  emulator: GoogleEmulator,
  dataDir: string,
  options: {
    keychainService: string;
    browse?: (url: string) => Promise<unknown>;
    overrides?: Partial<ServiceDeps>;
    secrets?: SecretStore;
    /** The SMTP server mail goes to, as when the app is started with INTERVIEW_DESK_SMTP_URL. */
    smtp?: Pick<SmtpSink, 'url'>;
  },
): DeskServices & { lines: string[]; stores: OpenedStores } {
  const log = createMemoryLogger();
  const stores = storesFor(dataDir);
  const services = composeServices({
    config: loadEnvConfig(
      { ...emulator.env, ...(options.smtp ? { INTERVIEW_DESK_SMTP_URL: options.smtp.url } : {}) },
      dataDir,
    ),
    log,
    store: stores.store,
    database: stores.database,
    secrets: options.secrets ?? createKeytarSecretStore(options.keychainService),
    clock: { now: () => Date.now() },
    openExternal: async (url) => void (options.browse ?? emulator.browse)(url),
    info: { name: 'Interview Desk', version: 'test', mode: 'web', platform: process.platform },
    templatesDir: 'templates',
    locale: 'en-GB',
    ...options.overrides,
    // A test's own Google tuning replaces these whole; its other tunings join them.
    tuning: {
      google: {
        flowTimeoutMs: 5_000,
        retry: { baseDelayMs: 5, maxDelayMs: 40, totalCapMs: 3_000 },
        conferencePollMs: [20, 20, 40, 40, 80],
        requestTimeoutMs: 1_500,
        syncIntervalMs: 3_600_000,
      },
      ...options.overrides?.tuning,
    },
  });
  return Object.assign(services, { lines: log.lines, stores });
}

/** Waits until `check` passes (polling), for effects of background queue drains. */
export async function eventually(check: () => unknown, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      await check();
      return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw last;
}
