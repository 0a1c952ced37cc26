import { describe, expect, it } from 'vitest';
import { fieldIssues, type DeskError } from '../../../preload/shared/contract/result';
import { fieldMessage, isFormWide, withoutField } from '../../../renderer/common/FieldError';

const three: DeskError = {
  code: 'invalid_input',
  message: 'Candidate name is required',
  field: 'candidateName',
  fields: [
    { field: 'candidateName', message: 'Candidate name is required' },
    { field: 'jobTitle', message: 'Job title is required' },
    { field: 'date', message: 'Date is missing or incomplete: pick a day in the date picker' },
  ],
};

describe('form errors in the renderer', () => {
  it('reads every field issue, and the single field of an older answer', () => {
    expect(fieldIssues(three).map((i) => i.field)).toEqual(['candidateName', 'jobTitle', 'date']);
    expect(fieldIssues({ code: 'invalid_input', message: 'Start time is in the past.', field: 'time' })).toEqual([
      { field: 'time', message: 'Start time is in the past.' },
    ]);
    expect(fieldIssues({ code: 'internal', message: 'x' })).toEqual([]);
    expect(fieldMessage(three, 'date')).toMatch(/^Date is missing/);
    // A conflict is a warning about the time, not an error beside it.
    expect(fieldMessage({ code: 'conflict', message: 'Overlaps', field: 'time' }, 'time')).toBeUndefined();
  });

  it('clears one field at a time, keeping the rest (and the first of them as field/message)', () => {
    const two = withoutField(three, 'candidateName')!;
    expect(two).toMatchObject({ field: 'jobTitle', message: 'Job title is required' });
    expect(fieldIssues(two).map((i) => i.field)).toEqual(['jobTitle', 'date']);
    expect(withoutField(withoutField(two, 'jobTitle'), 'date')).toBeUndefined();
    expect(withoutField(three, 'notes')).toBe(three);
  });

  it("tells a form-wide error from one about the form's own fields", () => {
    expect(isFormWide(three, ['candidateName', 'jobTitle', 'date'])).toBe(false);
    expect(isFormWide({ code: 'unavailable', message: 'Email is not set up.' }, ['candidateName'])).toBe(true);
    expect(isFormWide({ code: 'invalid_input', message: 'Gone', field: 'id' }, ['candidateName'])).toBe(true);
  });
});
