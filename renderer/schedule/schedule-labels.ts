/** The schedule form's fields as their labels read, for the error summary ("Please check Candidate name"). */
export const scheduleFieldNames: Record<string, string> = {
  recruiterName: 'Your name',
  recruiterEmail: 'Your email',
  candidateName: 'Candidate name',
  candidateEmail: 'Candidate email',
  jobTitle: 'Job title',
  date: 'Date',
  time: 'Start time',
  timeZone: 'Time zone',
  candidateTimeZone: 'Candidate time zone',
  durationMinutes: 'Duration (minutes)',
  notes: 'Private notes',
  candidateMessage: 'Message to the candidate',
  meetLink: 'Meet link',
  occurrence: 'Start time',
};

/** The summary's names for the panel's fields, as their labels read. */
export function panelLabels(count: number): Record<string, string> {
  const labels: Record<string, string> = { coInterviewers: 'Co-interviewers' };
  for (let i = 0; i < count; i++) {
    labels[`coInterviewers.${i}.email`] = `Co-interviewer ${i + 1} email`;
    labels[`coInterviewers.${i}.name`] = `Co-interviewer ${i + 1} name`;
  }
  return labels;
}

/** Every field the form shows: an error about none of them is shown once, under the form. */
export const scheduleFormFields = [
  ...Object.keys(scheduleFieldNames),
  'coInterviewers',
  ...Object.keys(panelLabels(8)),
];
