import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { Database } from './database';

/**
 * The mark a restored copy of the database carries until the person has decided about it: the
 * copy's queues hold what was waiting when it was taken (mail that may have gone out since, Calendar
 * changes Google may have overtaken). Kept in the database itself, so a restart keeps holding.
 */
export interface RestoreHold {
  /** When the copy was restored; `unknownRestoreTime` for a mark this version cannot read. */
  restoredAt: number;
  /** Queue items with this `seq` or lower came with the copy: its mail waits for the person. */
  upToSeq: number;
  /** Whether Google Calendar has been read in full since (Google's side won); Calendar changes wait until then. */
  calendarRead: boolean;
  /** Interviews whose time, status or link Google Calendar changed in that read: their waiting mail speaks of an old time. */
  changed: string[];
}

const holdSchema = z.object({
  restoredAt: z.number(),
  upToSeq: z.number().int().nonnegative(),
  calendarRead: z.boolean(),
  changed: z.array(z.string()).max(100_000),
});

const metaKey = 'restore_hold';
/** Beside an unreadable mark: when this version first saw it. */
const seenKey = 'restore_hold_seen';

/** The `restoredAt` of a mark this version cannot read: when the copy came is unknown. */
export const unknownRestoreTime = 0;

type Sql = Pick<DatabaseSync, 'prepare'> | Pick<Database, 'prepare'>;

/** One `meta` row's text, or undefined without one. */
const metaValue = (sql: Sql, key: string) =>
  (sql.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
/** Writes one `meta` row as JSON. */
const writeMeta = (sql: Sql, key: string, value: unknown) =>
  sql
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
/** A row's JSON, or undefined when it is not JSON (its schema then refuses it). */
const jsonOf = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
};
const write = (sql: Sql, hold: RestoreHold) => writeMeta(sql, metaKey, hold);

/**
 * Marks a database just restored from a copy: every mail item then waiting is held (the `held` flag
 * keeps it out of planning and drains) and Calendar changes wait for a full read of Google Calendar.
 */
export function markRestored(sql: Sql, restoredAt: number): void {
  const last = sql.prepare('SELECT max(seq) AS seq FROM queue_items').get() as { seq: number | null } | undefined;
  sql.prepare("UPDATE queue_items SET held = 1 WHERE queue = 'mail' AND state = 'queued'").run();
  write(sql, { restoredAt, upToSeq: Number(last?.seq ?? 0), calendarRead: false, changed: [] });
}

/**
 * The hold a restored copy is under, or none. A mark this version cannot read still holds (with
 * everything queued counted as the copy's): sending mail twice is worse than asking once more.
 */
export function readRestoreHold(db: Sql): RestoreHold | undefined {
  const value = metaValue(db, metaKey);
  if (value === undefined) return undefined;
  const hold = holdSchema.safeParse(jsonOf(value));
  return hold.success
    ? hold.data
    : { restoredAt: unknownRestoreTime, upToSeq: Number.MAX_SAFE_INTEGER, calendarRead: false, changed: [] };
}

const seenSchema = z.object({ mark: z.string(), seenAt: z.number() });

/**
 * When this version first saw the restore mark it cannot read, saved beside it (with a digest of the
 * mark, so another unreadable mark gets its own instant): a restart keeps the instant, so what Send let
 * go is not held again. Records `now` the first time it is asked.
 */
export function unreadableMarkSeenAt(db: Sql, now: number): number {
  const mark = createHash('sha256')
    .update(metaValue(db, metaKey) ?? '')
    .digest('hex');
  const seen = seenSchema.safeParse(jsonOf(metaValue(db, seenKey)));
  if (seen.success && seen.data.mark === mark) return seen.data.seenAt;
  writeMeta(db, seenKey, { mark, seenAt: now });
  return now;
}

/** The restore hold as the running services see it (one read of the `meta` row; `undefined` after it ends). */
export interface RestoreHoldState {
  current(): RestoreHold | undefined;
  /** Records the full read of Google Calendar (Calendar changes may go again); `changed` marks the interviews it changed. */
  calendarRead(changed: string[]): void;
  /** Ends the hold once nothing of the copy waits for the person and Google Calendar has been read. */
  endIfDecided(mailWaiting: boolean): void;
}

/** Creates the restore hold's state over the `meta` table. */
export function restoreHoldState(db: Database): RestoreHoldState {
  return {
    current: () => readRestoreHold(db),
    calendarRead(changed) {
      const hold = readRestoreHold(db);
      if (hold) write(db, { ...hold, calendarRead: true, changed: [...new Set([...hold.changed, ...changed])] });
    },
    endIfDecided(mailWaiting) {
      const hold = readRestoreHold(db);
      if (hold && !mailWaiting && hold.calendarRead)
        db.prepare('DELETE FROM meta WHERE key IN (?, ?)').run(metaKey, seenKey);
    },
  };
}
