import nodeFs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../preload/shared/contract/ipc-contract';
import type { Logger } from '../logging/logger';
import type { Clock } from '../platform/clock';
import type { KeyValueStore } from './key-value-store';
import { copyPrivateFile, ensurePrivateDir, privateFileMode, writePrivateFile } from '../platform/private-files';
import {
  currentSchemaVersion,
  DataMoveError,
  migrate,
  NewerStoreError,
  type MigrationContext,
  type StoredData,
} from './migrations';
import { damagedFileNotice } from './recovery-notice';
import { storedDataSchema, storeJsonSchema } from './store-schema';
import { cachedStore } from './cached-store';

/** Options for the raw backend (electron-store in Electron, conf elsewhere). */
export interface BackendOptions {
  cwd: string;
  configName: string;
  schema: Record<string, Record<string, unknown>>;
  /** The store file holds candidate data: owner read/write only. */
  configFileMode: number;
}

export type SchemaBackendFactory = (options: BackendOptions) => KeyValueStore;

export interface OpenedStore {
  store: KeyValueStore;
  notices: Notice[];
}

export const storeName = 'interview-desk';

/** The file operations the store opener uses; tests inject failures (permission denied) that root would never see. */
export type StoreFiles = Pick<
  typeof nodeFs,
  'existsSync' | 'mkdirSync' | 'readFileSync' | 'writeFileSync' | 'renameSync' | 'copyFileSync' | 'statSync'
>;

/** Paths of the store file, its last good backup, and where a damaged file is moved. */
export function storePaths(dataDir: string, now = Date.now()) {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return {
    file: path.join(dataDir, `${storeName}.json`),
    backup: path.join(dataDir, `${storeName}.backup.json`),
    aside: path.join(dataDir, `${storeName}.damaged-${stamp}.json`),
  };
}

function writeAtomic(files: StoreFiles, file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writePrivateFile(temp, text);
  files.renameSync(temp, file);
}

/** Reads, parses, migrates and checks one file; throws when any of that fails. */
function load(
  files: StoreFiles,
  file: string,
  context: MigrationContext,
): { data: StoredData; from: number; steps: string[] } {
  const text = files.readFileSync(file, 'utf8');
  const parsed = JSON.parse(text) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
  const { data, from, steps } = migrate(parsed as StoredData, context);
  const checked = storedDataSchema.safeParse(data);
  if (!checked.success)
    throw new Error(
      `does not match the schema: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`,
    );
  return { data, from, steps };
}

/**
 * Opens the settings file (settings, account status, window bounds, small flags). A damaged or unreadable file is never a crash loop and never a silent empty
 * store: it is moved aside (kept, with a timestamp), the last good backup is restored, and a notice
 * tells the person. Migrations run before the backend opens the file, so its schema only ever sees
 * current data; after a successful open the file becomes the new "last good" backup. The step that
 * moves the old interviews and queues into the database calls `moveToDatabase` before this file is
 * rewritten, and the file as it was is kept beside it with the date.
 */
export function openAppStore(
  options: {
    dataDir: string;
    backend: SchemaBackendFactory;
    clock: Clock;
    log: Logger;
    files?: StoreFiles;
  } & MigrationContext,
): OpenedStore {
  const { dataDir, backend, clock, log } = options;
  const context: MigrationContext = { moveToDatabase: options.moveToDatabase };
  const fs = options.files ?? nodeFs;
  ensurePrivateDir(dataDir);
  const paths = storePaths(dataDir, clock.now());
  const notices: Notice[] = [];
  if (fs.existsSync(paths.file)) {
    try {
      const { data, from, steps } = load(fs, paths.file, context);
      if (steps.length > 0) {
        // Keep the pre-migration file, dated, next to the backup: a migration must never lose data.
        const day = new Date(clock.now()).toISOString().slice(0, 10);
        copyPrivateFile(
          paths.file,
          path.join(dataDir, `${storeName}.v${from}-before-v${String(data.schemaVersion)}-${day}.json`),
        );
        writeAtomic(fs, paths.file, JSON.stringify(data, null, '\t'));
        log.info(`store migrated: ${steps.join('; ')}`);
      }
    } catch (error) {
      if (error instanceof NewerStoreError || error instanceof DataMoveError) throw error;
      const reason = (error as Error).message.split('\n')[0];
      log.error(`store file unreadable (${reason}); moving it aside`);
      try {
        fs.renameSync(paths.file, paths.aside);
      } catch (moveError) {
        throw new Error(
          `The data file ${paths.file} cannot be read (${reason}) and could not be moved aside (${(moveError as Error).message}). Check its permissions.`,
          { cause: moveError },
        );
      }
      let restored: string | undefined;
      if (fs.existsSync(paths.backup)) {
        try {
          const { data } = load(fs, paths.backup, context);
          writeAtomic(fs, paths.file, JSON.stringify(data, null, '\t'));
          restored = fs.statSync(paths.backup).mtime.toISOString();
        } catch (backupError) {
          log.error(`backup unreadable too: ${(backupError as Error).message}`);
        }
      }
      notices.push(
        damagedFileNotice({
          now: clock.now(),
          aside: paths.aside,
          dataDir,
          emptyStart: 'default settings',
          ...(restored ? { restoredAt: restored } : {}),
        }),
      );
    }
  }
  const store = cachedStore(
    backend({ cwd: dataDir, configName: storeName, schema: storeJsonSchema(), configFileMode: privateFileMode }),
  );
  if (!store.has('schemaVersion')) store.set('schemaVersion', currentSchemaVersion);
  copyPrivateFile(paths.file, paths.backup);
  return { store, notices };
}
