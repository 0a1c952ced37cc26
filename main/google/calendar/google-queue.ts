import { z } from 'zod';
import type { Database } from '../../database/database';
import { DurableQueue, queueRetentionMs, type QueueItem } from '../../database/durable-queue';

/** One Calendar change waiting for Google, kept in the database so it survives a restart. */
export interface QueuedChange {
  key: string;
  interviewId: string;
  /** 'relink' puts the interview's own Meet link (pasted by the recruiter) on the event; 'guests' puts the panel's guest list on it. */
  op: 'create' | 'update' | 'relink' | 'cancel' | 'guests';
  attempts: number;
  notBefore: number;
  lastError?: string;
}

const payloadSchema = z.object({ op: z.enum(['create', 'update', 'relink', 'cancel', 'guests']) });

const asChange = (item: QueueItem<z.infer<typeof payloadSchema>>): QueuedChange => ({
  key: item.key,
  interviewId: item.interviewId,
  op: item.payload.op,
  attempts: item.attempts,
  notBefore: item.notBefore,
  ...(item.reason ? { lastError: item.reason } : {}),
});

/**
 * The durable, ordered queue of Calendar changes. Applied in order; an update behind a create of the
 * same interview is folded into it (the create sends the latest data, Meet link included), and a
 * cancel makes queued updates pointless. Applied changes are kept as `done` for the retention
 * period, then pruned.
 */
export class GoogleQueue {
  private readonly queue: DurableQueue<z.infer<typeof payloadSchema>>;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new DurableQueue(db, 'google', payloadSchema, now);
    this.queue.prune(now() - queueRetentionMs);
  }

  /** The waiting changes, in order. */
  all(): QueuedChange[] {
    return this.queue.waiting().map(asChange);
  }

  /** The waiting changes in order, read one at a time as they are applied (each is a request to Google anyway). */
  *inOrder(): Generator<QueuedChange> {
    for (const item of this.queue.walk({ batch: 1 })) yield asChange(item);
  }

  add(interviewId: string, op: QueuedChange['op']): void {
    this.db.transaction(() => {
      const mine = this.queue.waitingFor(interviewId).map(asChange);
      if (op === 'update' && mine.some((i) => i.op === 'create' || i.op === 'update')) return;
      if (op === 'relink' && mine.some((i) => i.op === 'create' || i.op === 'relink')) return;
      if (op === 'guests' && mine.some((i) => i.op === 'create' || i.op === 'guests')) return;
      if (op === 'cancel')
        this.queue.remove(
          mine.filter((i) => i.op === 'update' || i.op === 'relink' || i.op === 'guests').map((i) => i.key),
        );
      this.queue.add(interviewId, { op });
    });
  }

  /** Marks a change applied (or given up on): it leaves the waiting list. */
  remove(key: string): void {
    this.queue.update(key, { state: 'done', finishedAt: this.now() });
  }

  postpone(key: string, notBefore: number, error: string): void {
    const item = this.queue.get(key);
    if (item) this.queue.update(key, { attempts: item.attempts + 1, notBefore, reason: error });
  }

  /** Drops this interview's waiting changes (Google's event overrides them); returns how many. */
  dropWaiting(interviewId: string): number {
    const waiting = this.queue.waitingFor(interviewId);
    for (const item of waiting)
      this.queue.update(item.key, { state: 'done', finishedAt: this.now(), reason: 'overridden by Google Calendar' });
    return waiting.length;
  }

  pendingFor(interviewId: string): boolean {
    return this.queue.waitingFor(interviewId).length > 0;
  }
}
