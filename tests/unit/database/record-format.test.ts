import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { interviewSchema } from '../../../preload/shared/contract/interview-schema';
import { createMemoryLogger } from '../../../main/logging/logger';
import { databasePaths, openDatabase } from '../../../main/database/open-database';
import { NewerDatabaseError } from '../../../main/database/schema-migrations';
import { recordFormat } from '../../../main/database/record-format';
import { makeTempDir } from '../../support/temp-dir';

describe('the interview record format is versioned with the database', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());
  const open = () => openDatabase({ dataDir: temp.dir, clock: { now: () => 0 }, log: createMemoryLogger() });

  it('the number matches the contract: a change to the interview schema raises recordFormat.version', () => {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(z.toJSONSchema(interviewSchema, { unrepresentable: 'any' })))
      .digest('hex');
    expect(
      fingerprint,
      'The interview schema changed: raise recordFormat.version in main/database/record-format.ts and record this fingerprint there (older builds then refuse the new records instead of misreading them).',
    ).toBe(recordFormat.fingerprint);
  });

  it('a database is marked with the format of its records', () => {
    open().database.close();
    const raw = new DatabaseSync(databasePaths(temp.dir).file);
    expect(raw.prepare("SELECT value FROM meta WHERE key = 'record_format'").get()).toEqual({
      value: String(recordFormat.version),
    });
    raw.close();
  });

  it('a database whose records a newer version wrote is refused as a newer database, and left as it is', () => {
    open().database.close();
    const file = databasePaths(temp.dir).file;
    const raw = new DatabaseSync(file);
    raw.prepare("UPDATE meta SET value = ? WHERE key = 'record_format'").run(String(recordFormat.version + 1));
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => open()).toThrow(NewerDatabaseError);
    expect(() => open()).toThrow(
      `The database holds interviews written by a newer Interview Desk (record format ${recordFormat.version + 1}; this version reads up to ${recordFormat.version}). Update the app to open it.`,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('damaged') || f.includes('before-v'))).toEqual([]);
  });
});
