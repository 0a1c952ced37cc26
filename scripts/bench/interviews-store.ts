// The SQLite store at 1,000 / 10,000 / 50,000 interviews: one interview change, "Schedule interview"
// as one transaction (interview, Google job, outbox rows, reminder marks), open + first page, the
// reminder check (indexed window), and, for comparison, the old whole-file JSON store at 10,000.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../main/database/open-database';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createMemoryLogger } from '../../main/logging/logger';
import { manyInterviews, seedLegacyStore } from '../../tests/support/interview-fixtures';
import { servicesFor, storesFor } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const now = Date.now();
const log = createMemoryLogger();
const clock = { now: () => Date.now() };
const day = (offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);

for (const size of [1_000, 10_000, 50_000]) {
  const label = (what: string) => `${what} @${size.toLocaleString('en')}`;
  const temp = makeTempDir('idesk-bench-sqlite-');
  const interviews = manyInterviews(size, now);
  {
    const { database } = openDatabase({ dataDir: temp.dir, clock, log });
    const seeded = performance.now();
    createInterviewRepository(database).putMany(interviews);
    report(label('insert all (one transaction)'), performance.now() - seeded, 'ms');
    database.close();
  }
  report(
    label('database file size'),
    fs.statSync(path.join(temp.dir, 'interview-desk.sqlite')).size / 1024 / 1024,
    'MiB',
  );
  {
    const { database } = openDatabase({ dataDir: temp.dir, clock, log });
    reportDurations(
      label('PRAGMA quick_check alone'),
      await timeMany(3, () => database.prepare('PRAGMA quick_check').all()),
    );
    database.close();
  }
  // Open (integrity check, pragmas, version check) + what the schedule shows first: the first 50
  // rows of each section and their sizes. After a clean exit the whole-file check is skipped (the
  // normal start); after an unclean one it runs (the clean-exit record is removed to simulate it).
  const window = (section: 'upcoming' | 'past', query = '') => ({
    section,
    query,
    todayStartMs: now - (now % 86_400_000),
    nowMs: now,
  });
  const openFirstPage = () => {
    const { database } = openDatabase({ dataDir: temp.dir, clock, log });
    const repository = createInterviewRepository(database);
    const page = [
      ...repository.schedulePage(window('upcoming'), 0, 50),
      ...repository.schedulePage(window('past'), 0, 50),
      repository.scheduleCount(window('upcoming')),
      repository.scheduleCount(window('past')),
    ];
    database.close();
    return page;
  };
  openFirstPage();
  reportDurations(label('open + first page of the schedule (clean exit before)'), await timeMany(5, openFirstPage));
  reportDurations(
    label('open + first page after an unclean exit (full quick_check)'),
    await timeMany(
      3,
      () => (fs.rmSync(path.join(temp.dir, 'interview-desk.sqlite.clean-exit'), { force: true }), openFirstPage()),
    ),
  );
  {
    const { database } = openDatabase({ dataDir: temp.dir, clock, log });
    const repository = createInterviewRepository(database);
    reportDurations(
      label(`search "hopper": first page + count (${repository.searchMode})`),
      await timeMany(20, () => [
        repository.schedulePage(window('upcoming', 'hopper'), 0, 50),
        repository.scheduleCount(window('upcoming', 'hopper')),
      ]),
    );
    reportDurations(
      label('a page halfway down the past (OFFSET on the index)'),
      await timeMany(20, () => repository.schedulePage(window('past'), Math.floor(size / 4), 50)),
    );
    database.close();
  }
  const services = servicesFor(temp.dir, {
    config: (await import('../../main/config/env-config')).loadEnvConfig({}, temp.dir),
  });
  services.settings.update({ recruiterName: 'Rita', recruiterEmail: 'rita@example.com', candidateReminderEmail: true });
  const repository = createInterviewRepository(services.stores.database);
  const one = interviews[42]!;
  reportDurations(
    label('one interview change (row + children, validated)'),
    await timeMany(200, (i) => repository.put({ ...one, notes: `edit ${i}` })),
  );
  reportDurations(
    label('"Schedule interview" (one transaction, listeners included)'),
    await timeMany(100, (i) =>
      services.commands.schedule({
        candidateName: `Bench ${i}`,
        candidateEmail: `bench${i}@example.com`,
        jobTitle: 'Engineer',
        date: day(400 + i),
        time: '10:00',
        timeZone: 'UTC',
        durationMinutes: 30,
        notes: '',
        candidateMessage: '',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        acceptConflicts: true,
      }),
    ),
  );
  reportDurations(
    label('reminder check (due window + next due reminder query)'),
    await timeMany(100, () => services.reminders.check()),
  );
  reportDurations(
    label('analytics report for a year, aggregated in SQL'),
    await timeMany(5, () =>
      services.handlers['analytics:report']!({ from: day(-180), to: day(180), timeZone: 'Europe/Berlin' }),
    ),
  );
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
}

// The old design for comparison: the whole JSON file rewritten on every change (import path).
const legacy = makeTempDir('idesk-bench-legacy-');
seedLegacyStore(legacy.dir, { interviews: manyInterviews(10_000, now) });
report(
  'old JSON file with 10,000 interviews',
  fs.statSync(path.join(legacy.dir, 'interview-desk.json')).size / 1024 / 1024,
  'MiB',
);
const importStarted = performance.now();
storesFor(legacy.dir).database.close();
report('first start after upgrade: import 10,000 interviews from JSON', performance.now() - importStarted, 'ms');
legacy.cleanup();
