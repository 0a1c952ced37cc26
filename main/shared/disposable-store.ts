/** Anything that holds a timer, a subscription or work in flight and must let go on shutdown. */
export interface Disposable {
  dispose(): void | Promise<void>;
}

/**
 * Services registered as they are built and disposed together: the last one built goes first, since
 * it may use those built before it. Every one is asked to stop before any is awaited, so no service
 * keeps working while another finishes; the first failure is reported after all were asked.
 */
export interface DisposableStore {
  /** Registers `item` and hands it back; once the store is disposed, `item` is disposed at once. */
  add<T extends Disposable>(item: T): T;
  dispose(): Promise<void>;
}

/** Creates an empty store. */
export function createDisposableStore(): DisposableStore {
  const items: Disposable[] = [];
  let disposed = false;
  const stopAll = async (batch: Disposable[]) => {
    const settled = await Promise.allSettled(batch.map(async (item) => item.dispose()));
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
  };
  return {
    add(item) {
      if (disposed) void stopAll([item]);
      else items.push(item);
      return item;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await stopAll(items.splice(0).reverse());
    },
  };
}

/** A timer as a disposable: cleared on dispose. */
export function disposableInterval(handle: ReturnType<typeof setInterval>): Disposable {
  return { dispose: () => clearInterval(handle) };
}
