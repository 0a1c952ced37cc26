import { describe, expect, it } from 'vitest';
import { previewRequest, shownWhenError, type WhenDraft } from '../../../../renderer/common/when-preview';
import type { DeskError } from '../../../../preload/shared/contract/result';

const when: WhenDraft = {
  date: '2030-03-04',
  time: '10:00',
  timeZone: 'Europe/London',
  durationMinutes: '60',
  occurrence: '',
};

describe('previewRequest', () => {
  it('asks about the date, time, zone and duration', () => {
    expect(previewRequest(when)).toEqual({
      date: '2030-03-04',
      time: '10:00',
      timeZone: 'Europe/London',
      durationMinutes: 60,
    });
    expect(previewRequest({ ...when, occurrence: 'earlier' })?.occurrence).toBe('earlier');
  });
  it('leaves out the interview being moved, when there is one', () => {
    const id = '0b5e6f3c-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
    expect(previewRequest(when, id)?.excludeId).toBe(id);
    expect(Object.keys(previewRequest(when) ?? {})).not.toContain('excludeId');
  });
  it('asks nothing while one of them is unfinished', () => {
    expect(previewRequest({ ...when, date: '' })).toBeUndefined();
    expect(previewRequest({ ...when, time: '' })).toBeUndefined();
    expect(previewRequest({ ...when, timeZone: '' })).toBeUndefined();
    expect(previewRequest({ ...when, durationMinutes: '4.5' })).toBeUndefined();
  });
});

describe('shownWhenError', () => {
  const refusal = (field: string): DeskError => ({ code: 'invalid_input', message: `${field} is wrong`, field });
  it("shows the preview's refusal of when the interview is, and no other", () => {
    expect(shownWhenError(undefined, refusal('timeZone'))?.field).toBe('timeZone');
    expect(shownWhenError(undefined, refusal('occurrence'))?.field).toBe('occurrence');
    expect(shownWhenError(undefined, refusal('durationMinutes'))).toBeUndefined();
  });
  it('shows only the refusals a form asks about live, when it names them', () => {
    const asked = new Set(['occurrence']);
    expect(shownWhenError(undefined, refusal('occurrence'), asked)?.field).toBe('occurrence');
    expect(shownWhenError(undefined, refusal('time'), asked)).toBeUndefined();
  });
  it("puts the submit's own error first", () => {
    expect(shownWhenError(refusal('candidateName'), refusal('date'))?.field).toBe('candidateName');
  });
});
