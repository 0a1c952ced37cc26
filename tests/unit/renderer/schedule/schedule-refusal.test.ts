import { describe, expect, it } from 'vitest';
import { scheduleRefusal } from '../../../../renderer/schedule/schedule-refusal';
import type { DeskError, FieldIssue } from '../../../../preload/shared/contract/result';

const nameMissing: FieldIssue = { field: 'recruiterName', message: 'Your name is required' };
const refused = (...fields: FieldIssue[]): DeskError => ({
  code: 'invalid_input',
  message: fields[0]!.message,
  field: fields[0]!.field,
  fields,
});

describe('scheduleRefusal', () => {
  it("shows the form's own refusals of the name and email first, then main's", () => {
    const jobTitle = { field: 'jobTitle', message: 'Job title is required' };
    expect(scheduleRefusal([nameMissing], refused(jobTitle))).toEqual({
      code: 'invalid_input',
      message: nameMissing.message,
      field: 'recruiterName',
      fields: [nameMissing, jobTitle],
    });
  });

  it("drops main's 'add your name in Settings' while the form asks for it, and keeps it otherwise", () => {
    const recruiter = { field: 'recruiter', message: 'Add your name and email in Settings' };
    expect(scheduleRefusal([nameMissing], refused(recruiter)).fields).toEqual([nameMissing]);
    expect(scheduleRefusal([], refused(recruiter))).toEqual(refused(recruiter));
  });

  it('leaves an error that is not about fields as main said it', () => {
    const conflict: DeskError = { code: 'conflict', message: 'Grace Hopper is scheduled then' };
    expect(scheduleRefusal([nameMissing], conflict)).toBe(conflict);
    const stored: DeskError = { code: 'unavailable', message: 'The database is busy' };
    expect(scheduleRefusal([], stored)).toBe(stored);
  });
});
