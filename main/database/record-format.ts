import type { DatabaseSync } from 'node:sqlite';
import { NewerDatabaseError } from './schema-migrations';

/**
 * The format of the interview records this build writes (the JSON in `interviews.record`, checked
 * against the contract's interview schema). Interviews keep their full record as JSON, so a change to
 * the interview schema changes the file without a step of the table ladder; the database carries this
 * number in `meta` beside `user_version`, and a build refuses a database whose records are newer than
 * it reads instead of misreading them. Raise `version` (and record the schema's new `fingerprint`,
 * which a test compares) with every change to the interview schema.
 */
export const recordFormat = {
  version: 4,
  fingerprint: '1f0dde74eeb504a495ce8b4906c0f92f7def45caba5ae6610de6b29eb312b4f2',
} as const;

const metaKey = 'record_format';

/** A database whose interview records a newer Interview Desk wrote: refused like a newer schema. */
export class NewerRecordFormatError extends NewerDatabaseError {
  constructor(found: number) {
    super(found);
    this.message = `The database holds interviews written by a newer Interview Desk (record format ${found}; this version reads up to ${recordFormat.version}). Update the app to open it.`;
    this.name = 'NewerRecordFormatError';
  }
}

/** The record format the database says its records have (0 before the marker existed). */
export function storedRecordFormat(sql: DatabaseSync): number {
  const hasMeta = sql.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  if (!hasMeta) return 0;
  const row = sql.prepare('SELECT value FROM meta WHERE key = ?').get(metaKey) as { value: string } | undefined;
  const found = Number(row?.value ?? 0);
  return Number.isFinite(found) ? found : 0;
}

/** Throws before anything changes when the records are newer than this build reads. */
export function refuseNewerRecords(sql: DatabaseSync): void {
  const found = storedRecordFormat(sql);
  if (found > recordFormat.version) throw new NewerRecordFormatError(found);
}

/** Marks the database with this build's record format (after its ladder ran, so `meta` exists); true when it rose. */
export function markRecordFormat(sql: DatabaseSync): boolean {
  if (storedRecordFormat(sql) === recordFormat.version) return false;
  sql
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(metaKey, String(recordFormat.version));
  return true;
}
