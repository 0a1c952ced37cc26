import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppStore, storePaths, type StoreFiles } from '../../../main/store/open-app-store';
import { confBackend } from '../../../main/store/conf-backend';
import { currentSchemaVersion, migrate, NewerStoreError } from '../../../main/store/migrations';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createSettingsService } from '../../../main/settings/settings-service';
import { createEventHub } from '../../../main/app/event-hub';
import { createInterviewRepository } from '../../../main/interviews/interview-repository';
import { makeTempDir } from '../../support/temp-dir';
import { fixedClock } from '../../support/fixed-clock';

const clock = fixedClock('2030-01-10T08:00:00.000Z');
const interview = {
  id: '4b6f3c1e-9a0d-4c2b-8e57-0f5d1a2b3c4d',
  candidate: { name: 'Ada', email: 'ada@example.com' },
  recruiter: { name: 'Rita', email: 'rita@example.com' },
  jobTitle: 'Engineer',
  startUtc: '2030-01-15T09:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'Europe/Berlin',
  notes: '',
  candidateMessage: '',
  status: 'scheduled' as const,
  origin: 'recruiter' as const,
  ics: { uid: 'x@interview-desk.app', sequence: 0 },
  invitations: { candidate: { state: 'none' as const }, recruiter: { state: 'none' as const } },
  joins: [],
  reminders: { sent: [] },
  createdAt: '2030-01-10T08:00:00.000Z',
  updatedAt: '2030-01-10T08:00:00.000Z',
};

describe('app store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const open = () => openAppStore({ dataDir: temp.dir, backend: confBackend, clock, log: createMemoryLogger() });
  const paths = () => storePaths(temp.dir);
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('creates a fresh, versioned store with an empty schedule and a backup', () => {
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.get('schemaVersion')).toBe(currentSchemaVersion);
    expect(store.get('interviews')).toEqual([]);
    expect(fs.existsSync(paths().backup)).toBe(true);
  });

  it('migrates a version-1 file (foundation: settings only) keeping every setting', () => {
    fs.copyFileSync('tests/fixtures/store/v1.json', paths().file);
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.get('schemaVersion')).toBe(2);
    expect(store.get('interviews')).toEqual([]);
    const settings = createSettingsService(store, createEventHub(), createMemoryLogger()).get();
    expect(settings).toMatchObject({ companyName: 'Acme Hiring', brandColor: '#0b8043', joinDefault: 'browser', joinOpensMinutesBefore: 10, recruiterName: '', recruiterEmail: '' });
    // The pre-migration file is kept.
    expect(fs.readFileSync(path.join(temp.dir, 'interview-desk.before-v2.json'), 'utf8')).toBe(fs.readFileSync('tests/fixtures/store/v1.json', 'utf8'));
  });

  it('each migration step is a pure function from the older fixture', () => {
    const v1 = JSON.parse(fs.readFileSync('tests/fixtures/store/v1.json', 'utf8'));
    const { data, from, steps } = migrate(v1);
    expect(from).toBe(1);
    expect(steps).toHaveLength(1);
    expect(data).toMatchObject({ schemaVersion: 2, interviews: [], settings: { companyName: 'Acme Hiring' } });
    expect(migrate(data).steps).toEqual([]);
  });

  it('refuses a file from a newer version instead of downgrading it', () => {
    fs.writeFileSync(paths().file, JSON.stringify({ schemaVersion: 99, interviews: [] }));
    expect(() => open()).toThrow(NewerStoreError);
    expect(JSON.parse(fs.readFileSync(paths().file, 'utf8')).schemaVersion).toBe(99);
  });

  it('a corrupt file is moved aside and the last good backup restored, with a notice', () => {
    const first = open();
    createInterviewRepository(first.store).put(interview);
    open(); // a good open refreshes the backup with the interview in it
    fs.writeFileSync(paths().file, '{"schemaVersion": 2, "interviews": [');
    clock.advance(1000);
    const { store, notices } = open();
    expect(createInterviewRepository(store).get(interview.id)).toEqual(interview);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'warning' });
    expect(notices[0]!.message).toMatch(/damaged.*restored the last good copy.*kept as interview-desk\.damaged-/);
    const aside = fs.readdirSync(temp.dir).filter((f) => f.startsWith('interview-desk.damaged-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(temp.dir, aside[0]!), 'utf8')).toBe('{"schemaVersion": 2, "interviews": [');
  });

  it('a file that breaks the schema counts as damaged too', () => {
    open();
    fs.writeFileSync(paths().file, JSON.stringify({ schemaVersion: 2, interviews: [{ id: 'not-a-uuid' }] }));
    const { notices } = open();
    expect(notices[0]?.message).toMatch(/damaged/);
  });

  it('without a backup it starts empty but says so loudly, and keeps the damaged file', () => {
    fs.writeFileSync(paths().file, 'not json at all');
    const { store, notices } = open();
    expect(store.get('interviews')).toEqual([]);
    expect(notices[0]).toMatchObject({ level: 'error' });
    expect(notices[0]!.message).toMatch(/no good backup/);
    expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(true);
  });

  /** The real file system, except that the named operation on `file` fails as it would without permission (root never sees this). */
  const denied = (operation: 'readFileSync' | 'renameSync', file: string): StoreFiles => {
    const refuse = (target: unknown) => {
      if (target === file) throw Object.assign(new Error(`EACCES: permission denied, ${operation} '${file}'`), { code: 'EACCES' });
    };
    return {
      ...fs,
      readFileSync: ((target: string, encoding: BufferEncoding) => (operation === 'readFileSync' && refuse(target), fs.readFileSync(target, encoding))) as StoreFiles['readFileSync'],
      renameSync: (from, to) => (operation === 'renameSync' && refuse(from), fs.renameSync(from, to)),
    };
  };

  it('an unreadable file (no permission) is moved aside and the backup restored, whatever the user running the test', () => {
    const first = open();
    createInterviewRepository(first.store).put(interview);
    open();
    const { store, notices } = openAppStore({ dataDir: temp.dir, backend: confBackend, clock, log: createMemoryLogger(), files: denied('readFileSync', paths().file) });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/damaged.*restored the last good copy/);
    expect(createInterviewRepository(store).get(interview.id)).toEqual(interview);
    expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(true);
  });

  it('a damaged file that cannot be moved aside stops with a message naming the file and permissions, and is left as it was', () => {
    open();
    fs.writeFileSync(paths().file, 'not json at all');
    expect(() => openAppStore({ dataDir: temp.dir, backend: confBackend, clock, log: createMemoryLogger(), files: denied('renameSync', paths().file) })).toThrow(
      /interview-desk\.json cannot be read .* could not be moved aside \(EACCES: permission denied.*\)\. Check its permissions\./,
    );
    expect(fs.readFileSync(paths().file, 'utf8')).toBe('not json at all');
    expect(fs.readdirSync(temp.dir).some((f) => f.startsWith('interview-desk.damaged-'))).toBe(false);
  });

  it('validates writes against the JSON schema: malformed interviews never reach the file', () => {
    const { store } = open();
    expect(() => store.set('interviews', [{ id: 'nope' }])).toThrow(/schema/i);
    expect(() => createInterviewRepository(store).put({ ...interview, durationMinutes: 'long' as unknown as number })).toThrow();
    expect(JSON.parse(fs.readFileSync(paths().file, 'utf8')).interviews).toEqual([]);
  });
});
