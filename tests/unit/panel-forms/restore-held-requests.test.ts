import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { heldScorecardsUpTo } from '../../../main/panel-forms/restore-held-requests';
import { markRestored, readRestoreHold, unreadableMarkSeenAt } from '../../../main/database/restore-hold';
import { migrateDatabase } from '../../../main/database/schema-migrations';
import { applyPragmas, wrapDatabase, type Database } from '../../../main/database/database';

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

describe('up to when a restored copy holds scorecard emails (SQLite)', () => {
  const setup = () => {
    const sql = new DatabaseSync(':memory:');
    applyPragmas(sql, ':memory:');
    migrateDatabase(sql);
    const database = wrapDatabase(sql, ':memory:');
    open.push(database);
    let now = 1_000;
    /** A run of the app over this database: its own hold reader, started now. */
    const start = () =>
      heldScorecardsUpTo(
        () => readRestoreHold(database)?.restoredAt,
        () => unreadableMarkSeenAt(database, now),
      );
    const setMark = (value: string) =>
      database
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run('restore_hold', value);
    const endHold = () => database.prepare("DELETE FROM meta WHERE key = 'restore_hold'").run();
    return { database, start, setMark, endHold, tick: (ms: number) => (now += ms) };
  };

  it('the restore time when the mark says it; nothing without a hold', () => {
    const { database, start, tick, endHold } = setup();
    markRestored(database, 500);
    const upTo = start();
    tick(60_000);
    expect(upTo()).toBe(500);
    endHold();
    expect(upTo()).toBeUndefined();
  });

  it('for a mark it cannot read, when it was first seen, and that instant stays as time goes on', () => {
    const { start, tick, setMark } = setup();
    setMark('this is not JSON {');
    const upTo = start();
    // Started at 1,000 ms: what was due by then counts as the copy's; later asks are not held.
    tick(3_600_000);
    expect(upTo()).toBe(1_000);
    tick(86_400_000);
    expect(upTo()).toBe(1_000);
  });

  it('keeps the first-seen instant across a restart: what Send let go is not held again', () => {
    const { start, tick, setMark } = setup();
    setMark(JSON.stringify({ version: 3, restoredAt: '2031-01-01T00:00:00Z' }));
    start();
    // The app quits and starts again an hour later, over the same database.
    tick(3_600_000);
    const again = start();
    expect(again()).toBe(1_000);
  });

  it('a hold that ended and a new unreadable mark start again from when it is seen', () => {
    const { start, tick, setMark, endHold } = setup();
    setMark('this is not JSON {');
    const upTo = start();
    endHold();
    expect(upTo()).toBeUndefined();
    tick(5_000);
    setMark('another mark it cannot read');
    expect(upTo()).toBe(6_000);
  });
});
