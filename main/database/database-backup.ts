import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
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
  const stamp = lastBackupStamp(sql);
  const last = stamp === undefined ? Number.NaN : Number(stamp);
  return !(now - last < everyMs && now >= last);
}

/** When the copy before the last one was taken, as a database records it (`last_backup_ms`), or undefined. */
export function lastBackupStamp(sql: Pick<DatabaseSync, 'prepare'>): string | undefined {
  return (sql.prepare("SELECT value FROM meta WHERE key = 'last_backup_ms'").get() as { value: string } | undefined)
    ?.value;
}

/**
 * Whether the open database is the last good copy put back by hand: a copy carries the stamp of
 * the copy before it (the stamp is recorded after copying), so only the copy itself has the same
 * stamp as the copy. The very first copy carries none, and a database that wrote a copy always has
 * one afterwards, so "none on both" is that first copy. Asked only when the file changed outside the app.
 */
export function isLastGoodCopy(sql: DatabaseSync, backup: string): boolean {
  const mine = lastBackupStamp(sql);
  if (!fs.existsSync(backup)) return false;
  let copy: DatabaseSync | undefined;
  try {
    copy = new DatabaseSync(backup, { readOnly: true });
    return lastBackupStamp(copy) === mine;
  } catch {
    return false;
  } finally {
    copy?.close();
  }
}

/** Records when the last good copy was taken. */
export function recordBackup(sql: DatabaseSync, now: number): void {
  sql
    .prepare(
      "INSERT INTO meta (key, value) VALUES ('last_backup_ms', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .run(String(now));
}
