import { describe, expect, it } from 'vitest';
import { messageSigner, previewRequest, shownScheduleError } from '../../../../renderer/schedule/schedule-preview';
import type { ScheduleDraft } from '../../../../renderer/schedule/schedule-draft';
import type { DeskError } from '../../../../preload/shared/contract/result';
import { defaultSettings } from '../../../../preload/shared/contract/settings-schema';

const draft: ScheduleDraft = {
  candidateName: '',
  candidateEmail: '',
  jobTitle: '',
  date: '2030-03-04',
  time: '10:00',
  timeZone: 'Europe/London',
  candidateTimeZone: '',
  durationMinutes: '60',
  notes: '',
  candidateMessage: '',
  meetLink: '',
  occurrence: '',
};

describe('previewRequest', () => {
  it('asks about the date, time, zone and duration', () => {
    expect(previewRequest(draft)).toEqual({
      date: '2030-03-04',
      time: '10:00',
      timeZone: 'Europe/London',
      durationMinutes: 60,
    });
    expect(previewRequest({ ...draft, occurrence: 'earlier' })?.occurrence).toBe('earlier');
  });
  it('asks nothing while one of them is unfinished', () => {
    expect(previewRequest({ ...draft, date: '' })).toBeUndefined();
    expect(previewRequest({ ...draft, time: '' })).toBeUndefined();
    expect(previewRequest({ ...draft, timeZone: '' })).toBeUndefined();
    expect(previewRequest({ ...draft, durationMinutes: '4.5' })).toBeUndefined();
  });
});

describe('shownScheduleError', () => {
  const refusal = (field: string): DeskError => ({ code: 'invalid_input', message: `${field} is wrong`, field });
  it("shows the preview's refusal of when the interview is, and no other", () => {
    expect(shownScheduleError(undefined, refusal('timeZone'))?.field).toBe('timeZone');
    expect(shownScheduleError(undefined, refusal('occurrence'))?.field).toBe('occurrence');
    expect(shownScheduleError(undefined, refusal('durationMinutes'))).toBeUndefined();
  });
  it("puts the submit's own error first", () => {
    expect(shownScheduleError(refusal('candidateName'), refusal('date'))?.field).toBe('candidateName');
  });
});

describe('messageSigner', () => {
  const settings = { ...defaultSettings(), recruiterName: 'Rita from Settings' };
  it('signs with the Google account first, its email when it has no name', () => {
    expect(messageSigner({ state: 'connected', email: 'g@example.com', name: 'Gina' }, settings, 'typed')).toBe('Gina');
    expect(messageSigner({ state: 'needs_reconnect', email: 'g@example.com', name: '' }, settings, 'typed')).toBe(
      'g@example.com',
    );
  });
  it('then with the name in Settings, then with the name being typed', () => {
    expect(messageSigner({ state: 'disconnected' }, settings, 'typed')).toBe('Rita from Settings');
    expect(messageSigner({ state: 'disconnected' }, { ...settings, recruiterName: '' }, 'typed')).toBe('typed');
  });
});
