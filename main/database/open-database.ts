import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Notice } from '../../preload/shared/contract/ipc-contract';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import { copyPrivateFile, ensurePrivateDir, ensurePrivateFile } from '../platform/private-files';
import { damagedFileNotice } from '../settings-file/recovery-notice';
import { applyPragmas, wrapDatabase, type Database } from './database';
import { databaseVersion, migrateDatabase, NewerDatabaseError } from './schema-migrations';
import { backupDue, backupInto, isLastGoodCopy, recordBackup } from './database-backup';
import { changedSinceExit, dailyFullCheck, fullCheckReason, recordCleanExit, takeCleanExit } from './clean-exit';
import { ensureSearchIndex, type SearchMode } from './search-index';
import { checkInterviewRecords, unreadableIds, unreadableNotice } from './unreadable-interviews';
import { markRecordFormat, refuseNewerRecords } from './record-format';
import { markRestored } from './restore-hold';

export const databaseName = 'interview-desk';

/** Where the database, its last good copy and moved-aside damaged files live in the data dir. */
export function databasePaths(dataDir: string, now = Date.now()) {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return {
    file: path.join(dataDir, `${databaseName}.sqlite`),
    backup: path.join(dataDir, `${databaseName}.backup.sqlite`),
    aside: path.join(dataDir, `${databaseName}.damaged-${stamp}.sqlite`),
    beforeVersion: (version: number) => path.join(dataDir, `${databaseName}.before-v${version}.sqlite`),
  };
}

/** SQLite's companion files: moved and removed together with the database. */
const companions = ['', '-wal', '-shm'];

export interface OpenedDatabase {
  database: Database;
  notices: Notice[];
  /** Which integrity check ran: the whole-file `quick_check`, or the cheap one after a clean exit. */
  check: 'full' | 'cheap';
  search: SearchMode;
  /**
   * Takes the last good copy when it is due (at most once per `backupEveryMs`) and the open needed no
   * recovery. Called once the start has succeeded (services built, first reads answered), so data
   * that opens but breaks the app never replaces the good copy.
   */
  keepGoodCopy(): void;
}

function moveAside(file: string, aside: string): void {
  for (const suffix of companions) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
}

/**
 * Opens, sets pragmas and checks one file; throws when SQLite finds it damaged. A damaged file is
 * moved to `aside` (if given) before the connection closes: closing deletes the -wal, which may hold
 * the last transactions and is kept with the damaged file.
 */
function openChecked(file: string, aside?: string, full = true): DatabaseSync {
  // Owner-only before SQLite opens it: SQLite gives -wal and -shm the database file's mode.
  ensurePrivateFile(file);
  let sql: DatabaseSync | undefined;
  try {
    sql = new DatabaseSync(file);
    // The pragmas read the header: a file that is not a database fails here, whichever check runs.
    applyPragmas(sql, file);
    if (full) {
      const rows = sql.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
      if (rows[0]?.quick_check !== 'ok')
        throw new Error(
          `quick_check: ${rows
            .map((r) => r.quick_check)
            .slice(0, 3)
            .join('; ')}`,
        );
    } else sql.prepare('SELECT count(*) FROM sqlite_schema').get();
    return sql;
  } catch (error) {
    if (aside) moveAside(file, aside);
    sql?.close();
    throw error;
  }
}

/**
 * Opens the app database. A damaged file is never a crash loop: it is moved aside (with its -wal
 * and -shm), the last good copy is restored and a notice says so; without a good copy the app
 * starts empty and says that loudly. A file from a newer version is refused, never downgraded.
 * Each migration step is preceded by a copy of the database, and the last good copy is refreshed
 * at most once per `backupEveryMs`.
 *
 * The whole-file `PRAGMA quick_check` (about 80 ms at 50,000 interviews) runs after an unclean exit,
 * when the file changed since the app closed it, and at least once per `fullCheckEveryMs`; otherwise
 * the open reads only the header and schema, and SQLite still reports damage in any page it reads
 * later (an error for that action, never silent data).
 */
export function openDatabase(options: {
  dataDir: string;
  clock: Clock;
  log: Logger;
  backupEveryMs?: number;
  fullCheckEveryMs?: number;
}): OpenedDatabase {
  const { dataDir, clock, log } = options;
  ensurePrivateDir(dataDir);
  const paths = databasePaths(dataDir, clock.now());
  const notices: Notice[] = [];
  const exit = takeCleanExit(paths.file);
  const checkReason = fullCheckReason(paths.file, exit, clock.now(), options.fullCheckEveryMs ?? 24 * 3600_000);
  let fullCheckMs = exit && !checkReason ? exit.fullCheckMs : clock.now();
  let check: OpenedDatabase['check'] = checkReason ? 'full' : 'cheap';
  log.info(
    checkReason
      ? `integrity: full quick_check (${checkReason})`
      : `integrity: header and schema only (clean exit; full check ${new Date(fullCheckMs).toISOString()})`,
  );
  let sql: DatabaseSync | undefined;
  let restoredAt: string | undefined;
  let restoredByHand = false;
  try {
    sql = openChecked(paths.file, paths.aside, checkReason !== undefined);
    // The README's "restore by hand" holds the copy's queues just as the automatic restore does.
    restoredByHand = checkReason === changedSinceExit && isLastGoodCopy(sql, paths.backup);
    if (restoredByHand) log.warn('the database is the last good copy, put back by hand; its queues are held');
  } catch (error) {
    // The restored copy (or the empty start) is checked in full.
    fullCheckMs = clock.now();
    check = 'full';
    const reason = (error as Error).message.split('\n')[0];
    log.error(`database unreadable (${reason}); moved aside as ${path.basename(paths.aside)}`);
    if (fs.existsSync(paths.backup)) {
      try {
        copyPrivateFile(paths.backup, paths.file);
        sql = openChecked(paths.file);
        restoredAt = fs.statSync(paths.backup).mtime.toISOString();
      } catch (backupError) {
        log.error(`database backup unreadable too: ${(backupError as Error).message}`);
        for (const suffix of companions) fs.rmSync(paths.file + suffix, { force: true });
      }
    }
    sql ??= openChecked(paths.file);
    notices.push(
      damagedFileNotice({
        now: clock.now(),
        aside: paths.aside,
        dataDir,
        emptyStart: 'an empty schedule',
        ...(restoredAt ? { restoredAt } : {}),
      }),
    );
  }
  const open = sql;
  let steps: string[];
  let formatRose: boolean;
  const startVersion = databaseVersion(open);
  try {
    refuseNewerRecords(open);
    steps = migrateDatabase(open, {
      beforeStep: (_step, from) => {
        // One copy per upgrade, of the file as the older version left it; a fresh file has nothing to lose.
        if (from === startVersion && from > 0) backupInto(open, paths.beforeVersion(from));
      },
    });
    if (steps.length > 0) log.info(`database migrated: ${steps.join('; ')}`);
    formatRose = markRecordFormat(open);
    // The copy's queues hold what waited when it was taken: held until the person decides (restore-hold.ts).
    if (restoredAt || restoredByHand) markRestored(open, clock.now());
  } catch (error) {
    open.close();
    if (error instanceof NewerDatabaseError) throw error;
    throw new Error(
      `The database ${paths.file} could not be upgraded (${(error as Error).message}). A copy from before the upgrade is next to it.`,
      { cause: error },
    );
  }
  const search = ensureSearchIndex(open);
  const recovered = notices.length > 0;
  const database = wrapDatabase(open, paths.file, () => recordCleanExit(paths.file, fullCheckMs));
  // Records change only through the app unless the file changed outside it (the reasons for a full
  // check other than its daily turn), the ladder ran or the record format rose; then every record is read once.
  if (steps.length > 0 || formatRose || (check === 'full' && checkReason !== dailyFullCheck)) {
    const found = checkInterviewRecords(database);
    if (found.length > 0)
      log.warn(
        `interviews this version cannot read, kept unchanged: ${found.map((r) => `${r.id} (${r.reason})`).join('; ')}`,
      );
  }
  const unreadable = unreadableNotice(unreadableIds(database).size);
  if (unreadable) notices.push(unreadable);
  const keepGoodCopy = () => {
    if (
      recovered ||
      !open.isOpen ||
      (fs.existsSync(paths.backup) && !backupDue(open, clock.now(), options.backupEveryMs ?? 24 * 3600_000))
    )
      return;
    try {
      backupInto(open, paths.backup);
      recordBackup(open, clock.now());
    } catch (error) {
      log.warn(`database backup failed: ${(error as Error).message}`);
    }
  };
  return { database, notices, check, search, keepGoodCopy };
}

/** A private in-memory database with the current schema (tests, benchmarks). */
export function openMemoryDatabase(): Database {
  const sql = new DatabaseSync(':memory:');
  applyPragmas(sql, ':memory:');
  migrateDatabase(sql);
  ensureSearchIndex(sql);
  return wrapDatabase(sql, ':memory:');
}
