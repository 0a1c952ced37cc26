import type { Interview } from '../contract/interview-schema';

/** Why an interview needs the recruiter's attention (shown as the "Needs attention" badge), or undefined. */
export function attentionReason(interview: Interview): string | undefined {
  if (interview.status === 'cancelled') return undefined;
  const failed = (['candidate', 'recruiter'] as const).find((r) => interview.invitations[r].state === 'failed');
  if (failed) return `Invitation to the ${failed} failed`;
  if (interview.google?.state === 'failed') return 'Google Calendar update failed';
  if (interview.google?.attendeeDeclined) return 'The candidate declined';
  if (interview.google?.state === 'pending') return 'Waiting for Google';
  if (!interview.meetLink) return 'No Meet link yet';
  return undefined;
}
