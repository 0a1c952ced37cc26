import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppStore, storePaths, type StoreFiles } from '../../../main/settings-file/open-app-store';
import { confBackend } from '../../../main/settings-file/conf-backend';
import {
  currentSchemaVersion,
  DataMoveError,
  migrate,
  NewerStoreError,
  type StoredData,
} from '../../../main/settings-file/migrations';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createSettingsService } from '../../../main/settings/settings-service';
import { createEventHub } from '../../../main/shared/event-hub';
import { makeTempDir } from '../../support/temp-dir';
import { fixedClock } from '../../support/fixed-clock';
import { makeInterview } from '../../support/interview-fixtures';
import { settingsSchema } from '../../../preload/shared/contract/settings-schema';

const clock = fixedClock('2030-01-10T08:00:00.000Z');

describe('settings file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let moved: StoredData[];
  const open = (moveToDatabase = (data: StoredData) => void moved.push(data)) =>
    openAppStore({ dataDir: temp.dir, backend: confBackend, clock, log: createMemoryLogger(), moveToDatabase });
  const paths = () => storePaths(temp.dir);
  const settingsOf = (store: ReturnType<typeof open>['store']) =>
    createSettingsService(store, createEventHub(), createMemoryLogger()).get();
  beforeEach(() => {
    temp = makeTempDir();
    moved = [];
  });
  afterEach(() => temp.cleanup());

  it('creates a fresh, versioned file with no interviews in it, and a backup', () => {
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.get('schemaVersion')).toBe(currentSchemaVersion);
    expect(store.has('interviews')).toBe(false);
    expect(fs.existsSync(paths().backup)).toBe(true);
    expect(moved).toEqual([]);
  });

  it('migrates a version-1 file (foundation: settings only) keeping every setting, and keeps the old file dated', () => {
    fs.copyFileSync('tests/fixtures/settings-file/v1.json', paths().file);
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.get('schemaVersion')).toBe(3);
    expect(store.has('interviews')).toBe(false);
    expect(settingsOf(store)).toMatchObject({
      companyName: 'Acme Hiring',
      brandColor: '#0b8043',
      joinDefault: 'browser',
      joinOpensMinutesBefore: 10,
      recruiterName: '',
      recruiterEmail: '',
    });
    expect(fs.readFileSync(path.join(temp.dir, 'interview-desk.v1-before-v3-2030-01-10.json'), 'utf8')).toBe(
      fs.readFileSync('tests/fixtures/settings-file/v1.json', 'utf8'),
    );
  });

  it('each migration step is a pure function from the older fixture; 2→3 hands the data to the database first', () => {
    const v1 = JSON.parse(fs.readFileSync('tests/fixtures/settings-file/v1.json', 'utf8'));
    const { data, from, steps } = migrate(v1, { moveToDatabase: (d) => void moved.push(d) });
    expect(from).toBe(1);
    expect(steps).toHaveLength(2);
    expect(data).toEqual({ schemaVersion: 3, settings: expect.objectContaining({ companyName: 'Acme Hiring' }) });
    expect(moved).toEqual([expect.objectContaining({ interviews: [], schemaVersion: 2 })]);
    expect(migrate(data, { moveToDatabase: () => expect.unreachable() }).steps).toEqual([]);

    const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    const v2 = {
      schemaVersion: 2,
      settings: {},
      interviews: [interview],
      outbox: [{ key: 'k' }],
      googleQueue: [],
      googleSyncToken: 't',
      accountFlag: true,
    };
    const three = migrate(v2, { moveToDatabase: (d) => void moved.push(d) });
    expect(moved.at(-1)).toBe(v2);
    expect(three.data).toEqual({ schemaVersion: 3, settings: {}, accountFlag: true });
  });

  it('a failure to move the data into the database stops the start and leaves the file untouched', () => {
    fs.writeFileSync(paths().file, JSON.stringify({ schemaVersion: 2, interviews: [] }));
    expect(() =>
      open(() => {
        throw new Error('disk full');
      }),
    ).toThrow(DataMoveError);
    expect(JSON.parse(fs.readFileSync(paths().file, 'utf8'))).toEqual({ schemaVersion: 2, interviews: [] });
    expect(fs.readdirSync(temp.dir).some((f) => f.includes('damaged'))).toBe(false);
  });

  it('refuses a file from a newer version instead of downgrading it', () => {
    fs.writeFileSync(paths().file, JSON.stringify({ schemaVersion: 99 }));
    expect(() => open()).toThrow(NewerStoreError);
    expect(JSON.parse(fs.readFileSync(paths().file, 'utf8')).schemaVersion).toBe(99);
  });

  it('a corrupt file is moved aside and the last good backup restored, with a notice', () => {
    const first = open();
    createSettingsService(first.store, createEventHub(), createMemoryLogger()).update({ companyName: 'Kept Safe Ltd' });
    open(); // a good open refreshes the backup with the change in it
    fs.writeFileSync(paths().file, '{"schemaVersion": 3, "settings": {');
    clock.advance(1000);
    const { store, notices } = open();
    expect(settingsOf(store).companyName).toBe('Kept Safe Ltd');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'warning' });
    expect(notices[0]!.message).toMatch(/damaged.*restored the last good copy.*kept as interview-desk\.damaged-/);
    const aside = fs.readdirSync(temp.dir).filter((f) => f.startsWith('interview-desk.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(temp.dir, aside[0]!), 'utf8')).toBe('{"schemaVersion": 3, "settings": {');
  });

  it('an old file whose interviews break the schema counts as damaged too (nothing half-moved)', () => {
    open();
    fs.writeFileSync(paths().file, JSON.stringify({ schemaVersion: 2, interviews: [{ id: 'not-a-uuid' }] }));
    const { notices } = open();
    expect(notices[0]?.message).toMatch(/damaged/);
    expect(moved).toEqual([]);
  });

  it('without a backup it starts with default settings but says so loudly, and keeps the damaged file', () => {
    fs.writeFileSync(paths().file, 'not json at all');
    const { store, notices } = open();
    expect(settingsOf(store)).toEqual(settingsSchema.parse({}));
    expect(notices[0]).toMatchObject({ level: 'error' });
    expect(notices[0]!.message).toMatch(/no good backup.*default settings/);
    expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(true);
  });

  /** The real file system, except that the named operation on `file` fails as it would without permission (root never sees this). */
  const denied = (operation: 'readFileSync' | 'renameSync', file: string): StoreFiles => {
    const refuse = (target: unknown) => {
      if (target === file)
        throw Object.assign(new Error(`EACCES: permission denied, ${operation} '${file}'`), { code: 'EACCES' });
    };
    return {
      ...fs,
      readFileSync: ((target: string, encoding: BufferEncoding) => (
        operation === 'readFileSync' && refuse(target),
        fs.readFileSync(target, encoding)
      )) as StoreFiles['readFileSync'],
      renameSync: (from, to) => (operation === 'renameSync' && refuse(from), fs.renameSync(from, to)),
    };
  };

  it('an unreadable file (no permission) is moved aside and the backup restored, whatever the user running the test', () => {
    const first = open();
    createSettingsService(first.store, createEventHub(), createMemoryLogger()).update({ companyName: 'Kept Safe Ltd' });
    open();
    const { store, notices } = openAppStore({
      dataDir: temp.dir,
      backend: confBackend,
      clock,
      log: createMemoryLogger(),
      moveToDatabase: (data) => void moved.push(data),
      files: denied('readFileSync', paths().file),
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/damaged.*restored the last good copy/);
    expect(settingsOf(store).companyName).toBe('Kept Safe Ltd');
    expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(true);
  });

  it('a damaged file that cannot be moved aside stops with a message naming the file and permissions, and is left as it was', () => {
    open();
    fs.writeFileSync(paths().file, 'not json at all');
    expect(() =>
      openAppStore({
        dataDir: temp.dir,
        backend: confBackend,
        clock,
        log: createMemoryLogger(),
        moveToDatabase: (data) => void moved.push(data),
        files: denied('renameSync', paths().file),
      }),
    ).toThrow(
      /interview-desk\.json cannot be read .* could not be moved aside \(EACCES: permission denied.*\)\. Check its permissions\./,
    );
    expect(fs.readFileSync(paths().file, 'utf8')).toBe('not json at all');
    expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(false);
  });

  it('validates writes: the envelope in the store, each setting in the service; malformed settings never reach the file', () => {
    const { store } = open();
    expect(() => store.set('settings', 'all of them')).toThrow(/schema|settings/i);
    expect(() =>
      createSettingsService(store, createEventHub(), createMemoryLogger()).update({
        joinOpensMinutesBefore: 'soon',
      } as never),
    ).toThrow();
    expect(JSON.parse(fs.readFileSync(paths().file, 'utf8')).settings).toBeUndefined();
  });

  it('a saved value that breaks its rule, or its JSON type, opens as it is (not damaged): kept, listed, not used', () => {
    const settings = {
      brandColor: 'red',
      smtp: { host: 'smtp.example.com', port: 70000, security: 'tls', user: '', fromAddress: '' },
      reminderOffsetsMinutes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      closeToTray: 'yes',
    };
    fs.writeFileSync(paths().file, JSON.stringify({ schemaVersion: currentSchemaVersion, settings }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    const service = createSettingsService(store, createEventHub(), createMemoryLogger());
    expect(
      service
        .problems()
        .map((p) => p.field)
        .sort(),
    ).toEqual(['brandColor', 'closeToTray', 'reminderOffsetsMinutes', 'smtp.port']);
    expect(service.get()).toMatchObject({
      brandColor: '#1a73e8',
      closeToTray: true,
      reminderOffsetsMinutes: [1440, 60, 0],
    });
    expect(JSON.parse(fs.readFileSync(paths().file, 'utf8')).settings).toEqual(settings);
  });
});
