import { describe, expect, it } from 'vitest';
import { calendarChangeMark } from '../../../../main/google/calendar/calendar-change-mark';
import { makeInterview } from '../../../support/interview-fixtures';

const now = Date.parse('2030-01-10T12:00:00.000Z');
const local = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z', durationMinutes: 60 });
const nothing = () => ({ withdrawn: 0 });

describe('the mark a change made in Google Calendar leaves', () => {
  it("keeps what people were last told across several moves, adds up what was withdrawn, reads Google's time defensively", () => {
    const first = calendarChangeMark(
      local,
      { kind: 'moved', startUtc: '2030-01-15T11:00:00.000Z', durationMinutes: 60 },
      '2030-01-10T11:58:00.000Z',
      now,
      () => ({ withdrawn: 2, told: { startUtc: '2030-01-14T09:00:00.000Z', durationMinutes: 45 } }),
    );
    expect(first).toEqual({
      kind: 'moved',
      at: '2030-01-10T11:58:00.000Z',
      was: { startUtc: '2030-01-14T09:00:00.000Z', durationMinutes: 45 },
      withdrawn: 2,
    });
    const moved = {
      ...local,
      startUtc: '2030-01-15T11:00:00.000Z',
      google: { eventId: 'e1', state: 'synced' as const, calendarChange: first! },
    };
    expect(
      calendarChangeMark(
        moved,
        { kind: 'cancelled', startUtc: moved.startUtc, durationMinutes: 60 },
        'not a time',
        now,
        () => ({ withdrawn: 1 }),
      ),
    ).toEqual({ kind: 'cancelled', at: new Date(now).toISOString(), was: first!.was, withdrawn: 3 });
  });

  it('keeps the doubt of a mark found after restoring a copy: its "was" is still the copy\'s', () => {
    const afterRestore = {
      kind: 'moved' as const,
      at: '2030-01-09T11:00:00.000Z',
      was: { startUtc: '2030-01-14T09:00:00.000Z', durationMinutes: 60 },
      afterRestore: true as const,
    };
    const marked = { ...local, google: { eventId: 'e1', state: 'synced' as const, calendarChange: afterRestore } };
    expect(
      calendarChangeMark(
        marked,
        { kind: 'moved', startUtc: '2030-01-16T09:00:00.000Z', durationMinutes: 60 },
        '2030-01-10T11:00:00.000Z',
        now,
        nothing,
      ),
    ).toEqual({ ...afterRestore, at: '2030-01-10T11:00:00.000Z' });
  });

  it('leaves none when nobody needs telling: over at its new time, or moved back to the time people hold', () => {
    expect(
      calendarChangeMark(
        local,
        { kind: 'moved', startUtc: '2030-01-10T10:00:00.000Z', durationMinutes: 60 },
        undefined,
        now,
        nothing,
      ),
    ).toBeUndefined();
    const was = { startUtc: local.startUtc, durationMinutes: 60 };
    const moved = {
      ...local,
      startUtc: '2030-01-15T11:00:00.000Z',
      google: {
        eventId: 'e1',
        state: 'synced' as const,
        calendarChange: { kind: 'moved' as const, at: '2030-01-10T11:00:00.000Z', was },
      },
    };
    expect(calendarChangeMark(moved, { kind: 'moved', ...was }, undefined, now, nothing)).toBeUndefined();
  });
});
