import { describe, expect, it } from 'vitest';
import { createDisposableStore, disposableInterval } from '../../../main/shared/disposable-store';

describe('disposable store', () => {
  it('asks the last one built to stop first, and every one before awaiting any', async () => {
    const store = createDisposableStore();
    const order: string[] = [];
    let release = () => {};
    store.add({ dispose: () => void order.push('calendar') });
    store.add({
      dispose: () => {
        order.push('outbox');
        return new Promise<void>(
          (resolve) =>
            (release = () => {
              order.push('outbox done');
              resolve();
            }),
        );
      },
    });
    store.add({ dispose: () => void order.push('reminders') });
    const done = store.dispose();
    expect(order).toEqual(['reminders', 'outbox', 'calendar']);
    release();
    await done;
    expect(order).toEqual(['reminders', 'outbox', 'calendar', 'outbox done']);
  });

  it('disposes each item once, and at once when added after the store was disposed', async () => {
    const store = createDisposableStore();
    let count = 0;
    store.add({ dispose: () => void count++ });
    await store.dispose();
    await store.dispose();
    expect(count).toBe(1);
    store.add({ dispose: () => void count++ });
    expect(count).toBe(2);
  });

  it('stops every item even when one fails, then reports that failure', async () => {
    const store = createDisposableStore();
    let stopped = false;
    store.add({ dispose: () => void (stopped = true) });
    store.add({
      dispose: () => {
        throw new Error('queue write failed');
      },
    });
    await expect(store.dispose()).rejects.toThrow('queue write failed');
    expect(stopped).toBe(true);
  });

  it('clears a registered interval', async () => {
    let ticks = 0;
    const store = createDisposableStore();
    store.add(disposableInterval(setInterval(() => ticks++, 5)));
    await store.dispose();
    const before = ticks;
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBe(before);
  });
});
