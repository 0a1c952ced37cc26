import { describe, expect, it } from 'vitest';
import { rowTail } from '../../../../renderer/schedule/schedule-row-name';

const when = 'Sun, 6 Dec 2026, 05:40 GMT';

describe('rowTail', () => {
  it('ends the status as its own sentence, then says the full date', () => {
    expect(rowTail({}, 'ended', when)).toBe('. On Sun, 6 Dec 2026, 05:40 GMT.');
  });

  it('says what needs attention, which the badge shows only as a tooltip', () => {
    const waiting = { attention: 'The invitation could not be sent' };
    expect(rowTail(waiting, 'needs_attention', when)).toBe(
      ': The invitation could not be sent. On Sun, 6 Dec 2026, 05:40 GMT.',
    );
    // Once it has started the badge no longer says it, and neither does the name.
    expect(rowTail(waiting, 'in_progress', when)).toBe('. On Sun, 6 Dec 2026, 05:40 GMT.');
  });
});
