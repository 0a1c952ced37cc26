import { describe, expect, it } from 'vitest';
import { calendarChangeToldLine, calendarChangeWords } from '../../../../renderer/interview-room/calendar-change-words';
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
      told: 'They already know',
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

  it('after restoring a copy, says people may already have been emailed and never that no one was', () => {
    const at = '2030-01-14T11:00:00.000Z';
    const moved = calendarChangeWords(
      marked({
        kind: 'moved',
        at,
        was: { startUtc: '2030-01-14T10:00:00.000Z', durationMinutes: 60 },
        afterRestore: true,
      }),
      'UTC',
    );
    expect(moved).toEqual({
      line: `Google Calendar has a different time than the restored copy: now ${formatDateTime(base.startUtc, 'UTC')} (the copy had ${formatDateTime('2030-01-14T10:00:00.000Z', 'UTC')}), changed there on ${formatDateTime(at, 'UTC')}. People may already have been emailed about it, if it was done in Interview Desk before the copy was put back; Interview Desk cannot tell. Use Send update only if the candidate has not been told.`,
      action: 'Send update',
      told: 'They were told',
    });
    const cancelled = calendarChangeWords(
      { ...marked({ kind: 'cancelled', at, was, afterRestore: true }), coInterviewers: [{ email: 'pat@example.com' }] },
      'UTC',
    );
    expect(cancelled?.line).toBe(
      `Google Calendar has this interview cancelled, unlike the restored copy: it was at ${formatDateTime(was.startUtc, 'UTC')}, cancelled there on ${formatDateTime(at, 'UTC')}. People may already have been emailed about it, if it was done in Interview Desk before the copy was put back; Interview Desk cannot tell. Use Send cancellation only if the candidate or the panel have not been told.`,
    );
    expect(cancelled?.action).toBe('Send cancellation');
    for (const words of [moved, cancelled]) expect(words?.line).not.toMatch(/has not emailed/);
  });

  it('says nothing when everyone was told', () => {
    expect(calendarChangeWords(base, 'UTC')).toBeUndefined();
    expect(calendarChangeToldLine(base, 'UTC')).toBeUndefined();
  });

  it('once marked as told, says so quietly and that nothing was sent, until a newer change waits', () => {
    const markedAt = '2030-01-11T08:30:00.000Z';
    const told = (kind: 'moved' | 'cancelled') => ({
      ...base,
      google: { eventId: 'e1', state: 'synced' as const, calendarChangeTold: { kind, markedAt } },
    });
    expect(calendarChangeToldLine(told('moved'), 'UTC')).toBe(
      `The move made in Google Calendar was marked as told on ${formatDateTime(markedAt, 'UTC')} — Interview Desk sent nothing.`,
    );
    expect(calendarChangeToldLine(told('cancelled'), 'UTC')).toMatch(/^The cancellation made in Google Calendar was/);
    const newer = {
      ...told('moved'),
      google: { ...told('moved').google, calendarChange: { kind: 'moved' as const, at: markedAt, was } },
    };
    expect(calendarChangeToldLine(newer, 'UTC')).toBeUndefined();
  });
});
