import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { storesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';

describe('old copies in the data dir: the newest of each kind is kept, the rest removed at start', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  const write = (...names: string[]) =>
    names.forEach((name) => fs.writeFileSync(path.join(temp.dir, name), name, { mode: 0o600 }));

  it('keeps one before-vN copy, one damaged database (with its -wal/-shm), one damaged settings file and one older JSON copy', () => {
    write(
      'interview-desk.before-v1.sqlite',
      'interview-desk.before-v2.sqlite',
      'interview-desk.before-v3.sqlite',
      'interview-desk.damaged-2029-05-01T10-00-00-000Z.sqlite',
      'interview-desk.damaged-2029-05-01T10-00-00-000Z.sqlite-wal',
      'interview-desk.damaged-2029-05-01T10-00-00-000Z.sqlite-shm',
      'interview-desk.damaged-2030-01-02T09-30-00-000Z.sqlite',
      'interview-desk.damaged-2030-01-02T09-30-00-000Z.sqlite-wal',
      'interview-desk.damaged-2029-12-31T23-59-59-999Z.json',
      'interview-desk.damaged-2030-01-03T08-00-00-000Z.json',
      'interview-desk.v1-before-v2-2028-03-01.json',
      'interview-desk.v2-before-v3-2029-04-01.json',
      'notes-of-my-own.txt',
    );
    const { database } = storesFor(temp.dir);
    database.close();
    const left = fs
      .readdirSync(temp.dir)
      .filter((f) => f !== 'logs')
      .sort();
    expect(left).toEqual(
      [
        'interview-desk.backup.json',
        'interview-desk.before-v3.sqlite',
        'interview-desk.damaged-2030-01-02T09-30-00-000Z.sqlite',
        'interview-desk.damaged-2030-01-02T09-30-00-000Z.sqlite-wal',
        'interview-desk.damaged-2030-01-03T08-00-00-000Z.json',
        'interview-desk.json',
        'interview-desk.sqlite',
        'interview-desk.sqlite.clean-exit',
        'interview-desk.v2-before-v3-2029-04-01.json',
        'notes-of-my-own.txt',
      ].sort(),
    );
  });

  it('an upgrade over several versions leaves one copy, of the file as the older version left it; a fresh file none', () => {
    storesFor(temp.dir).database.close();
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('before-v'))).toEqual([]);
    fs.rmSync(path.join(temp.dir, 'interview-desk.sqlite'));
    const older = new DatabaseSync(path.join(temp.dir, 'interview-desk.sqlite'));
    older.exec(fs.readFileSync('tests/fixtures/database/v1.sql', 'utf8'));
    older.close();
    storesFor(temp.dir).database.close();
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('before-v'))).toEqual(['interview-desk.before-v1.sqlite']);
    const copy = new DatabaseSync(path.join(temp.dir, 'interview-desk.before-v1.sqlite'), { readOnly: true });
    expect(copy.prepare('PRAGMA user_version').get()).toEqual({ user_version: 1 });
    copy.close();
  });
});
