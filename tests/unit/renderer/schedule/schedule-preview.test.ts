import { describe, expect, it } from 'vitest';
import {
  messageSigner,
  overlapList,
  previewRequest,
  shownScheduleError,
} from '../../../../renderer/schedule/schedule-preview';
import { formatDateTime } from '../../../../renderer/common/format';
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

describe('overlapList', () => {
  it('names each overlapped interview with its job and start in the given zone, one after another', () => {
    const grace = { id: 'a', candidateName: 'Grace Hopper', jobTitle: 'Compiler Engineer', durationMinutes: 60 };
    const alan = { id: 'b', candidateName: 'Alan Turing', jobTitle: 'Researcher', durationMinutes: 30 };
    const list = overlapList(
      [
        { ...grace, startUtc: '2030-03-04T09:00:00.000Z' },
        { ...alan, startUtc: '2030-03-04T09:30:00.000Z' },
      ],
      'Asia/Tokyo',
    );
    expect(list).toBe(
      `Grace Hopper (Compiler Engineer, ${formatDateTime('2030-03-04T09:00:00.000Z', 'Asia/Tokyo')}); ` +
        `Alan Turing (Researcher, ${formatDateTime('2030-03-04T09:30:00.000Z', 'Asia/Tokyo')})`,
    );
    // In the form's zone, not the machine's: 09:00 UTC is 18:00 in Tokyo.
    expect(list).toMatch(/18:00|6:00/);
  });
});
