import type { Database } from './database';

/** The named values kept for syncing with outside services. */
export type SyncKey = 'googleSyncToken';

/** Small typed key/value state beside the data it belongs to (Google's sync token). */
export interface SyncState {
  get(key: SyncKey): string | undefined;
  set(key: SyncKey, value: string): void;
  delete(key: SyncKey): void;
}

/** Creates the sync state over the `sync_state` table. */
export function createSyncState(db: Database): SyncState {
  return {
    get: (key) =>
      (db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value,
    set: (key, value) =>
      void db
        .prepare(
          'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value),
    delete: (key) => void db.prepare('DELETE FROM sync_state WHERE key = ?').run(key),
  };
}
