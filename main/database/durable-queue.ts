import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from './database';

/** Which queue an item belongs to: both live in one table. */
export type QueueName = 'google' | 'mail';

/** Where an item stands: waiting (`queued`), finished well (`sent` / `done`) or given up (`failed`). */
export type QueueState = 'queued' | 'sent' | 'done' | 'failed';

/** One durable queue item, in the order it was added. */
export interface QueueItem<P> {
  seq: number;
  key: string;
  interviewId: string;
  state: QueueState;
  attempts: number;
  /** Not to be tried before this time (backoff). */
  notBefore: number;
  payload: P;
  reason?: string;
  createdAt: number;
  finishedAt?: number;
}

/** What a caller may change on an item. */
export interface QueuePatch {
  state?: QueueState;
  attempts?: number;
  notBefore?: number;
  reason?: string | null;
  finishedAt?: number | null;
}

type Row = Record<string, unknown>;

/**
 * An ordered, durable queue over the one `queue_items` table (the Google Calendar queue and the mail
 * outbox are two of them). The payload is JSON checked with `payload` on the way in and out, so a
 * row that does not fit is reported, never half-read.
 */
export class DurableQueue<P> {
  constructor(
    private readonly db: Database,
    private readonly name: QueueName,
    private readonly payload: z.ZodType<P>,
    private readonly now: () => number,
  ) {}

  private read(row: Row): QueueItem<P> {
    return {
      seq: Number(row.seq),
      key: String(row.key),
      interviewId: String(row.interview_id),
      state: String(row.state) as QueueState,
      attempts: Number(row.attempts),
      notBefore: Number(row.not_before),
      payload: this.payload.parse(JSON.parse(String(row.payload))),
      ...(row.reason != null ? { reason: String(row.reason) } : {}),
      createdAt: Number(row.created_ms),
      ...(row.finished_ms != null ? { finishedAt: Number(row.finished_ms) } : {}),
    };
  }

  private select(where: string, ...params: (string | number)[]): QueueItem<P>[] {
    return (
      this.db
        .prepare(`SELECT * FROM queue_items WHERE queue = ? ${where} ORDER BY seq`)
        .all(this.name, ...params) as Row[]
    ).map((r) => this.read(r));
  }

  /** Every item still kept (waiting, finished within the retention period, failed), in order. */
  all(): QueueItem<P>[] {
    return this.select('');
  }

  /** The waiting items, in order. */
  waiting(): QueueItem<P>[] {
    return this.select("AND state = 'queued'");
  }

  /** Every kept item of one interview (waiting, finished, failed), in order (indexed). */
  allFor(interviewId: string): QueueItem<P>[] {
    return this.select('AND interview_id = ?', interviewId);
  }

  /** The waiting items of one interview, in order (by the interview index: `+state` keeps SQLite from scanning every waiting item instead). */
  waitingFor(interviewId: string): QueueItem<P>[] {
    return this.select("AND interview_id = ? AND +state = 'queued'", interviewId);
  }

  /**
   * Up to `limit` waiting items after `afterSeq`, in order; with `now`, only those due then and not
   * held. A drain reads its work a batch at a time, so what it reads follows what it does.
   */
  batch(options: { afterSeq: number; limit: number; now?: number }): QueueItem<P>[] {
    // Due items are found by (held, not_before), then put in order: what is read follows what is due,
    // never the items still in backoff or held.
    const due = options.now === undefined ? '' : 'INDEXED BY queue_items_next';
    const until = options.now === undefined ? '' : 'AND held = 0 AND not_before <= ?';
    const params =
      options.now === undefined ? [options.afterSeq, options.limit] : [options.now, options.afterSeq, options.limit];
    return (
      this.db
        .prepare(
          `SELECT * FROM queue_items ${due} WHERE queue = ? AND state = 'queued' ${until} AND seq > ? ORDER BY seq LIMIT ?`,
        )
        .all(this.name, ...params) as Row[]
    ).map((r) => this.read(r));
  }

  /** The waiting items in order (with `now`, those due then and not held), read `batch` at a time as the caller gets to them. */
  *walk(options: { batch: number; now?: number }): Generator<QueueItem<P>> {
    for (let afterSeq = 0; ;) {
      const items = this.batch({
        afterSeq,
        limit: options.batch,
        ...(options.now === undefined ? {} : { now: options.now }),
      });
      yield* items;
      if (items.length < options.batch) return;
      afterSeq = items.at(-1)!.seq;
    }
  }

  /** Holds waiting items back from planning and draining (`held`), or releases them. */
  hold(keys: string[], held: boolean): void {
    if (keys.length === 0) return;
    this.db
      .prepare(
        "UPDATE queue_items SET held = ? WHERE +queue = ? AND +state = 'queued' AND key IN (SELECT value FROM json_each(?))",
      )
      .run(held ? 1 : 0, this.name, JSON.stringify(keys));
  }

  get(key: string): QueueItem<P> | undefined {
    return this.select('AND key = ?', key)[0];
  }

  /** Appends an item (`held` keeps it back until released); returns it. */
  add(interviewId: string, payload: P, options: { notBefore?: number; held?: boolean } = {}): QueueItem<P> {
    const now = this.now();
    const key = randomUUID();
    this.db
      .prepare(
        'INSERT INTO queue_items (queue, key, interview_id, state, attempts, not_before, payload, created_ms, updated_ms, held) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)',
      )
      .run(
        this.name,
        key,
        interviewId,
        'queued',
        options.notBefore ?? 0,
        JSON.stringify(this.payload.parse(payload)),
        now,
        now,
        options.held ? 1 : 0,
      );
    return this.get(key)!;
  }

  update(key: string, patch: QueuePatch): void {
    const sets: string[] = [];
    const params: (string | number | null)[] = [];
    const column = {
      state: 'state',
      attempts: 'attempts',
      notBefore: 'not_before',
      reason: 'reason',
      finishedAt: 'finished_ms',
    } as const;
    for (const [field, name] of Object.entries(column) as [keyof QueuePatch, string][]) {
      if (patch[field] === undefined) continue;
      sets.push(`${name} = ?`);
      params.push(patch[field]);
    }
    this.db
      .prepare(`UPDATE queue_items SET ${[...sets, 'updated_ms = ?'].join(', ')} WHERE queue = ? AND key = ?`)
      .run(...params, this.now(), this.name, key);
  }

  remove(keys: string[]): void {
    if (keys.length === 0) return;
    // By key (`+queue`: never a scan of the queue's index).
    this.db
      .prepare('DELETE FROM queue_items WHERE +queue = ? AND key IN (SELECT value FROM json_each(?))')
      .run(this.name, JSON.stringify(keys));
  }

  /**
   * The earliest `notBefore` among waiting items that are not held, leaving out `except` (items in
   * flight): one read of the (queue, state, held, not_before) index, however many items wait.
   */
  nextNotBefore(except: string[] = []): number | undefined {
    const row = this.db
      .prepare(
        "SELECT not_before AS at FROM queue_items WHERE queue = ? AND state = 'queued' AND held = 0 AND key NOT IN (SELECT value FROM json_each(?)) ORDER BY not_before LIMIT 1",
      )
      .get(this.name, JSON.stringify(except)) as Row | undefined;
    return row?.at == null ? undefined : Number(row.at);
  }

  /** Deletes items that finished well before `before` (sent mail, done Calendar changes); returns how many. */
  prune(before: number): number {
    return Number(
      this.db
        .prepare("DELETE FROM queue_items WHERE queue = ? AND state IN ('sent', 'done') AND finished_ms < ?")
        .run(this.name, before).changes,
    );
  }
}

/** How long finished items are kept before pruning. */
export const queueRetentionMs = 30 * 24 * 3600_000;
