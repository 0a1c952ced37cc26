import { describe, expect, it } from 'vitest';
import { recruiterAbsent } from '../../../../../preload/shared/rules/recruiter-absent';

describe('whether Meet says the recruiter did not attend', () => {
  it.each([
    ['neither', true],
    ['interviewer_no_show', true],
    ['completed', false],
    ['candidate_no_show', false],
    // Someone unidentified joined: it may have been the recruiter.
    ['unconfirmed', false],
  ] as const)('%s → %s', (outcome, absent) => {
    expect(recruiterAbsent({ outcome })).toBe(absent);
  });

  it('attendance not read: asked as usual', () => {
    expect(recruiterAbsent(undefined)).toBe(false);
  });
});
