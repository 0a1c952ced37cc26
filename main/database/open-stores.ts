import type { Notice } from '../../preload/shared/contract/ipc-contract';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { KeyValueStore } from '../settings-file/key-value-store';
import { openAppStore, type SchemaBackendFactory } from '../settings-file/open-app-store';
import type { Database } from './database';
import { importLegacyStore } from './import-legacy-store';
import { openDatabase } from './open-database';
import { pruneOldCopies } from './prune-copies';

/** Both stores of a data dir, opened, and what the person must be told about them. */
export interface OpenedStores {
  store: KeyValueStore;
  database: Database;
  notices: Notice[];
  /** Takes the database's last good copy when due; for after a start that succeeded (see `openDatabase`). */
  keepGoodCopy(): void;
}

/**
 * Opens the database first (checked, migrated, recovered), then the settings file, whose first open
 * after the upgrade moves the old JSON data into the database. The caller holds the data-dir lock.
 */
export function openStores(options: {
  dataDir: string;
  backend: SchemaBackendFactory;
  clock: Clock;
  log: Logger;
  backupEveryMs?: number;
}): OpenedStores {
  const { dataDir, backend, clock, log } = options;
  const opened = openDatabase({
    dataDir,
    clock,
    log: log.scope('storage'),
    ...(options.backupEveryMs ? { backupEveryMs: options.backupEveryMs } : {}),
  });
  const database = opened.database;
  try {
    const { store, notices } = openAppStore({
      dataDir,
      backend,
      clock,
      log: log.scope('store'),
      moveToDatabase: (data) => importLegacyStore(database, data, { now: clock.now(), log: log.scope('storage') }),
    });
    // Both stores are open and any damaged file is moved aside, so the newest copy of each kind is known.
    pruneOldCopies(dataDir, log.scope('storage'));
    return { store, database, notices: [...opened.notices, ...notices], keepGoodCopy: opened.keepGoodCopy };
  } catch (error) {
    database.close();
    throw error;
  }
}
