import { describe, expect, it } from 'vitest';
import { heldScorecardsUpTo } from '../../../main/panel-forms/restore-held-requests';
import { unknownRestoreTime } from '../../../main/database/restore-hold';

describe('up to when a restored copy holds scorecard emails', () => {
  const setup = (initial: number | undefined) => {
    let restoredAt = initial;
    let now = 1_000;
    const upTo = heldScorecardsUpTo(
      () => restoredAt,
      () => now,
    );
    return {
      upTo,
      tick: (ms: number) => (now += ms),
      restore: (at: number | undefined) => (restoredAt = at),
    };
  };

  it('the restore time when the mark says it; nothing without a hold', () => {
    const { upTo, tick, restore } = setup(500);
    tick(60_000);
    expect(upTo()).toBe(500);
    restore(undefined);
    expect(upTo()).toBeUndefined();
  });

  it('for a mark it cannot read, when this run first saw it, and that instant stays as time goes on', () => {
    const { upTo, tick } = setup(unknownRestoreTime);
    // Created at 1,000 ms: what was due by then counts as the copy's; later asks are not held.
    tick(3_600_000);
    expect(upTo()).toBe(1_000);
    tick(86_400_000);
    expect(upTo()).toBe(1_000);
  });

  it('a hold that ended and a new unreadable mark start again from when it is seen', () => {
    const { upTo, tick, restore } = setup(unknownRestoreTime);
    restore(undefined);
    expect(upTo()).toBeUndefined();
    tick(5_000);
    restore(unknownRestoreTime);
    expect(upTo()).toBe(6_000);
  });
});
