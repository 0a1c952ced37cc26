import { describe, expect, it } from 'vitest';
import { calendarChangeWords } from '../../../../renderer/interview-room/calendar-change-words';
import { makeInterview } from '../../../support/interview-fixtures';
import { formatDateTime } from '../../../../renderer/common/format';

const base = makeInterview({ startUtc: '2030-01-15T09:00:00.000Z', meetLink: 'https://meet.google.com/abc-defg-hij' });
const marked = (calendarChange: NonNullable<NonNullable<typeof base.google>['calendarChange']>) => ({
  ...base,
  google: { eventId: 'e1', state: 'synced' as const, calendarChange },
});
const was = { startUtc: base.startUtc, durationMinutes: 60 };

describe('a change made in Google Calendar, in the room', () => {
  it('says when it was made there and that nobody was emailed, with the button that sends it', () => {
    expect(calendarChangeWords(marked({ kind: 'moved', at: '2030-01-10T13:02:00.000Z', was }), 'UTC')).toEqual({
      line: `Moved in Google Calendar on ${formatDateTime('2030-01-10T13:02:00.000Z', 'UTC')}: now ${formatDateTime(base.startUtc, 'UTC')} (was ${formatDateTime(base.startUtc, 'UTC')}). Interview Desk has not emailed the candidate.`,
      action: 'Send update',
    });
    expect(calendarChangeWords(marked({ kind: 'cancelled', at: '2030-01-10T13:02:00.000Z', was }), 'UTC')?.action).toBe(
      'Send cancellation',
    );
  });

  it('names the unsent emails it withdrew, never silently', () => {
    expect(
      calendarChangeWords(marked({ kind: 'cancelled', at: '2030-01-10T13:02:00.000Z', was, withdrawn: 1 }), 'UTC')
        ?.line,
    ).toMatch(
      /^Cancelled in Google Calendar on .*: it was at .*\. Interview Desk has not emailed the candidate\. 1 email that had not gone out yet was withdrawn\.$/,
    );
    expect(
      calendarChangeWords(marked({ kind: 'moved', at: '2030-01-10T13:02:00.000Z', was, withdrawn: 3 }), 'UTC')?.line,
    ).toMatch(/ 3 emails that had not gone out yet were withdrawn\.$/);
  });

  it('gives the new time and the one people had, and names the panel when there is one', () => {
    const moved = {
      ...marked({
        kind: 'moved',
        at: '2030-01-10T13:02:00.000Z',
        was: { startUtc: '2030-01-15T07:00:00.000Z', durationMinutes: 60 },
      }),
      coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
    };
    expect(calendarChangeWords(moved, 'UTC')?.line).toBe(
      `Moved in Google Calendar on ${formatDateTime('2030-01-10T13:02:00.000Z', 'UTC')}: now ${formatDateTime('2030-01-15T09:00:00.000Z', 'UTC')} (was ${formatDateTime('2030-01-15T07:00:00.000Z', 'UTC')}). Interview Desk has not emailed the candidate or the panel.`,
    );
  });

  it('says nothing when everyone was told', () => {
    expect(calendarChangeWords(base, 'UTC')).toBeUndefined();
  });
});
