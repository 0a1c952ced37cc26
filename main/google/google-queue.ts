import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../store/key-value-store';

/** One Calendar change waiting for Google, kept in the store so it survives a restart. */
export interface QueuedChange {
  key: string;
  interviewId: string;
  /** 'relink' puts the interview's own Meet link (pasted by the recruiter) on the event. */
  op: 'create' | 'update' | 'relink' | 'cancel';
  attempts: number;
  notBefore: number;
  lastError?: string;
}

/**
 * The durable, ordered queue of Calendar changes. Applied in order; an update behind a create of the
 * same interview is folded into it (the create sends the latest data, Meet link included), and a
 * cancel makes queued updates pointless.
 */
export class GoogleQueue {
  constructor(private readonly store: KeyValueStore) {}

  all(): QueuedChange[] {
    return ((this.store.get('googleQueue') as QueuedChange[] | undefined) ?? []).slice();
  }

  private save(items: QueuedChange[]): void {
    this.store.set('googleQueue', items);
  }

  add(interviewId: string, op: QueuedChange['op']): void {
    let items = this.all();
    const mine = items.filter((i) => i.interviewId === interviewId);
    if (op === 'update' && mine.some((i) => i.op === 'create' || i.op === 'update')) return;
    if (op === 'relink' && mine.some((i) => i.op === 'create' || i.op === 'relink')) return;
    if (op === 'cancel') items = items.filter((i) => !(i.interviewId === interviewId && (i.op === 'update' || i.op === 'relink')));
    items.push({ key: randomUUID(), interviewId, op, attempts: 0, notBefore: 0 });
    this.save(items);
  }

  remove(key: string): void {
    this.save(this.all().filter((i) => i.key !== key));
  }

  postpone(key: string, notBefore: number, error: string): void {
    this.save(this.all().map((i) => (i.key === key ? { ...i, attempts: i.attempts + 1, notBefore, lastError: error } : i)));
  }

  pendingFor(interviewId: string): boolean {
    return this.all().some((i) => i.interviewId === interviewId);
  }
}
