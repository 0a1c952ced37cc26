import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { currentSchemaVersion } from '../../main/settings-file/migrations';
import { openDatabase } from '../../main/database/open-database';
import { createInterviewRepository } from '../../main/database/interview-repository';
import { createMemoryLogger } from '../../main/logging/logger';

/** A stored interview with sensible defaults, for seeding stores in tests and benchmarks. */
export function makeInterview(overrides: Partial<Interview> & { startUtc: string }): Interview {
  const id = overrides.id ?? randomUUID();
  // Created a month before its start by default, so every reminder moment lies after its creation.
  const created = new Date(Date.parse(overrides.startUtc) - 30 * 86_400_000).toISOString();
  return {
    id,
    candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
    recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
    coInterviewers: [],
    jobTitle: 'Engineer',
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
    notes: '',
    candidateMessage: '',
    status: 'scheduled',
    origin: 'recruiter',
    ics: { uid: `${id}@interview-desk.app`, sequence: 0 },
    invitations: { candidate: { state: 'none' }, recruiter: { state: 'none' } },
    joins: [],
    reminders: { sent: [] },
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

/** Writes a data dir as a previous run of this version would have: interviews in the database, settings in the file. */
export function seedStore(
  dataDir: string,
  data: { interviews?: Interview[]; settings?: Record<string, unknown> },
): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const { database } = openDatabase({ dataDir, clock: { now: () => Date.now() }, log: createMemoryLogger() });
  try {
    createInterviewRepository(database).putMany(data.interviews ?? []);
  } finally {
    database.close();
  }
  // A start a day later takes the daily last good copy, with the interviews in it.
  const later = openDatabase({ dataDir, clock: { now: () => Date.now() + 25 * 3600_000 }, log: createMemoryLogger() });
  later.keepGoodCopy();
  later.database.close();
  fs.writeFileSync(
    path.join(dataDir, 'interview-desk.json'),
    JSON.stringify({ schemaVersion: currentSchemaVersion, settings: data.settings ?? {} }),
    { mode: 0o600 },
  );
}

/** Writes the single JSON file of the versions before the database (format 2), queues included. */
export function seedLegacyStore(
  dataDir: string,
  data: {
    interviews?: Interview[];
    settings?: Record<string, unknown>;
    outbox?: unknown[];
    googleQueue?: unknown[];
    googleSyncToken?: string;
  },
): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'interview-desk.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 2,
      settings: data.settings ?? {},
      interviews: data.interviews ?? [],
      ...(data.outbox ? { outbox: data.outbox } : {}),
      ...(data.googleQueue ? { googleQueue: data.googleQueue } : {}),
      ...(data.googleSyncToken ? { googleSyncToken: data.googleSyncToken } : {}),
    }),
  );
  return file;
}

const first = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Ken',
  'Radia',
  'Linus',
  'Frances',
  'Tim',
];
const last = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Thompson',
  'Perlman',
  'Torvalds',
  'Allen',
  'Berners-Lee',
];
const jobs = ['Engineer', 'Designer', 'Product Manager', 'Data Scientist', 'Recruiter', 'Support Lead', 'SRE'];

/** `count` interviews spread over a year around `centerMs`, deterministic. */
export function manyInterviews(count: number, centerMs: number): Interview[] {
  const list: Interview[] = [];
  for (let i = 0; i < count; i++) {
    const offsetHours = ((i * 7919) % (24 * 365)) - 24 * 180;
    const start = new Date(centerMs + offsetHours * 3600_000);
    start.setUTCMinutes(0, 0, 0);
    const past = start.getTime() < centerMs;
    list.push(
      makeInterview({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        startUtc: start.toISOString(),
        candidate: {
          name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`,
          email: `candidate${i}@example.com`,
        },
        jobTitle: jobs[i % jobs.length]!,
        durationMinutes: 30 + (i % 4) * 15,
        meetLink: 'https://meet.google.com/abc-defg-hij',
        status: i % 17 === 0 ? 'cancelled' : 'scheduled',
        joins:
          past && i % 5 !== 0
            ? [
                {
                  joinedAt: start.toISOString(),
                  leftAt: new Date(start.getTime() + (25 + (i % 30)) * 60_000).toISOString(),
                  via: 'app',
                },
              ]
            : [],
      }),
    );
  }
  return list;
}
