import { describe, expect, it } from 'vitest';
import { conflictQuestion } from '../../../main/interviews/conflict-question';
import { noFindings, type CalendarFindings } from '../../../main/interviews/calendar-findings';
import { timeStyleOf } from '../../../preload/shared/rules/time-format';

const start = '2030-01-15T14:00:00.000Z';
const busy: CalendarFindings = {
  busy: [
    { who: 'recruiter', name: 'You', start: '2030-01-15T13:30:00.000Z', end: '2030-01-15T14:30:00.000Z' },
    { who: 'bob@example.com', name: 'Bob Panel', start: '2030-01-15T23:30:00.000Z', end: '2030-01-16T00:30:00.000Z' },
  ],
  unknown: [],
};

describe('conflict question (main/interviews/conflict-question)', () => {
  it('names busy times as the recruiter writes a time: 24 hours in en-GB, the day when it is another one', () => {
    expect(conflictQuestion([], busy, 'UTC', start, 'Schedule anyway?', timeStyleOf('en-GB'))).toBe(
      'You are busy 13:30–14:30 in Google Calendar. Bob Panel is busy 23:30–Wed 16 Jan, 00:30. Schedule anyway?',
    );
  });

  it('uses a 12-hour clock for en-US', () => {
    expect(conflictQuestion([], busy, 'UTC', start, 'Move anyway?', timeStyleOf('en-US'))).toBe(
      'You are busy 1:30 PM–2:30 PM in Google Calendar. Bob Panel is busy 11:30 PM–Wed, Jan 16, 12:30 AM. Move anyway?',
    );
  });

  it('asks nothing when no one is busy and Google told about everyone', () => {
    expect(conflictQuestion([], noFindings, 'UTC', start, 'Schedule anyway?', timeStyleOf('en-GB'))).toBeUndefined();
  });
});
