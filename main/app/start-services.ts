import { fileURLToPath } from 'node:url';
import { ConfigError, loadEnvConfig, type AppConfig } from '../config/env-config';
import { createFileLogger, type Logger } from '../logging/logger';
import { lockDataDir } from '../platform/data-dir-lock';
import type { SchemaBackendFactory } from '../settings-file/open-app-store';
import { openStores } from '../database/open-stores';
import type { Database } from '../database/database';
import type { MeetLauncher } from '../meet/meet-launcher';
import type { KeyValueStore } from '../settings-file/key-value-store';
import { createKeytarSecretStore } from '../secrets/keytar-secret-store';
import { systemClock } from '../platform/clock';
import { securePrivateDataDir, tightenPrivateTree } from '../platform/private-files';
import { composeServices, type DeskServices, type ServiceDeps } from './compose-services';
import type { AppInfo, MediaAccess } from '../../preload/shared/contract/ipc-contract';

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  mode: AppInfo['mode'];
  info: AppInfo;
  defaultDataDir: string;
  storeBackend: SchemaBackendFactory;
  /** Builds the Meet window launcher once the store is open (Electron); web mode has none. */
  meetLauncher?: (store: KeyValueStore) => MeetLauncher;
  mediaAccess?: () => Promise<MediaAccess>;
  notifier?: ServiceDeps['notifier'];
  waitingNotifier?: ServiceDeps['waitingNotifier'];
  scorecardDueNotifier?: ServiceDeps['scorecardDueNotifier'];
  savePdf?: ServiceDeps['savePdf'];
  /** The recruiter's locale (Electron: the system's regional format); Node's own otherwise. */
  locale?: string;
  openExternal: (url: string) => Promise<void>;
  consoleLevel?: 'error' | 'warn' | 'info' | false;
}

export interface StartedApp {
  config: AppConfig;
  store: KeyValueStore;
  database: Database;
  log: Logger;
  services: DeskServices;
  stop(): Promise<void>;
}

/**
 * Start-up shared by the Electron shell and web mode: parse the environment (a bad variable throws
 * ConfigError, one line), take the data-dir lock, open the log, the database (checked, migrated,
 * recovered from its last good copy if damaged), the settings file (whose first open after the
 * upgrade moves the old JSON data into the database) and the keychain, compose services.
 */
export async function startServices(options: StartOptions): Promise<StartedApp> {
  const config = loadEnvConfig(options.env, options.defaultDataDir);
  // The data folder holds candidate data: private before anything is written, whatever an older
  // version or the umask left behind.
  const skipped: string[] = [];
  const loosened = securePrivateDataDir(config.dataDir, (target, reason) => skipped.push(`${target} (${reason})`));
  const unlock = await lockDataDir(config.dataDir);
  const log = createFileLogger({ dataDir: config.dataDir, consoleLevel: options.consoleLevel ?? false });
  log.info(`starting ${options.info.name} ${options.info.version} (${options.mode})`);
  if (loosened.length > 0)
    log.warn(`${loosened.length} files or folders in the data folder were readable by other users; made private`);
  for (const entry of skipped) log.warn(`could not make private, left as it is: ${entry}`);
  let opened;
  try {
    opened = openStores({ dataDir: config.dataDir, backend: options.storeBackend, clock: systemClock, log });
  } catch (error) {
    await unlock();
    throw error;
  }
  const { store, database } = opened;
  // Whatever a store engine created with default modes is private before use (the database, its
  // -wal/-shm and backups are created 0600 already; this covers files an older version left).
  tightenPrivateTree(config.dataDir, (target, reason) =>
    log.warn(`could not make private, left as it is: ${target} (${reason})`),
  );
  const services = composeServices({
    config,
    log,
    store,
    database,
    startupNotices: opened.notices,
    ...(options.meetLauncher ? { meetLauncher: options.meetLauncher(store) } : {}),
    ...(options.mediaAccess ? { mediaAccess: options.mediaAccess } : {}),
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(options.waitingNotifier ? { waitingNotifier: options.waitingNotifier } : {}),
    ...(options.scorecardDueNotifier ? { scorecardDueNotifier: options.scorecardDueNotifier } : {}),
    ...(options.savePdf ? { savePdf: options.savePdf } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    secrets: createKeytarSecretStore(),
    clock: systemClock,
    openExternal: options.openExternal,
    info: options.info,
    // templates/ sits two levels above both the bundles (dist/web, dist/main) and this source file.
    templatesDir: fileURLToPath(new URL('../../templates/', import.meta.url)),
  });
  await keepGoodCopyAfterFirstReads(services, opened.keepGoodCopy, log);
  return {
    config,
    store,
    database,
    log,
    services,
    async stop() {
      await services.dispose();
      database.close();
      log.info('stopped');
      await unlock();
    },
  };
}

/**
 * The database's last good copy is taken only after a start that succeeded: the services are built
 * and the first reads a window makes (the next interview, the first page of the schedule) answered.
 * Data that opens but breaks the app then never replaces the copy that would restore it.
 */
async function keepGoodCopyAfterFirstReads(
  services: DeskServices,
  keepGoodCopy: () => void,
  log: Logger,
): Promise<void> {
  const now = systemClock.now();
  try {
    await services.handlers['interviews:next'](undefined);
    await services.handlers['interviews:page']({
      section: 'upcoming',
      query: '',
      todayStartMs: now - 24 * 3600_000,
      nowMs: now,
      offset: 0,
      limit: 50,
    });
  } catch (error) {
    log.error(
      `the first reads failed, so the last good copy of the database is kept as it is: ${(error as Error).message}`,
    );
    return;
  }
  keepGoodCopy();
}

export { ConfigError };
