import { makeInterview } from './interview-fixtures';
import type { Interview } from '../../preload/shared/contract/interview-schema';

/** An interview with a panel of two, 45 minutes from `startMs`: the panel forms' tests ask its co-interviewers. */
export function panelInterview(startMs: number, overrides: Partial<Interview> = {}): Interview {
  return makeInterview({
    startUtc: new Date(startMs).toISOString(),
    durationMinutes: 45,
    jobTitle: 'Compiler Engineer',
    timeZone: 'Europe/London',
    recruiter: { name: 'Rita Recruiter', email: 'recruiter@example.com' },
    candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
    coInterviewers: [
      { email: 'bob@example.com', name: 'Bob Panel' },
      { email: 'cy@example.com', name: 'Cy Panel' },
    ],
    meetLink: 'https://meet.google.com/abc-mnop-xyz',
    ...overrides,
  });
}
