import { describe, expect, it } from 'vitest';
import { formatTimeSpan, reminderWhen, startClock, timeLeftPhrase } from '../../../preload/shared/rules/time-left';
import { timeStyleOf } from '../../../preload/shared/rules/time-format';

const gb = timeStyleOf('en-GB');

const start = Date.parse('2030-03-01T13:30:00.000Z');
const min = 60_000;

describe('the one reminder wording', () => {
  it('counts the real time left to the minute', () => {
    expect(timeLeftPhrase(start, start - (3 * 60 + 58) * min)).toBe('starts in 3 h 58 min');
    expect(timeLeftPhrase(start, start - 60 * min)).toBe('starts in 1 h');
    expect(timeLeftPhrase(start, start - 45 * min - 20_000)).toBe('starts in 45 min');
    expect(timeLeftPhrase(start, start - (26 * 60 + 10) * min)).toBe('starts in 1 d 2 h');
    expect(timeLeftPhrase(start, start - 20_000)).toBe('is starting now');
    expect(timeLeftPhrase(start, start + 20_000)).toBe('is starting now');
    expect(timeLeftPhrase(start, start + 4 * min)).toBe('started 4 min ago');
    expect(formatTimeSpan(2 * 1440 * min)).toBe('2 d');
  });

  it("gives the start in the reader's zone, with the day only when it is not today there", () => {
    expect(startClock(start, start - 2 * 3600_000, 'Europe/Berlin', gb)).toBe('14:30 CET');
    expect(startClock(start, start - 2 * 3600_000, 'Asia/Kolkata', gb)).toBe('19:00 GMT+5:30');
    // 13:30Z is already the next day in Auckland (02:30 on 2 March) while it is still 1 March there at the time of reading.
    expect(startClock(start, start - 5 * 3600_000, 'Pacific/Auckland', gb)).toBe('Sat 2 Mar, 02:30 GMT+13');
    expect(reminderWhen(start, start - (3 * 60 + 58) * min, 'Europe/Berlin', gb)).toBe(
      'starts in 3 h 58 min (at 14:30 CET)',
    );
    expect(reminderWhen(start, start, 'UTC', gb)).toBe('is starting now (13:30 UTC)');
  });

  it("writes the start on the reader's clock: 12 hours for en-US", () => {
    expect(reminderWhen(start, start - (3 * 60 + 58) * min, 'Europe/Berlin', timeStyleOf('en-US'))).toBe(
      'starts in 3 h 58 min (at 2:30 PM GMT+1)',
    );
    expect(startClock(start, start - 5 * 3600_000, 'Pacific/Auckland', timeStyleOf('en-US'))).toBe(
      'Sat, Mar 2, 2:30 AM GMT+13',
    );
  });
});
