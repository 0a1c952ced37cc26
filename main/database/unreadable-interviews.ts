import type { Notice } from '../../preload/shared/contract/ipc-contract';
import type { Database } from './database';
import { assembleInterviews, type UnreadableRow } from './interview-rows';

/**
 * Interview rows whose record this version cannot read, kept in `meta` as `{ id: reason }`: each
 * stays in the file exactly as it is (never rewritten, never deleted) and is left out of every
 * query that lists, pages, counts or plans interviews.
 */
const metaKey = 'unreadable_interviews';

/** The SQL condition (on `interviews`, optionally aliased) that leaves the unreadable rows out. */
export const readableOnly = (alias = '') =>
  `${alias}id NOT IN (SELECT u.key FROM json_each((SELECT m.value FROM meta AS m WHERE m.key = '${metaKey}')) AS u)`;

/** The ids listed as unreadable. */
export function unreadableIds(db: Database): Set<string> {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(metaKey) as { value: string } | undefined;
  if (!row) return new Set();
  try {
    const listed = JSON.parse(row.value) as unknown;
    return new Set(typeof listed === 'object' && listed !== null && !Array.isArray(listed) ? Object.keys(listed) : []);
  } catch {
    return new Set();
  }
}

function writeList(db: Database, rows: Record<string, string>): void {
  if (Object.keys(rows).length === 0) db.prepare('DELETE FROM meta WHERE key = ?').run(metaKey);
  else
    db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(metaKey, JSON.stringify(rows));
}

/** Adds rows found unreadable on a read (the list only grows until the next full check). */
export function markUnreadable(db: Database, rows: UnreadableRow[]): void {
  if (rows.length === 0) return;
  const current = db.prepare('SELECT value FROM meta WHERE key = ?').get(metaKey) as { value: string } | undefined;
  const listed = current ? (JSON.parse(current.value) as Record<string, string>) : {};
  for (const row of rows) listed[row.id] = row.reason;
  writeList(db, listed);
}

/**
 * Reads every record once and lists the ones this version cannot read, replacing the old list (a
 * row fixed by hand is read again). Runs when the file may have changed outside the app; a page of
 * 500 at a time, so memory stays flat whatever the size.
 */
export function checkInterviewRecords(db: Database): UnreadableRow[] {
  const found: UnreadableRow[] = [];
  let after = -1;
  for (;;) {
    const rows = db
      .prepare('SELECT rowid, id, record, reminders_armed_at FROM interviews WHERE rowid > ? ORDER BY rowid LIMIT 500')
      .all(after) as Record<string, unknown>[];
    if (rows.length === 0) break;
    after = Number(rows.at(-1)!.rowid);
    found.push(...assembleInterviews(db, rows).unreadable);
  }
  db.transaction(() => writeList(db, Object.fromEntries(found.map((r) => [r.id, r.reason]))));
  return found;
}

/** The one notice while unreadable rows exist, or none. */
export function unreadableNotice(count: number): Notice | undefined {
  if (count === 0) return undefined;
  const what =
    count === 1
      ? '1 interview could not be read by this version; it is kept unchanged.'
      : `${count} interviews could not be read by this version; they are kept unchanged.`;
  return { id: 'interviews-unreadable', level: 'warning', message: what };
}
