import { describe, expect, it } from 'vitest';
import { busyAnswerStaleAfter } from '../../../../main/google/find-time/stale-after-change';
import { makeInterview } from '../../../support/interview-fixtures';

const previous = makeInterview({ startUtc: '2030-03-04T09:00:00.000Z', durationMinutes: 45 });

describe('a kept free/busy answer after a change to the app’s interviews', () => {
  it('goes when an interview appears, is cancelled, announced or relinked in time', () => {
    expect(busyAnswerStaleAfter({ kind: 'scheduled', interview: previous })).toBe(true);
    expect(busyAnswerStaleAfter({ kind: 'cancelled', interview: previous })).toBe(true);
    const moved = { ...previous, startUtc: '2030-03-04T10:00:00.000Z' };
    expect(busyAnswerStaleAfter({ kind: 'rescheduled', interview: moved, previous })).toBe(true);
  });

  it('goes when an update changes the time, the length or the status, and stays for any other edit', () => {
    const updated = (change: Partial<typeof previous>) =>
      busyAnswerStaleAfter({ kind: 'updated', interview: { ...previous, ...change }, previous });
    expect(updated({ startUtc: '2030-03-04T09:30:00.000Z' })).toBe(true);
    expect(updated({ durationMinutes: 60 })).toBe(true);
    expect(updated({ status: 'cancelled' })).toBe(true);
    expect(updated({ notes: 'Bring the laptop.' })).toBe(false);
    expect(busyAnswerStaleAfter({ kind: 'relinked', interview: { ...previous }, previous })).toBe(false);
  });
});
