import { describe, expect, it } from 'vitest';
import { walkPaced } from '../../../main/shared/paced-walk';

describe('paced walk', () => {
  it('takes each item in turn with a pause between two, none before the first', async () => {
    const log: string[] = [];
    const done = await walkPaced(
      ['a', 'b', 'c'],
      { pauseMs: 2_000, sleep: async (ms) => void log.push(`pause ${ms}`), stopped: () => false },
      async (item) => void log.push(item),
    );
    expect(done).toBe(true);
    expect(log).toEqual(['a', 'pause 2000', 'b', 'pause 2000', 'c']);
  });

  it('starts no item once stopped, also when stopped during a pause', async () => {
    let stopped = false;
    const seen: string[] = [];
    const duringPause = await walkPaced(
      ['a', 'b'],
      {
        pauseMs: 1,
        sleep: async () => {
          stopped = true;
        },
        stopped: () => stopped,
      },
      async (item) => void seen.push(item),
    );
    expect(duringPause).toBe(false);
    expect(seen).toEqual(['a']);
    expect(await walkPaced(['c'], { pauseMs: 1, sleep: async () => {}, stopped: () => true }, async () => {})).toBe(
      false,
    );
  });

  it('waits for each step before the next, and passes a step’s failure on', async () => {
    const order: string[] = [];
    const walk = walkPaced([1, 2, 3], { pauseMs: 0, sleep: async () => {}, stopped: () => false }, async (n) => {
      await new Promise((resolve) => setTimeout(resolve, 5 - n));
      order.push(`end ${n}`);
      if (n === 2) throw new Error('reconnect');
    });
    await expect(walk).rejects.toThrow('reconnect');
    expect(order).toEqual(['end 1', 'end 2']);
  });
});
