import fs from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { writePrivateFile } from '../platform/private-files';

/**
 * Writes a consistent copy of the open database to `target` with `VACUUM INTO` (safe while the
 * database is in use, compact, and without a -wal of its own). Written to a temporary owner-only
 * file first and renamed, so `target` is always either the old or the new complete copy.
 */
export function backupInto(sql: DatabaseSync, target: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  // VACUUM INTO accepts an existing empty file: create it private so the copy is never world-readable.
  writePrivateFile(temp, '', 'wx');
  try {
    sql.prepare('VACUUM INTO ?').run(temp);
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Whether the last good copy is older than `everyMs` (the time is kept in the database itself). */
export function backupDue(sql: DatabaseSync, now: number, everyMs: number): boolean {
  const row = sql.prepare("SELECT value FROM meta WHERE key = 'last_backup_ms'").get() as { value: string } | undefined;
  const last = row ? Number(row.value) : Number.NaN;
  return !(now - last < everyMs && now >= last);
}

/** Records when the last good copy was taken. */
export function recordBackup(sql: DatabaseSync, now: number): void {
  sql.prepare("INSERT INTO meta (key, value) VALUES ('last_backup_ms', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(now));
}
