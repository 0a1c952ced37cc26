import { describe, expect, it } from 'vitest';
import { nextLookAt } from '../../../main/meet-artifacts/artifact-schedule';

const minute = 60_000;
const ended = Date.parse('2030-03-04T11:00:00.000Z');

/** After the call: +2, +10, +30, +60 minutes, then hourly up to 6 hours, never past the record's expiry. */
describe('nextLookAt', () => {
  it.each([
    [-30, 2],
    [0, 2],
    [2, 10],
    [5, 10],
    [10, 30],
    [30, 60],
    [59, 60],
    [60, 120],
    [61, 120],
    [150, 180],
    [300, 360],
    [359, 360],
  ])('%i minutes after the end, the next look is at +%i', (after, next) => {
    expect(nextLookAt(ended, ended + after * minute)).toBe(ended + next * minute);
  });

  it('stops after 6 hours', () => {
    expect(nextLookAt(ended, ended + 360 * minute)).toBeUndefined();
    expect(nextLookAt(ended, ended + 3 * 86_400_000)).toBeUndefined();
  });

  it('never looks at or past the moment Google deletes the record', () => {
    expect(nextLookAt(ended, ended + 61 * minute, ended + 120 * minute)).toBeUndefined();
    expect(nextLookAt(ended, ended + 61 * minute, ended + 121 * minute)).toBe(ended + 120 * minute);
  });
});
