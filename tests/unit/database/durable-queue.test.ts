import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { DurableQueue, queueRetentionMs } from '../../../main/database/durable-queue';
import { openMemoryDatabase } from '../../../main/database/open-database';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import type { Database } from '../../../main/database/database';
import { makeInterview } from '../../support/interview-fixtures';

describe('durable queue', () => {
  let db: Database;
  let now: number;
  const interview = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z' });
  beforeEach(() => {
    db = openMemoryDatabase();
    now = Date.parse('2030-01-10T08:00:00.000Z');
    createInterviewRepository(db).put(interview);
  });
  afterEach(() => db.close());

  it('keeps order, per-item state and backoff; two queues share the table without seeing each other', () => {
    const mail = new DurableQueue(db, 'mail', z.object({ n: z.number() }), () => now);
    const google = new DurableQueue(db, 'google', z.object({ op: z.string() }), () => now);
    const keys = [1, 2, 3].map((n) => mail.add(interview.id, { n }).key);
    google.add(interview.id, { op: 'create' });
    mail.update(keys[0]!, { attempts: 1, notBefore: now + 5_000, reason: 'busy' });
    expect(mail.waiting().map((i) => i.payload.n)).toEqual([1, 2, 3]);
    expect(mail.batch({ afterSeq: 0, limit: 10, now }).map((i) => i.payload.n)).toEqual([2, 3]);
    expect(mail.nextNotBefore()).toBe(0);
    // Read a batch at a time, in order; a held item is left out of what is due and of planning.
    expect(mail.batch({ afterSeq: 0, limit: 2 }).map((i) => i.payload.n)).toEqual([1, 2]);
    expect(mail.batch({ afterSeq: mail.get(keys[1]!)!.seq, limit: 2 }).map((i) => i.payload.n)).toEqual([3]);
    mail.hold([keys[1]!, keys[2]!], true);
    expect(mail.batch({ afterSeq: 0, limit: 10, now }).map((i) => i.payload.n)).toEqual([]);
    expect(mail.nextNotBefore()).toBe(now + 5_000);
    expect(mail.nextNotBefore([keys[0]!])).toBeUndefined();
    mail.hold([keys[1]!, keys[2]!], false);
    expect(mail.nextNotBefore([keys[1]!])).toBe(0);
    expect(mail.get(keys[0]!)).toMatchObject({ attempts: 1, notBefore: now + 5_000, reason: 'busy', state: 'queued' });
    mail.update(keys[1]!, { state: 'sent', finishedAt: now });
    expect(mail.waiting().map((i) => i.payload.n)).toEqual([1, 3]);
    // One interview's items, finished ones included, from the index; never another queue's.
    const other = makeInterview({ startUtc: '2030-01-16T09:00:00.000Z' });
    createInterviewRepository(db).put(other);
    mail.add(other.id, { n: 9 });
    expect(mail.allFor(interview.id).map((i) => [i.payload.n, i.state])).toEqual([
      [1, 'queued'],
      [2, 'sent'],
      [3, 'queued'],
    ]);
    expect(google.all()).toHaveLength(1);
    expect(() => mail.add(interview.id, { n: 'four' as unknown as number })).toThrow();
  });

  it('finds what each call is about by an index that fits, never by going through every waiting item', () => {
    const mail = new DurableQueue(db, 'mail', z.object({ n: z.number() }), () => now);
    const run: { sql: string; args: unknown[] }[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) =>
      new Proxy(prepare(sql), {
        get(target: StatementSync, name: keyof StatementSync) {
          const value = target[name];
          if (name !== 'all' && name !== 'get' && name !== 'run')
            return typeof value === 'function' ? value.bind(target) : value;
          return (...args: SQLInputValue[]) => {
            run.push({ sql, args });
            return target[name](...args);
          };
        },
      });
    const key = mail.add(interview.id, { n: 1 }).key;
    mail.waitingFor(interview.id);
    mail.hold([key], true);
    mail.hold([key], false);
    mail.batch({ afterSeq: 0, limit: 5, now });
    mail.nextNotBefore([key]);
    mail.update(key, { state: 'sent' });
    mail.remove([key]);
    db.prepare = prepare;
    expect(run.length).toBeGreaterThanOrEqual(8);
    for (const { sql, args } of run) {
      const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as SQLInputValue[])) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
      expect(plan, sql).not.toMatch(
        /SCAN queue_items\b|INDEX queue_items_waiting \(queue=\? AND state=\?\)|INDEX queue_items_next \(queue=\?(?: AND state=\?)?\)/,
      );
    }
  });

  it('prunes finished items after the retention period, never waiting or failed ones', () => {
    const mail = new DurableQueue(db, 'mail', z.object({ n: z.number() }), () => now);
    const [sent, failed, waiting] = [1, 2, 3].map((n) => mail.add(interview.id, { n }).key);
    mail.update(sent!, { state: 'sent', finishedAt: now });
    mail.update(failed!, { state: 'failed', finishedAt: now });
    expect(mail.prune(now - queueRetentionMs)).toBe(0);
    now += queueRetentionMs + 1;
    expect(mail.prune(now - queueRetentionMs)).toBe(1);
    expect(mail.all().map((i) => i.key)).toEqual([failed, waiting]);
  });
});
