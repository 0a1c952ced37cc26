import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLegacyStore, legacyImportMarker } from '../../../main/database/import-legacy-store';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { openDatabase } from '../../../main/database/open-database';
import { GoogleQueue } from '../../../main/google/calendar/google-queue';
import { createSyncState } from '../../../main/database/sync-state';
import { DurableQueue } from '../../../main/database/durable-queue';
import { DataMoveError } from '../../../main/settings-file/migrations';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createSettingsService } from '../../../main/settings/settings-service';
import { createEventHub } from '../../../main/shared/event-hub';
import { makeInterview, manyInterviews, seedLegacyStore } from '../../support/interview-fixtures';
import { storesFor } from '../../support/test-services';
import { fixedClock } from '../../support/fixed-clock';
import { makeTempDir } from '../../support/temp-dir';
import { z } from 'zod';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const clock = fixedClock('2030-01-10T08:00:00.000Z');

/** An outbox and a Google queue as today's JSON file holds them. */
function legacyQueues(interviews: Interview[]) {
  const outbox = interviews.flatMap((i, n) => [
    {
      key: `mail-${n}-c`,
      interviewId: i.id,
      recipient: 'candidate',
      kind: 'invitation',
      state: n % 3 === 0 ? 'sent' : 'queued',
      attempts: n % 3 === 0 ? 1 : 0,
      notBefore: 0,
      createdAt: '2030-01-09T10:00:00.000Z',
      ...(n % 3 === 0 ? { sentAt: '2030-01-09T10:00:02.000Z' } : {}),
    },
    // An update carries the time (and, for a link change, the link) the person was last told.
    ...(n === 5
      ? [
          {
            key: `mail-${n}-u`,
            interviewId: i.id,
            recipient: 'candidate',
            kind: 'update',
            state: 'queued',
            attempts: 0,
            notBefore: 0,
            createdAt: '2030-01-09T11:00:00.000Z',
            previous: {
              startUtc: '2030-01-20T09:00:00.000Z',
              durationMinutes: 45,
              meetLink: 'https://meet.google.com/old-link-abc',
            },
          },
        ]
      : []),
    {
      key: `mail-${n}-r`,
      interviewId: i.id,
      recipient: 'recruiter',
      kind: 'invitation',
      state: n === 1 ? 'sending' : n === 2 ? 'failed' : 'queued',
      attempts: 2,
      notBefore: 1893576000000,
      createdAt: '2030-01-09T10:00:00.000Z',
      ...(n === 2 ? { reason: '550 Mailbox unavailable' } : {}),
    },
  ]);
  const googleQueue = interviews.slice(0, 5).map((i, n) => ({
    key: `google-${n}`,
    interviewId: i.id,
    op: n === 4 ? 'cancel' : n === 3 ? 'relink' : 'create',
    attempts: n,
    notBefore: 0,
    ...(n ? { lastError: 'Backend Error' } : {}),
  }));
  return { outbox, googleQueue };
}

describe('moving the old JSON data into the database (first start after the upgrade)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  const withDelivery = (i: Interview, n: number): Interview => ({
    ...i,
    candidateMessage: n % 4 === 0 ? `Message ${n}` : '',
    ...(n % 5 === 0 ? { google: { eventId: `event${n}`, state: 'synced' as const, unusableMeetLink: true } } : {}),
    invitations: {
      candidate:
        n % 3 === 0
          ? { state: 'sent', kind: 'invitation', at: '2030-01-09T10:00:02.000Z' }
          : { state: 'queued', ...(n % 2 ? { kind: 'update' as const } : {}), at: '2030-01-09T10:00:00.000Z' },
      recruiter:
        n === 2
          ? { state: 'failed', kind: 'invitation', reason: '550 Mailbox unavailable', at: '2030-01-09T10:00:03.000Z' }
          : { state: 'queued' },
    },
    reminders: {
      sent: n % 2 ? [{ key: `notification:1440@${i.startUtc}`, at: '2030-01-09T09:00:00.000Z' }] : [],
      ...(n % 3 === 1 ? { armedAt: '2030-01-08T10:00:00.000Z' } : {}),
    },
  });

  it('brings every interview (deliveries, joins, reminder marks), the outbox, the Google queue and the sync token; keeps the file dated; settings stay', () => {
    const interviews = manyInterviews(40, Date.parse('2030-01-10T08:00:00Z')).map(withDelivery);
    const { outbox, googleQueue } = legacyQueues(interviews.slice(0, 6));
    const file = seedLegacyStore(temp.dir, {
      interviews,
      outbox,
      googleQueue,
      googleSyncToken: 'token-7',
      settings: { companyName: 'Acme Hiring' },
    });
    const original = fs.readFileSync(file, 'utf8');

    const { database, store, notices } = storesFor(temp.dir, clock);
    expect(notices).toEqual([]);
    const repository = createInterviewRepository(database);
    const byId = (list: Interview[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(repository.all())).toEqual(byId(interviews));
    // Same keys, same order: a message keeps its Message-ID. A message left "sending" by a crash is queued again.
    const mail = new DurableQueue(
      database,
      'mail',
      z.object({ recipient: z.string(), kind: z.string() }),
      clock.now,
    ).all();
    expect(mail.map((m) => [m.key, m.state, m.attempts])).toEqual(
      outbox.map((m) => [m.key, m.state === 'sending' ? 'queued' : m.state, m.attempts]),
    );
    const previous = z.object({ startUtc: z.string(), durationMinutes: z.number(), meetLink: z.string().optional() });
    const withPrevious = new DurableQueue(
      database,
      'mail',
      z.object({ kind: z.string(), previous: previous.optional() }),
      clock.now,
    ).get('mail-5-u');
    expect(withPrevious?.payload).toEqual({
      kind: 'update',
      previous: {
        startUtc: '2030-01-20T09:00:00.000Z',
        durationMinutes: 45,
        meetLink: 'https://meet.google.com/old-link-abc',
      },
    });
    expect(mail.find((m) => m.key === 'mail-2-r')).toMatchObject({
      state: 'failed',
      reason: '550 Mailbox unavailable',
    });
    expect(mail.find((m) => m.key === 'mail-0-c')).toMatchObject({
      state: 'sent',
      finishedAt: Date.parse('2030-01-09T10:00:02.000Z'),
    });
    expect(new GoogleQueue(database, clock.now).all()).toEqual(
      googleQueue.map((g) => ({ ...g, attempts: g.attempts })),
    );
    expect(createSyncState(database).get('googleSyncToken')).toBe('token-7');

    // The settings file keeps settings only; the old file is kept, dated, byte for byte.
    expect(createSettingsService(store, createEventHub(), createMemoryLogger()).get().companyName).toBe('Acme Hiring');
    const now = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(Object.keys(now).sort()).toEqual(['schemaVersion', 'settings']);
    expect(fs.readFileSync(path.join(temp.dir, 'interview-desk.v2-before-v3-2030-01-10.json'), 'utf8')).toBe(original);
    database.close();
  });

  it('never imports twice: not on the next start, not from the same data again (a crash before the file was rewritten)', () => {
    const interviews = manyInterviews(10, Date.parse('2030-01-10T08:00:00Z'));
    const { outbox, googleQueue } = legacyQueues(interviews.slice(0, 3));
    const file = seedLegacyStore(temp.dir, { interviews, outbox, googleQueue });
    const legacy = JSON.parse(fs.readFileSync(file, 'utf8'));
    storesFor(temp.dir, clock).database.close();
    // As if the process died after the database committed but before the file was rewritten.
    fs.writeFileSync(file, JSON.stringify(legacy));
    const { database } = storesFor(temp.dir, clock);
    expect(createInterviewRepository(database).count()).toBe(10);
    expect(Number((database.prepare('SELECT count(*) AS n FROM queue_items').get() as { n: number }).n)).toBe(
      outbox.length + googleQueue.length,
    );
    expect(importLegacyStore(database, legacy, { now: clock.now(), log: createMemoryLogger() })).toMatchObject({
      imported: false,
    });
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')))).not.toContain('interviews');
    database.close();
  });

  it('is one transaction with its marker: a failure part-way leaves nothing, the start stops, the old file is untouched', () => {
    const interviews = manyInterviews(10, Date.parse('2030-01-10T08:00:00Z'));
    const { outbox } = legacyQueues(interviews.slice(0, 3));
    const file = seedLegacyStore(temp.dir, { interviews, outbox });
    const original = fs.readFileSync(file, 'utf8');
    const { database } = openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
    // The queue table refuses writes: the interviews before it must not stay.
    database.exec("CREATE TRIGGER refuse BEFORE INSERT ON queue_items BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    database.close();
    expect(() => storesFor(temp.dir, clock)).toThrow(DataMoveError);
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    const { database: after } = openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
    expect(createInterviewRepository(after).count()).toBe(0);
    expect(after.prepare('SELECT 1 FROM meta WHERE key = ?').get(legacyImportMarker)).toBeUndefined();
    after.exec('DROP TRIGGER refuse');
    after.close();
    // Once the cause is gone, the next start moves everything.
    const { database: retried } = storesFor(temp.dir, clock);
    expect(createInterviewRepository(retried).count()).toBe(10);
    retried.close();
  });

  it("10,000 interviews with non-empty queues, from today's format", () => {
    const interviews = manyInterviews(10_000, Date.parse('2030-01-10T08:00:00Z')).map((i, n) =>
      n < 300 ? withDelivery(i, n) : i,
    );
    const { outbox, googleQueue } = legacyQueues(interviews.slice(0, 300));
    seedLegacyStore(temp.dir, { interviews, outbox, googleQueue, googleSyncToken: 'big' });
    const { database } = storesFor(temp.dir, clock);
    const repository = createInterviewRepository(database);
    expect(repository.count()).toBe(10_000);
    const stored = new Map(repository.all().map((i) => [i.id, i]));
    for (const i of interviews) expect(stored.get(i.id)).toEqual(i);
    expect(
      Number((database.prepare("SELECT count(*) AS n FROM queue_items WHERE queue = 'mail'").get() as { n: number }).n),
    ).toBe(outbox.length);
    expect(new GoogleQueue(database, clock.now).all().map((g) => g.key)).toEqual(googleQueue.map((g) => g.key));
    expect(createSyncState(database).get('googleSyncToken')).toBe('big');
    database.close();
  }, 60_000);

  it('records that fail the schema or point at no interview are left in the dated file and counted', () => {
    const good = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
    const { database } = openDatabase({ dataDir: temp.dir, clock, log: createMemoryLogger() });
    const report = importLegacyStore(
      database,
      {
        interviews: [good],
        outbox: [
          {
            key: 'orphan',
            interviewId: 'gone',
            recipient: 'candidate',
            kind: 'invitation',
            state: 'queued',
            attempts: 0,
            notBefore: 0,
            createdAt: 'x',
          },
        ],
        googleQueue: [{ nonsense: true }],
      },
      { now: clock.now(), log: createMemoryLogger() },
    );
    expect(report).toEqual({ imported: true, interviews: 1, mail: 0, google: 0, skipped: 2 });
    database.close();
  });
});
