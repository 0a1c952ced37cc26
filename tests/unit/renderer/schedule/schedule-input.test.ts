import { describe, expect, it } from 'vitest';
import { keptPanelRows, scheduleInput } from '../../../../renderer/schedule/schedule-input';
import type { ScheduleDraft } from '../../../../renderer/schedule/schedule-draft';

const draft: ScheduleDraft = {
  candidateName: 'Ada Lovelace',
  candidateEmail: 'ada@example.com',
  jobTitle: 'Engineer',
  date: '2030-03-04',
  time: '10:00',
  timeZone: 'Europe/London',
  candidateTimeZone: '',
  durationMinutes: '45',
  notes: '',
  candidateMessage: '',
  meetLink: '',
  occurrence: '',
  coInterviewers: [],
};

describe('scheduleInput', () => {
  it('sends the draft as typed, the optional fields only when filled in', () => {
    const input = scheduleInput(draft, false);
    expect(input).toEqual({
      ...draft,
      candidateTimeZone: undefined,
      meetLink: undefined,
      occurrence: undefined,
      durationMinutes: 45,
      coInterviewers: [],
      acceptConflicts: false,
    });
    expect(Object.keys(input)).not.toContain('candidateTimeZone');
    expect(Object.keys(input)).not.toContain('meetLink');
    expect(Object.keys(input)).not.toContain('occurrence');
  });

  it('sends an empty duration as not-a-number, so main says it is required', () => {
    expect(scheduleInput({ ...draft, durationMinutes: ' ' }, false).durationMinutes).toBeNaN();
  });

  it('keeps the candidate zone, Meet link, occurrence and a conflict answer when given', () => {
    const input = scheduleInput(
      {
        ...draft,
        candidateTimeZone: 'Asia/Tokyo',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        occurrence: 'later',
      },
      true,
    );
    expect(input).toMatchObject({
      candidateTimeZone: 'Asia/Tokyo',
      meetLink: 'https://meet.google.com/abc-defg-hij',
      occurrence: 'later',
      acceptConflicts: true,
    });
  });

  it('drops empty panel rows and a name left blank', () => {
    const rows = [
      { email: 'grace@example.com', name: ' ' },
      { email: ' ', name: '' },
      { email: 'alan@example.com', name: 'Alan' },
    ];
    expect(keptPanelRows(rows)).toHaveLength(2);
    expect(scheduleInput({ ...draft, coInterviewers: rows }, false).coInterviewers).toEqual([
      { email: 'grace@example.com' },
      { email: 'alan@example.com', name: 'Alan' },
    ]);
  });
});
