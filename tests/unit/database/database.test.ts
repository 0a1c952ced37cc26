import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openMemoryDatabase } from '../../../main/database/open-database';
import type { Database } from '../../../main/database/database';
import { createMemoryLogger } from '../../../main/logging/logger';
import { makeTempDir } from '../../support/temp-dir';

const count = (db: Database) => Number((db.prepare('SELECT count(*) AS n FROM sync_state').get() as { n: number }).n);
const put = (db: Database, key: string) =>
  db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)').run(key, 'v');

describe('database transactions', () => {
  let db: Database;
  beforeEach(() => (db = openMemoryDatabase()));
  afterEach(() => db.close());

  it('commits the work of a transaction and runs after-commit effects once, after the commit', () => {
    const seen: number[] = [];
    db.transaction(() => {
      put(db, 'a');
      db.afterCommit(() => seen.push(count(db)));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([1]);
  });

  it('a throw rolls all of it back, nested work included, and drops its effects', () => {
    const seen: string[] = [];
    expect(() =>
      db.transaction(() => {
        put(db, 'a');
        db.transaction(() => {
          put(db, 'b');
          db.afterCommit(() => seen.push('inner'));
        });
        db.afterCommit(() => seen.push('outer'));
        throw new Error('listener failed');
      }),
    ).toThrow('listener failed');
    expect(count(db)).toBe(0);
    expect(seen).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('a nested failure that is caught undoes only its own part (a savepoint)', () => {
    const seen: string[] = [];
    db.transaction(() => {
      put(db, 'kept');
      try {
        db.transaction(() => {
          put(db, 'undone');
          db.afterCommit(() => seen.push('undone'));
          throw new Error('inner');
        });
      } catch {
        // the caller handles it
      }
      db.afterCommit(() => seen.push('kept'));
    });
    expect((db.prepare('SELECT key FROM sync_state').all() as { key: string }[]).map((r) => r.key)).toEqual(['kept']);
    expect(seen).toEqual(['kept']);
  });

  it('refuses asynchronous work inside a transaction (nothing may wait while it is open)', () => {
    expect(() => db.transaction(() => Promise.resolve(put(db, 'a')))).toThrow(/synchronous/);
    expect(count(db)).toBe(0);
  });

  it('outside a transaction an effect runs at once', () => {
    let ran = false;
    db.afterCommit(() => (ran = true));
    expect(ran).toBe(true);
  });
});

describe('database file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('is created owner-only before SQLite opens it, with WAL, synchronous=NORMAL and foreign keys on', () => {
    const { database, keepGoodCopy } = openDatabase({
      dataDir: temp.dir,
      clock: { now: () => 0 },
      log: createMemoryLogger(),
    });
    try {
      keepGoodCopy();
      const file = path.join(temp.dir, 'interview-desk.sqlite');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      put(database, 'a');
      expect(fs.statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(temp.dir, 'interview-desk.backup.sqlite')).mode & 0o777).toBe(0o600);
      expect(database.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(database.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
      expect(database.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
      expect(() =>
        database
          .prepare("INSERT INTO joins (interview_id, seq, joined_at, via) VALUES ('nobody', 0, 'x', 'app')")
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      database.close();
    }
  });
});
