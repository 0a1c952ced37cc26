import { describe, expect, it } from 'vitest';
import { scheduleRowName } from '../../../../renderer/schedule/schedule-row-name';

const row = { candidateName: 'Ada Lovelace', jobTitle: 'Compiler Engineer', durationMinutes: 45 };
const when = 'Sun, 6 Dec 2026, 05:40 GMT';

describe('scheduleRowName', () => {
  it('says who, what, when, then the status as its own sentence', () => {
    expect(scheduleRowName(row, when, 'ended')).toBe(
      'Ada Lovelace, Compiler Engineer, 45 min, on Sun, 6 Dec 2026, 05:40 GMT. Ended.',
    );
  });

  it('says what needs attention, which the badge shows only as a tooltip', () => {
    const waiting = { ...row, attention: 'The invitation could not be sent' };
    expect(scheduleRowName(waiting, when, 'needs_attention')).toMatch(
      /GMT\. Needs attention: The invitation could not be sent\.$/,
    );
    // Once it has started the badge no longer says it, and neither does the name.
    expect(scheduleRowName(waiting, when, 'in_progress')).toMatch(/GMT\. In progress\.$/);
  });

  it('ends with the line said when a search found the interview by it', () => {
    const found = {
      ...row,
      spoken: {
        speaker: 'Tara Singh',
        parts: [
          { text: '…built and ran ', match: false },
          { text: 'kubernetes', match: true },
          { text: ' operators…', match: false },
        ],
      },
    };
    expect(scheduleRowName(found, when, 'ended')).toBe(
      'Ada Lovelace, Compiler Engineer, 45 min, on Sun, 6 Dec 2026, 05:40 GMT. Ended.' +
        ' Said in the interview: Tara Singh: …built and ran kubernetes operators…',
    );
  });
});
