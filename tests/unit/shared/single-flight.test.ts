import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../main/shared/single-flight';

describe('singleFlight', () => {
  it('drains single-flight: a call during a drain waits, then runs once more', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const drain = singleFlight(async () => {
      running++;
      most = Math.max(most, running);
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      running--;
    });
    await Promise.all([drain(), drain(), drain()]);
    expect(most).toBe(1);
    expect(runs).toBe(3);
  });
});
